package org.ticketpost.mail;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The value and parameters of a Content-Type or Content-Disposition field, read from its
 * raw bytes: RFC 2231 values (charset'language'%XX, continuations *0, *1, ...) and RFC 2047
 * encoded words are decoded, and a raw 8-bit value is read as UTF-8 when it is valid UTF-8,
 * otherwise in a charset the caller knows for the mail. mime4j's own parameter reading
 * cannot serve: it reads raw bytes as UTF-8 only, and takes any value with two apostrophes
 * ("Bob's and Alice's notes.txt") for an RFC 2231 one.
 */
final class MimeParameters {

    /** Holds each byte of the raw field in one char, so that the bytes can be recovered. */
    private static final Charset BYTES = StandardCharsets.ISO_8859_1;

    private static final Pattern SEGMENT = Pattern.compile("\\d{1,3}");

    private final String value;
    private final Map<String, String> parameters;

    private MimeParameters(String value, Map<String, String> parameters) {
        this.value = value;
        this.parameters = parameters;
    }

    static MimeParameters parse(byte[] fieldValue) {
        String text = Unfolding.unfold(new String(fieldValue, BYTES));
        int semicolon = text.indexOf(';');
        String value = (semicolon < 0 ? text : text.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
        Map<String, String> parameters = new HashMap<>();
        int at = semicolon < 0 ? text.length() : semicolon + 1;
        while (at < text.length()) {
            int equals = text.indexOf('=', at);
            int nextSemicolon = text.indexOf(';', at);
            if (equals < 0) {
                break;
            }
            if (nextSemicolon >= 0 && nextSemicolon < equals) {
                at = nextSemicolon + 1;   // a parameter without a value
                continue;
            }
            String name = text.substring(at, equals).strip().toLowerCase(Locale.ROOT);
            StringBuilder parameter = new StringBuilder();
            at = readValue(text, equals + 1, parameter);
            parameters.putIfAbsent(name, parameter.toString());
        }
        return new MimeParameters(value, parameters);
    }

    /** The field's value before any parameter, in lower case: "text/plain", "attachment". */
    String value() {
        return value;
    }

    /** A parameter; raw 8-bit bytes that are not UTF-8 are read in {@code rawCharset}. */
    Optional<String> get(String name, Charset rawCharset) {
        String extended = parameters.get(name + "*");
        if (extended != null) {
            return Optional.of(extended(extended, rawCharset));
        }
        Optional<String> continued = continued(name, rawCharset);
        if (continued.isPresent()) {
            return continued;
        }
        return Optional.ofNullable(parameters.get(name))
                .map(raw -> EncodedWords.decode(raw8Bit(raw.getBytes(BYTES), rawCharset), rawCharset));
    }

    /** Reads a token or a quoted string; returns where the next parameter starts. */
    private static int readValue(String text, int from, StringBuilder value) {
        int at = from;
        while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
            at++;
        }
        if (at < text.length() && text.charAt(at) == '"') {
            for (at++; at < text.length() && text.charAt(at) != '"'; at++) {
                // a backslash escapes a quote or a backslash only: Windows programs write paths unescaped
                if (text.charAt(at) == '\\' && at + 1 < text.length() && (text.charAt(at + 1) == '"' || text.charAt(at + 1) == '\\')) {
                    at++;
                }
                value.append(text.charAt(at));
            }
            int semicolon = text.indexOf(';', at);
            return semicolon < 0 ? text.length() : semicolon + 1;
        }
        int semicolon = text.indexOf(';', at);
        int end = semicolon < 0 ? text.length() : semicolon;
        value.append(text, at, end);   // lenient: an unquoted value may hold spaces ("name=my file.pdf")
        value.setLength(value.toString().stripTrailing().length());
        return end + 1;
    }

    /** RFC 2231: name*0*=utf-8''Pr%C3%BC, name*1=fbericht.pdf, in the order of their numbers. */
    private Optional<String> continued(String name, Charset rawCharset) {
        Map<Integer, String> segments = new TreeMap<>();
        Map<Integer, Boolean> encoded = new HashMap<>();
        parameters.forEach((key, value) -> {
            if (key.startsWith(name + "*")) {
                String number = key.substring(name.length() + 1);
                boolean isEncoded = number.endsWith("*");
                number = isEncoded ? number.substring(0, number.length() - 1) : number;
                if (SEGMENT.matcher(number).matches()) {
                    segments.put(Integer.parseInt(number), value);
                    encoded.put(Integer.parseInt(number), isEncoded);
                }
            }
        });
        if (segments.isEmpty()) {
            return Optional.empty();
        }
        String charset = null;
        boolean first = true;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (Map.Entry<Integer, String> segment : segments.entrySet()) {
            String value = segment.getValue();
            if (encoded.get(segment.getKey())) {
                String[] parts = value.split("'", 3);
                if (first && parts.length == 3) {   // only the first segment names the charset
                    charset = parts[0];
                    value = parts[2];
                }
                bytes.writeBytes(percentDecoded(value));
            } else {
                bytes.writeBytes(value.getBytes(BYTES));
            }
            first = false;
        }
        byte[] all = bytes.toByteArray();
        return Optional.of(charset == null ? raw8Bit(all, rawCharset) : TextDecoding.decode(all, all.length, charset));
    }

    /** RFC 2231: name*=charset'language'percent-encoded. */
    private static String extended(String value, Charset rawCharset) {
        String[] parts = value.split("'", 3);
        if (parts.length < 3) {
            return raw8Bit(percentDecoded(value), rawCharset);
        }
        byte[] bytes = percentDecoded(parts[2]);
        return TextDecoding.decode(bytes, bytes.length, parts[0]);
    }

    private static byte[] percentDecoded(String value) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '%' && i + 2 < value.length() && isHex(value.charAt(i + 1)) && isHex(value.charAt(i + 2))) {
                bytes.write(Integer.parseInt(value.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                bytes.write(c);
            }
        }
        return bytes.toByteArray();
    }

    private static boolean isHex(char c) {
        return Character.digit(c, 16) >= 0;
    }

    private static String raw8Bit(byte[] bytes, Charset rawCharset) {
        return TextDecoding.raw(bytes, rawCharset);
    }
}
