package org.ticketpost.lmtp;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.Flushable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/**
 * What an LMTP client sends: command lines, and after DATA the mail, its dot-stuffing undone
 * (RFC 5321 4.5.2). A read waits in short ticks (the socket's read timeout), and at each tick the
 * caller's {@link Patience} decides whether to wait on. Before it waits for more, the replies
 * written so far are flushed: pipelined commands (RFC 2920) are answered in one go, and a client
 * that waits for an answer gets it.
 */
final class LmtpInput {

    /** Decides, each time a read has waited another tick, whether to wait on; it throws to give up. */
    @FunctionalInterface
    interface Patience {
        void waited(Duration sofar) throws IOException;
    }

    private static final int BUFFER = 64 * 1024;

    private final InputStream in;
    private final Flushable replies;
    private final byte[] buffer = new byte[BUFFER];
    private int position;
    private int limit;

    LmtpInput(InputStream in, Flushable replies) {
        this.in = in;
        this.replies = replies;
    }

    /**
     * The next line, without its CRLF (or a bare LF), read as UTF-8: commands are ASCII but for the
     * addresses of a mail sent with SMTPUTF8 (RFC 6531). A byte that is no UTF-8 reads as U+FFFD.
     *
     * @return empty when the line was longer than maxLength: it has been read to its end and dropped
     * @throws EOFException when the client closed the connection
     */
    Optional<String> readLine(int maxLength, Patience patience) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        boolean tooLong = false;
        while (true) {
            if (position == limit) {
                fill(patience);
            }
            int start = position;
            while (position < limit && buffer[position] != '\n') {
                position++;
            }
            int length = position - start;
            tooLong = tooLong || line.size() + length > maxLength;
            if (!tooLong) {
                line.write(buffer, start, length);
            }
            if (position < limit) {
                position++;   // the LF
                break;
            }
        }
        if (tooLong) {
            return Optional.empty();
        }
        String text = line.toString(StandardCharsets.UTF_8);
        return Optional.of(text.endsWith("\r") ? text.substring(0, text.length() - 1) : text);
    }

    /**
     * Reads a mail up to the line that holds a single dot. Only maxSize bytes go to the sink; the
     * rest is read and counted, so that the connection stays in step and the client gets a reply.
     *
     * @return the mail's size, which is more than maxSize when the mail was too large
     * @throws EOFException when the client closed the connection before the end of the mail
     */
    long readData(OutputStream sink, long maxSize, Patience patience) throws IOException {
        DotUnstuffing data = new DotUnstuffing(sink, maxSize);
        while (true) {
            if (position == limit) {
                fill(patience);
            }
            int end = data.decode(buffer, position, limit);
            if (end >= 0) {
                position = end;
                return data.size;
            }
            position = limit;
        }
    }

    private void fill(Patience patience) throws IOException {
        replies.flush();
        patience.waited(Duration.ZERO);
        long start = System.nanoTime();
        while (true) {
            try {
                int read = in.read(buffer, 0, buffer.length);
                if (read < 0) {
                    throw new EOFException("the client closed the connection");
                }
                position = 0;
                limit = read;
                if (read > 0) {
                    return;
                }
            } catch (SocketTimeoutException tick) {
                patience.waited(Duration.ofNanos(System.nanoTime() - start));
            }
        }
    }

    /** Lines end with CRLF; a line of one dot ends the mail, and a dot that starts any other line is dropped. */
    private static final class DotUnstuffing {

        private enum State { LINE_START, TEXT, CR, DOT, DOT_CR }

        private final OutputStream sink;
        private final long maxSize;
        private State state = State.LINE_START;
        private long size;

        DotUnstuffing(OutputStream sink, long maxSize) {
            this.sink = sink;
            this.maxSize = maxSize;
        }

        /** @return the index after the end of the mail, or -1 when the bytes hold no end */
        int decode(byte[] bytes, int from, int to) throws IOException {
            int run = from;   // bytes from here on are the mail's, until one is held back
            for (int i = from; i < to; i++) {
                byte b = bytes[i];
                switch (state) {
                    case LINE_START -> {
                        if (b == '.') {
                            emit(bytes, run, i);
                            run = i + 1;
                            state = State.DOT;
                        } else {
                            state = b == '\r' ? State.CR : State.TEXT;
                        }
                    }
                    case TEXT -> state = b == '\r' ? State.CR : State.TEXT;
                    case CR -> state = b == '\n' ? State.LINE_START : b == '\r' ? State.CR : State.TEXT;
                    case DOT -> {
                        if (b == '\r') {
                            run = i + 1;   // held back: with an LF after it, the end of the mail
                            state = State.DOT_CR;
                        } else {
                            state = State.TEXT;
                        }
                    }
                    case DOT_CR -> {
                        if (b == '\n') {
                            return i + 1;
                        }
                        emit(new byte[] {'\r'}, 0, 1);   // no end after all: the CR held back is the mail's
                        state = b == '\r' ? State.CR : State.TEXT;
                    }
                }
            }
            emit(bytes, run, to);
            return -1;
        }

        private void emit(byte[] bytes, int from, int to) throws IOException {
            int length = to - from;
            if (length > 0 && size + length <= maxSize) {
                sink.write(bytes, from, length);
            }
            size += length;
        }
    }
}
