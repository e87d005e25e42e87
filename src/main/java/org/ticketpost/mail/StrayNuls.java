package org.ticketpost.mail;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Drops the NUL bytes of a mail's header section (lines ending in LF). A NUL in a header
 * is a stray from a broken program or gateway: it means nothing, and mime4j and PostgreSQL
 * would choke on it. The body is passed on as it is: its parts are decoded by their charset.
 */
final class StrayNuls extends FilterInputStream {

    private boolean inHeader = true;
    /** The last two bytes passed on, to see the empty line that ends the header section. */
    private int last = -1;
    private int beforeLast = -1;

    StrayNuls(InputStream in) {
        super(in);
    }

    @Override
    public int read() throws IOException {
        int b;
        do {
            b = in.read();
        } while (inHeader && b == 0);
        if (b >= 0 && inHeader) {
            pass(b);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (!inHeader) {
            return in.read(buffer, offset, length);
        }
        int n;
        int kept;
        do {
            n = in.read(buffer, offset, length);
            kept = 0;
            for (int i = 0; i < n; i++) {
                byte b = buffer[offset + i];
                if (b != 0 || !inHeader) {
                    buffer[offset + kept++] = b;
                    if (inHeader) {
                        pass(b);
                    }
                }
            }
        } while (n > 0 && kept == 0);
        return n < 0 ? n : kept;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    private void pass(int b) {
        if (b == '\n' && (last == '\n' || (last == '\r' && beforeLast == '\n'))) {
            inHeader = false;
        }
        beforeLast = last;
        last = b;
    }
}
