package org.ticketpost.mail;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.james.mime4j.codec.DecodeMonitor;
import org.apache.james.mime4j.codec.DecoderUtil;

/**
 * RFC 2047 encoded words ("=?GB2312?B?...?="), decoded with the charset a mail program
 * means by the label: text labelled GB2312 is written in GBK, ISO-8859-1 in windows-1252.
 * A word in a charset Java does not know is decoded with the fallback; a broken one stays
 * as it is, so that nothing of a header is lost.
 */
final class EncodedWords {

    /** Words in UTF-7, which mime4j cannot look up: Exchange writes them into its delivery reports. */
    private static final Pattern UTF7_WORD = Pattern.compile(
            "=\\?(?i:unicode-1-1-utf-7|utf-7|x-unicode-2-0-utf-7)(?:\\*[^?]*)?\\?([QqBb])\\?([^?]*)\\?=");

    private EncodedWords() {
    }

    static String decode(String text, Charset fallback) {
        String words = text.contains("=?") ? utf7AsUtf8(text) : text;
        return DecoderUtil.decodeEncodedWords(words, DecodeMonitor.SILENT, fallback, CharsetLabels.supersets());
    }

    /** Rewrites each UTF-7 word as the same text in a UTF-8 word, so that the words around it join as usual. */
    private static String utf7AsUtf8(String text) {
        Matcher word = UTF7_WORD.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (word.find()) {
            byte[] bytes = word.group(1).equalsIgnoreCase("B") ? base64(word.group(2)) : quoted(word.group(2));
            String utf8 = Base64.getEncoder().encodeToString(new String(bytes, Utf7.CHARSET).getBytes(StandardCharsets.UTF_8));
            word.appendReplacement(out, Matcher.quoteReplacement("=?UTF-8?B?" + utf8 + "?="));
        }
        return word.appendTail(out).toString();
    }

    /** Base64 as mail programs forgive it: stray characters skipped, a last character that makes no byte left out. */
    private static byte[] base64(String text) {
        String digits = text.replaceAll("[^A-Za-z0-9+/]", "");
        return Base64.getDecoder().decode(digits.length() % 4 == 1 ? digits.substring(0, digits.length() - 1) : digits);
    }

    /** The "Q" encoding: "_" is a space, "=XX" a byte. */
    private static byte[] quoted(String text) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '=' && i + 2 < text.length() && Character.digit(text.charAt(i + 1), 16) >= 0
                    && Character.digit(text.charAt(i + 2), 16) >= 0) {
                bytes.write(Integer.parseInt(text.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                bytes.write(c == '_' ? ' ' : c);
            }
        }
        return bytes.toByteArray();
    }
}
