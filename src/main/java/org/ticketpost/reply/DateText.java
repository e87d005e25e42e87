package org.ticketpost.reply;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

/**
 * A moment as a customer reads it, in their language and with its zone's short name as the JDK
 * (CLDR) gives it there: "Tuesday, 24 November 2026, 10:00 CET", "Dienstag, 24. November 2026,
 * 10:00 MEZ"; a zone without a short name in that language reads "GMT-03:00".
 */
final class DateText {

    private static final DateTimeFormatter ENGLISH = DateTimeFormatter.ofPattern("EEEE, d MMMM yyyy, HH:mm zzz", Locale.ENGLISH);
    private static final Map<String, DateTimeFormatter> BY_LANGUAGE = Map.of(
            "en", ENGLISH,
            "de", DateTimeFormatter.ofPattern("EEEE, d. MMMM yyyy, HH:mm zzz", Locale.GERMAN));

    private DateText() {
    }

    /** English for a language without a form of its own, as its reply falls back to the English text. */
    static String of(ZonedDateTime time, String language) {
        return BY_LANGUAGE.getOrDefault(language, ENGLISH).format(time);
    }
}
