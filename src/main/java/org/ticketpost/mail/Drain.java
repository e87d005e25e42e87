package org.ticketpost.mail;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/** Reads what is left of a stream. Usually nothing is, and then no buffer is made for it. */
final class Drain {

    private Drain() {
    }

    /** The number of bytes that were left. */
    static long rest(InputStream in) throws IOException {
        if (in.read() < 0) {
            return 0;
        }
        return 1 + in.transferTo(OutputStream.nullOutputStream());
    }
}
