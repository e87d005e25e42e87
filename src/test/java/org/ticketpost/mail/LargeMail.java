package org.ticketpost.mail;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Collections;

/**
 * A mail with one big base64 attachment, generated as it is read: the test that
 * sends it through the decoder never holds it in memory itself.
 */
final class LargeMail {

    static final String ATTACHMENT_NAME = "heap-dump.bin";
    private static final int BLOCK = 57;   // 57 bytes are one 76-character base64 line

    private LargeMail() {
    }

    /** The mail, with an attachment of exactly {@code size} bytes in base64 lines of 76 characters. */
    static InputStream withAttachment(long size) {
        return withAttachment(size, true);
    }

    /** As above; without line breaks the whole attachment is one line of base64. */
    static InputStream withAttachment(long size, boolean lineBreaks) {
        String head = """
                From: Jane Doe <jane@example.com>
                To: support@ticketpost.example
                Subject: Heap dump of the crashed server
                Message-ID: <large-1@example.com>
                MIME-Version: 1.0
                Content-Type: multipart/mixed; boundary="large"

                --large
                Content-Type: text/plain; charset=UTF-8

                The heap dump is attached.
                --large
                Content-Type: application/octet-stream; name="%s"
                Content-Disposition: attachment; filename="%s"
                Content-Transfer-Encoding: base64

                """.formatted(ATTACHMENT_NAME, ATTACHMENT_NAME);
        String tail = "\n--large--\n";
        return new SequenceInputStream(Collections.enumeration(List.of(
                ascii(head), new Base64Lines(size, lineBreaks), ascii(tail))));
    }

    static void write(long size, OutputStream out) throws IOException {
        try (InputStream mail = withAttachment(size)) {
            mail.transferTo(out);
        }
    }

    private static InputStream ascii(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.US_ASCII));
    }

    /** Base64 of {@code size} bytes of a repeating pattern, produced block by block. */
    private static final class Base64Lines extends InputStream {
        private final byte[] fullLine;
        private final byte[] lastLine;
        private long fullLines;
        private byte[] current = new byte[0];
        private int position;
        private boolean lastDone;

        Base64Lines(long size, boolean lineBreaks) {
            byte[] block = new byte[BLOCK];
            for (int i = 0; i < BLOCK; i++) {
                block[i] = (byte) (i * 31 + 7);
            }
            String separator = lineBreaks ? "\n" : "";
            this.fullLine = (Base64.getEncoder().encodeToString(block) + separator).getBytes(StandardCharsets.US_ASCII);
            byte[] rest = Arrays.copyOf(block, (int) (size % BLOCK));
            this.lastLine = rest.length == 0 ? new byte[0] : Base64.getEncoder().encode(rest);
            this.fullLines = size / BLOCK;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (length == 0) {
                return 0;
            }
            if (position == current.length && !nextLine()) {
                return -1;
            }
            int n = Math.min(length, current.length - position);
            System.arraycopy(current, position, buffer, offset, n);
            position += n;
            return n;
        }

        private boolean nextLine() {
            if (fullLines > 0) {
                fullLines--;
                current = fullLine;
            } else if (!lastDone) {
                lastDone = true;
                current = lastLine;
            } else {
                return false;
            }
            position = 0;
            return current.length > 0 || nextLine();
        }
    }
}
