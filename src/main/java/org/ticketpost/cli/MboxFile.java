package org.ticketpost.cli;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * An mbox file: mails one after another, each after a "From " line, with body lines that begin
 * with "From " written as ">From " (mboxo and mboxrd; mboxrd also quotes ">From " as ">>From ").
 * The file is read twice, never held whole: once to find where each mail starts and ends, then
 * once per mail, with one '>' taken off each quoted line.
 */
final class MboxFile {

    /** A "From " line separates mails only at the start or after an empty line, and before a header field. */
    private static final Pattern HEADER_FIELD = Pattern.compile("[!-9;-~]+[ \\t]*:.*", Pattern.DOTALL);
    private static final byte[] FROM = "From ".getBytes(StandardCharsets.US_ASCII);
    /** Enough of a line to tell a separator or a field name; the rest of a long line is skipped, not kept. */
    private static final int LINE_START = 256;

    /** Where one mail lies in the file: its header and body, without the "From " line before it. */
    record Span(long start, long end) {
    }

    private MboxFile() {
    }

    /** Whether the file starts as an mbox does: a "From " line, then a header field. */
    static boolean isMbox(Path file) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            Line first = Line.read(in);
            return first.startsWith(FROM) && HEADER_FIELD.matcher(Line.read(in).text()).matches();
        }
    }

    static List<Span> mails(Path file) throws IOException {
        List<Span> mails = new ArrayList<>();
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 64 * 1024)) {
            long offset = 0;
            long start = -1;
            boolean afterEmptyLine = true;
            long emptyLineLength = 0;
            long candidate = -1;   // a "From " line, a separator if a header field follows
            long candidateEnd = 0;
            for (Line line = Line.read(in); line.length() > 0; line = Line.read(in)) {
                if (candidate >= 0 && HEADER_FIELD.matcher(line.text()).matches()) {
                    if (start >= 0) {
                        mails.add(new Span(start, candidate - (candidate == 0 ? 0 : emptyLineLength)));
                    }
                    start = candidateEnd;
                }
                candidate = -1;
                if (afterEmptyLine && line.startsWith(FROM)) {
                    candidate = offset;
                    candidateEnd = offset + line.length();
                }
                if (line.isEmpty()) {
                    emptyLineLength = line.length();
                }
                afterEmptyLine = line.isEmpty();
                offset += line.length();
            }
            if (start >= 0) {
                mails.add(new Span(start, offset - (afterEmptyLine && offset > start ? emptyLineLength : 0)));
            }
        }
        return mails;
    }

    /** One mail of the file, as its sender wrote it. */
    static InputStream open(Path file, Span span) throws IOException {
        InputStream in = Files.newInputStream(file);
        try {
            in.skipNBytes(span.start());
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
        return new BufferedInputStream(new Unquoted(new BufferedInputStream(in), span.end() - span.start()));
    }

    /** The start of one line, its whole length and whether it is empty. */
    private record Line(byte[] start, long length) {

        static Line read(InputStream in) throws IOException {
            byte[] start = new byte[LINE_START];
            int kept = 0;
            long length = 0;
            for (int b = in.read(); b >= 0; b = in.read()) {
                length++;
                if (kept < start.length) {
                    start[kept++] = (byte) b;
                }
                if (b == '\n') {
                    break;
                }
            }
            return new Line(Arrays.copyOf(start, kept), length);
        }

        boolean startsWith(byte[] prefix) {
            return start.length >= prefix.length && Arrays.equals(start, 0, prefix.length, prefix, 0, prefix.length);
        }

        boolean isEmpty() {
            return length > 0 && (start[0] == '\n' || (start[0] == '\r' && length == 2 && start[1] == '\n'));
        }

        String text() {
            return new String(start, StandardCharsets.ISO_8859_1);
        }
    }

    /** At most {@code remaining} bytes of a mail, with ">From " lines (any number of '>') given back one '>' less. */
    private static final class Unquoted extends InputStream {

        private final InputStream in;
        private long remaining;
        private boolean lineStart = true;
        private byte[] pending = new byte[0];
        private int next;

        Unquoted(InputStream in, long remaining) {
            this.in = in;
            this.remaining = remaining;
        }

        @Override
        public int read() throws IOException {
            if (next < pending.length) {
                return pending[next++] & 0xFF;
            }
            int b = take();
            if (b == '>' && lineStart) {
                pending = quotedLineStart();
                next = 0;
                return read();
            }
            lineStart = b == '\n';
            return b;
        }

        /** After a '>' at the start of a line: the '>'s and what follows, one '>' less if "From " follows. */
        private byte[] quotedLineStart() throws IOException {
            ByteArrayOutputStream seen = new ByteArrayOutputStream();
            seen.write('>');
            int b = take();
            while (b == '>') {
                seen.write(b);
                b = take();
            }
            int quotes = seen.size();
            for (int i = 0; i < FROM.length && b == FROM[i]; i++) {
                seen.write(b);
                b = i + 1 < FROM.length ? take() : -2;
            }
            byte[] line = seen.toByteArray();
            boolean from = line.length == quotes + FROM.length;
            if (b >= 0) {
                line = Arrays.copyOf(line, line.length + 1);
                line[line.length - 1] = (byte) b;
            }
            lineStart = b == '\n';
            return from ? Arrays.copyOfRange(line, 1, line.length) : line;
        }

        private int take() throws IOException {
            if (remaining <= 0) {
                return -1;
            }
            int b = in.read();
            if (b >= 0) {
                remaining--;
            }
            return b;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
