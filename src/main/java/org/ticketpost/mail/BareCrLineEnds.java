package org.ticketpost.mail;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;

/**
 * Reads a mail saved with old Mac line ends (a CR alone) as if its lines ended in LF.
 * mime4j only splits lines at LF, so without this the whole mail is one header line.
 */
final class BareCrLineEnds extends FilterInputStream {

    BareCrLineEnds(InputStream in) {
        super(new PushbackInputStream(in, 1));
    }

    @Override
    public int read() throws IOException {
        int b = in.read();
        return b == '\r' && !followedByLf() ? '\n' : b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = in.read(buffer, offset, length);
        int end = offset + Math.max(n, 0);
        for (int i = offset; i < end; i++) {
            if (buffer[i] == '\r' && (i + 1 < end ? buffer[i + 1] != '\n' : !followedByLf())) {
                buffer[i] = '\n';
            }
        }
        return n;
    }

    private boolean followedByLf() throws IOException {
        int next = in.read();
        if (next >= 0) {
            ((PushbackInputStream) in).unread(next);
        }
        return next == '\n';
    }
}
