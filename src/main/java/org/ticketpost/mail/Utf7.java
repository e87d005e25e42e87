package org.ticketpost.mail;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CoderResult;

/**
 * UTF-7 (RFC 2152), which Java lacks and Exchange still writes into delivery status
 * notifications ("unicode-1-1-utf-7"): Unicode in ASCII, "+ANw-bermittlung" for
 * "Übermittlung". Ticketpost only reads it: it writes its own mails in UTF-8.
 */
final class Utf7 extends Charset {

    static final Utf7 CHARSET = new Utf7();

    private Utf7() {
        super("UTF-7", new String[] {"unicode-1-1-utf-7", "x-unicode-2-0-utf-7"});
    }

    @Override
    public boolean contains(Charset charset) {
        return charset instanceof Utf7;
    }

    @Override
    public boolean canEncode() {
        return false;
    }

    /** As the contract of a charset that cannot encode has it. */
    @Override
    public CharsetEncoder newEncoder() {
        throw new UnsupportedOperationException("Ticketpost reads UTF-7 but never writes it");
    }

    @Override
    public CharsetDecoder newDecoder() {
        return new Decoder(this);
    }

    /** Direct characters pass; "+" starts modified base64 of UTF-16, ended by "-" (absorbed) or any other character. */
    private static final class Decoder extends CharsetDecoder {
        private boolean shifted;
        private boolean justShifted;
        private int bits;
        private int bitCount;

        Decoder(Charset charset) {
            super(charset, 1, 1);
        }

        @Override
        protected CoderResult decodeLoop(ByteBuffer in, CharBuffer out) {
            while (in.hasRemaining()) {
                if (!out.hasRemaining()) {
                    return CoderResult.OVERFLOW;   // every byte yields at most one character
                }
                int b = in.get() & 0xff;
                if (!shifted) {
                    if (b == '+') {
                        shifted = true;
                        justShifted = true;
                        bits = 0;
                        bitCount = 0;
                    } else {
                        out.put((char) b);
                    }
                    continue;
                }
                int value = base64(b);
                if (value >= 0) {
                    justShifted = false;
                    bits = (bits << 6) | value;
                    bitCount += 6;
                    if (bitCount >= 16) {
                        bitCount -= 16;
                        out.put((char) ((bits >> bitCount) & 0xffff));
                    }
                    continue;
                }
                shifted = false;
                if (b == '-' && justShifted) {
                    out.put('+');   // "+-" is a plus sign
                } else if (b != '-') {
                    out.put((char) b);
                }
                justShifted = false;
            }
            return CoderResult.UNDERFLOW;
        }

        @Override
        protected void implReset() {
            shifted = false;
            justShifted = false;
            bits = 0;
            bitCount = 0;
        }

        private static int base64(int b) {
            if (b >= 'A' && b <= 'Z') {
                return b - 'A';
            }
            if (b >= 'a' && b <= 'z') {
                return b - 'a' + 26;
            }
            if (b >= '0' && b <= '9') {
                return b - '0' + 52;
            }
            return b == '+' ? 62 : b == '/' ? 63 : -1;
        }
    }
}
