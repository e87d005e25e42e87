package org.ticketpost.mail;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** What mail programs mean by a charset label, which is often more than the label says. */
final class CharsetLabels {

    /** Labels whose real-world meaning is a superset, as the WHATWG encoding standard maps them. */
    private static final Map<String, String> SUPERSETS = Map.ofEntries(
            Map.entry("iso-8859-1", "windows-1252"),
            Map.entry("latin1", "windows-1252"),
            Map.entry("us-ascii", "windows-1252"),
            Map.entry("ascii", "windows-1252"),
            Map.entry("iso-8859-9", "windows-1254"),
            Map.entry("gb2312", "GB18030"),
            Map.entry("gbk", "GB18030"),
            Map.entry("x-gbk", "GB18030"),
            Map.entry("ks_c_5601-1987", "x-windows-949"),
            Map.entry("euc-kr", "x-windows-949"),
            Map.entry("iso-8859-8-i", "ISO-8859-8"),
            Map.entry("iso-gb2312", "GB18030"),
            Map.entry("iso-2022-jp", "x-windows-iso2022jp"),   // with the NEC and IBM characters Windows writes (①)
            Map.entry("x-mac-cyrillic", "x-MacCyrillic"),
            Map.entry("shift_jis", "windows-31j"),
            Map.entry("x-sjis", "windows-31j"),
            Map.entry("utf8", "UTF-8"));

    private static final Map<Charset, Charset> JAVA_SUPERSETS = javaSupersets();

    private CharsetLabels() {
    }

    /** The same supersets, between the charsets Java resolves the labels to, for decoders that look labels up themselves. */
    static Map<Charset, Charset> supersets() {
        return JAVA_SUPERSETS;
    }

    private static Map<Charset, Charset> javaSupersets() {
        Map<Charset, Charset> supersets = new HashMap<>();
        SUPERSETS.forEach((label, superset) -> {
            try {
                Charset named = Charset.forName(label);
                Charset meant = Charset.forName(superset);
                if (!named.equals(meant)) {
                    supersets.put(named, meant);
                }
            } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
                // a label this Java does not know is decoded with the fallback anyway
            }
        });
        return Map.copyOf(supersets);
    }

    /** The charset a label names, if Java supports it. */
    static Optional<Charset> charset(String label) {
        if (label == null || label.isBlank()) {
            return Optional.empty();
        }
        String name = label.strip().replace("\"", "").toLowerCase(Locale.ROOT);
        if (Utf7.CHARSET.aliases().contains(name) || name.equals("utf-7")) {
            return Optional.of(Utf7.CHARSET);
        }
        try {
            return Optional.of(Charset.forName(SUPERSETS.getOrDefault(name, name)));
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            return Optional.empty();
        }
    }

    /** Charsets that write non-ASCII text in ASCII bytes (escape sequences), so ASCII bytes are not ASCII text. */
    static boolean isSevenBit(Charset charset) {
        String name = charset.name().toUpperCase(Locale.ROOT).replace("-", "");
        return name.contains("ISO2022") || name.equals("UTF7") || name.equals("HZGB2312");
    }

    /**
     * The charset in which raw 8-bit bytes are read when a mail's text is in this one: a
     * charset that writes ASCII bytes only (ISO-2022-JP) cannot be meant, so its 8-bit sibling is.
     */
    static Charset forRawBytes(Charset charset) {
        String name = charset.name().toUpperCase(Locale.ROOT).replace("-", "");
        if (name.contains("ISO2022JP")) {
            return Charset.forName("windows-31j");
        }
        if (name.contains("ISO2022KR")) {
            return Charset.forName("x-windows-949");
        }
        if (name.contains("ISO2022CN") || name.equals("HZGB2312")) {
            return Charset.forName("GB18030");
        }
        return isSevenBit(charset) ? StandardCharsets.UTF_8 : charset;
    }
}
