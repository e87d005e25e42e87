package org.ticketpost.mail;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Turns the bytes of a text into characters the way mail programs do: the declared
 * charset when Java knows it (under the name browsers use for it), otherwise UTF-8 when
 * the bytes are valid UTF-8, otherwise windows-1252. An unknown or misspelled charset
 * never loses a mail.
 */
final class TextDecoding {

    static final Charset FALLBACK = Charset.forName("windows-1252");

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

    private TextDecoding() {
    }

    /** The same supersets, between the charsets Java resolves the labels to, for decoders that look labels up themselves. */
    static Map<Charset, Charset> supersets() {
        return JAVA_SUPERSETS;
    }

    private static Map<Charset, Charset> javaSupersets() {
        Map<Charset, Charset> supersets = new java.util.HashMap<>();
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

    static String decode(byte[] bytes, int length, String declaredCharset) {
        Optional<Charset> sevenBit = charset(declaredCharset).filter(TextDecoding::isSevenBit);
        if (sevenBit.isPresent()) {
            if (isAscii(bytes, length)) {
                return new String(bytes, 0, length, sevenBit.get());
            }
            // 8-bit bytes cannot be in a 7-bit charset: the label is wrong, often on text converted to UTF-8
            return new String(bytes, 0, length, isUtf8(bytes, length) ? StandardCharsets.UTF_8 : forRawBytes(sevenBit.get()));
        }
        if (isAscii(bytes, length)) {
            return new String(bytes, 0, length, StandardCharsets.ISO_8859_1);
        }
        Optional<Charset> declared = charset(declaredCharset)
                .filter(charset -> !charset.equals(FALLBACK) || !isUtf8(bytes, length));
        if (declared.isPresent() && !declared.get().equals(StandardCharsets.UTF_8)) {
            return new String(bytes, 0, length, declared.get());
        }
        return isUtf8(bytes, length) || (declared.isPresent() && hasUtf8Sequences(bytes, length))
                ? new String(bytes, 0, length, StandardCharsets.UTF_8)
                : new String(bytes, 0, length, FALLBACK);
    }

    /** Charsets that write non-ASCII text in ASCII bytes (escape sequences), so ASCII bytes are not ASCII text. */
    static boolean isSevenBit(Charset charset) {
        String name = charset.name().toUpperCase(Locale.ROOT).replace("-", "");
        return name.contains("ISO2022") || name.equals("UTF7") || name.equals("HZGB2312");
    }

    /**
     * Raw 8-bit bytes of a header: UTF-8 when they are, otherwise in the charset the mail
     * declares; when it declares none, UTF-8 cut short (a name truncated mid-character) is
     * still read as UTF-8 rather than as windows-1252 gibberish.
     */
    static String raw(byte[] bytes, Charset declared) {
        if (isAscii(bytes, bytes.length) || isUtf8(bytes, bytes.length)
                || declared.equals(FALLBACK) && isMostlyUtf8(bytes)) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        return new String(bytes, declared);
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

    static boolean isAscii(byte[] bytes, int length) {
        for (int i = 0; i < length; i++) {
            if (bytes[i] < 0) {
                return false;
            }
        }
        return true;
    }

    static boolean isUtf8(byte[] bytes, int length) {
        try {
            StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, 0, length));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    /** Well-formed UTF-8 sequences with at most a few stray bytes, as when UTF-8 was cut in the middle of a character. */
    private static boolean isMostlyUtf8(byte[] bytes) {
        int sequences = 0;
        int stray = 0;
        for (int i = 0; i < bytes.length; ) {
            int lead = bytes[i] & 0xff;
            int length = lead < 0x80 ? 1 : lead >= 0xc2 && lead <= 0xdf ? 2 : lead >= 0xe0 && lead <= 0xef ? 3
                    : lead >= 0xf0 && lead <= 0xf4 ? 4 : 0;
            boolean wellFormed = length > 0 && i + length <= bytes.length;
            for (int k = 1; wellFormed && k < length; k++) {
                wellFormed = (bytes[i + k] & 0xc0) == 0x80;
            }
            if (!wellFormed) {
                stray++;
                i++;
            } else {
                sequences += length > 1 ? 1 : 0;
                i += length;
            }
        }
        return sequences > 0 && stray * 4 <= sequences;
    }

    /** Mostly UTF-8 with a few broken bytes: decode as UTF-8 and let the broken bytes show. */
    private static boolean hasUtf8Sequences(byte[] bytes, int length) {
        for (int i = 0; i + 1 < length; i++) {
            int lead = bytes[i] & 0xff;
            int next = bytes[i + 1] & 0xff;
            if (lead >= 0xc2 && lead <= 0xf4 && (next & 0xc0) == 0x80) {
                return true;
            }
        }
        return false;
    }
}
