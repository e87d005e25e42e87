package org.ticketpost.mail;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Turns the bytes of a text into characters the way mail programs do: the declared
 * charset when Java knows it (under the name browsers use for it, see {@link CharsetLabels}),
 * otherwise UTF-8 when the bytes are valid UTF-8, otherwise windows-1252. An unknown or
 * misspelled charset never loses a mail.
 */
final class TextDecoding {

    static final Charset FALLBACK = Charset.forName("windows-1252");

    private TextDecoding() {
    }

    static String decode(byte[] bytes, int length, String declaredCharset) {
        Optional<Charset> sevenBit = CharsetLabels.charset(declaredCharset).filter(CharsetLabels::isSevenBit);
        if (sevenBit.isPresent()) {
            if (isAscii(bytes, length)) {
                return new String(bytes, 0, length, sevenBit.get());
            }
            // 8-bit bytes cannot be in a 7-bit charset: the label is wrong, often on text converted to UTF-8
            return new String(bytes, 0, length, isUtf8(bytes, length) ? StandardCharsets.UTF_8 : CharsetLabels.forRawBytes(sevenBit.get()));
        }
        if (isAscii(bytes, length)) {
            return new String(bytes, 0, length, StandardCharsets.ISO_8859_1);
        }
        Optional<Charset> declared = CharsetLabels.charset(declaredCharset)
                .filter(charset -> !charset.equals(FALLBACK) || !isUtf8(bytes, length));
        if (declared.isPresent() && !declared.get().equals(StandardCharsets.UTF_8)) {
            return new String(bytes, 0, length, declared.get());
        }
        return isUtf8(bytes, length) || (declared.isPresent() && hasUtf8Sequences(bytes, length))
                ? new String(bytes, 0, length, StandardCharsets.UTF_8)
                : new String(bytes, 0, length, FALLBACK);
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

    static boolean isAscii(byte[] bytes, int length) {
        int all = 0;
        for (int i = 0; i < length; i++) {
            all |= bytes[i];   // a reduction without an early exit, which the compiler can vectorise
        }
        return all >= 0;
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
