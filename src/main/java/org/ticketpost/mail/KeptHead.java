package org.ticketpost.mail;

import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Keeps the first bytes of a part as the attachment sink reads it, for what its head tells (an
 * attached mail's subject, a delivery report's fields): nothing is read twice, and a large part
 * costs no more memory than the head.
 */
class KeptHead extends FilterInputStream {

    private final int limit;
    private final ByteArrayOutputStream head = new ByteArrayOutputStream();

    KeptHead(InputStream part, int limit) {
        super(part);
        this.limit = limit;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0 && head.size() < limit) {
            head.write(b);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            head.write(buffer, offset, Math.min(n, limit - head.size()));
        }
        return n;
    }

    /** What has been read of the part, up to the limit. */
    byte[] head() {
        return head.toByteArray();
    }
}
