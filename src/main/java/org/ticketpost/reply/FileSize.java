package org.ticketpost.reply;

import java.math.RoundingMode;
import java.text.NumberFormat;
import java.util.Locale;

/** A number of bytes as a customer reads it, in their language: "31.4 MB", "31,4 MB". */
final class FileSize {

    private static final String[] UNITS = {"KB", "MB", "GB", "TB"};

    private FileSize() {
    }

    static String of(long bytes, String language) {
        NumberFormat number = NumberFormat.getNumberInstance(Locale.forLanguageTag(language));
        number.setMaximumFractionDigits(1);
        number.setRoundingMode(RoundingMode.CEILING);   // a file just over a limit must not read as the limit itself
        if (bytes < 1024) {
            return number.format(bytes) + " B";
        }
        double value = bytes / 1024.0;
        int unit = 0;
        while (value >= 1024 && unit < UNITS.length - 1) {
            value /= 1024;
            unit++;
        }
        return number.format(value) + " " + UNITS[unit];
    }
}
