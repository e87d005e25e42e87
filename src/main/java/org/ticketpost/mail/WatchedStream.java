package org.ticketpost.mail;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/** A mail's stream from the server that remembers whether reading it failed, which Reception reports as a failure of the store. */
final class WatchedStream extends FilterInputStream {

    private IOException failure;

    WatchedStream(InputStream in) {
        super(in);
    }

    /** How reading from the server failed, if it did. */
    Optional<IOException> failure() {
        return Optional.ofNullable(failure);
    }

    @Override
    public int read() throws IOException {
        try {
            return super.read();
        } catch (IOException e) {
            failure = e;
            throw e;
        }
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        try {
            return super.read(buffer, offset, length);
        } catch (IOException e) {
            failure = e;
            throw e;
        }
    }

    @Override
    public void close() {
        try {
            super.close();
        } catch (IOException e) {
            // a stream of a mail already read: nothing is lost
        }
    }
}
