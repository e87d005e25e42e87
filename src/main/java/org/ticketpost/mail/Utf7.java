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
 * "Übermittlung". Ticketpost reads it; writing it is there for the charset's contract.
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
    public CharsetEncoder newEncoder() {
        return new Encoder(this);
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

    /** The characters of RFC 2152's set D and white space go as they are; everything else in a shifted run. */
    private static final class Encoder extends CharsetEncoder {
        private static final String BASE64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

        private boolean shifted;
        private int bits;
        private int bitCount;

        Encoder(Charset charset) {
            super(charset, 3f, 8f);
        }

        @Override
        protected CoderResult encodeLoop(CharBuffer in, ByteBuffer out) {
            while (in.hasRemaining()) {
                if (out.remaining() < 8) {
                    return CoderResult.OVERFLOW;
                }
                char c = in.get();
                if (isDirect(c)) {
                    endShift(out);
                    out.put((byte) c);
                } else if (c == '+' && !shifted) {
                    out.put((byte) '+').put((byte) '-');
                } else {
                    if (!shifted) {
                        out.put((byte) '+');
                        shifted = true;
                    }
                    bits = (bits << 16) | c;
                    bitCount += 16;
                    while (bitCount >= 6) {
                        bitCount -= 6;
                        out.put((byte) BASE64.charAt((bits >> bitCount) & 63));
                    }
                    bits &= (1 << bitCount) - 1;
                }
            }
            return CoderResult.UNDERFLOW;
        }

        @Override
        protected CoderResult implFlush(ByteBuffer out) {
            if (out.remaining() < 2) {
                return CoderResult.OVERFLOW;
            }
            endShift(out);
            return CoderResult.UNDERFLOW;
        }

        @Override
        protected void implReset() {
            shifted = false;
            bits = 0;
            bitCount = 0;
        }

        private void endShift(ByteBuffer out) {
            if (!shifted) {
                return;
            }
            if (bitCount > 0) {
                out.put((byte) BASE64.charAt((bits << (6 - bitCount)) & 63));
            }
            out.put((byte) '-');
            shifted = false;
            bits = 0;
            bitCount = 0;
        }

        private static boolean isDirect(char c) {
            return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9'
                    || "'(),-./:? \t\r\n".indexOf(c) >= 0;
        }
    }
}
