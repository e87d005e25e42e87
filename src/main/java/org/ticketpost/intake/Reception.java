package org.ticketpost.intake;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Receives one mail as it comes from a mail server or an MTA pipe: its bytes are kept as
 * they came, it is read, and intake decides on it. When this returns, all of it is
 * committed; when it throws, the caller still owns the mail (an MTA retries it, a mailbox
 * keeps it unread).
 */
public final class Reception {

    private final MailParser parser;
    private final ContentStore files;
    private final Intake intake;

    public Reception(MailParser parser, ContentStore files, Intake intake) {
        this.parser = parser;
        this.files = files;
        this.intake = intake;
    }

    public Outcome receive(InputStream message) throws IOException, UnreadableMailException {
        try (ContentStore.Spool spool = files.spool()) {
            InboundMail mail = parser.parse(new CopyingInputStream(message, spool.output()), files.attachments());
            spool.keep(mail.sha256());
            return intake.accept(mail);
        }
    }

    /** Writes what is read through it to a second stream, so that a mail is read and kept in one pass. */
    private static final class CopyingInputStream extends FilterInputStream {
        private final OutputStream copy;

        CopyingInputStream(InputStream in, OutputStream copy) {
            super(in);
            this.copy = copy;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                copy.write(b);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                copy.write(buffer, offset, n);
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            byte[] buffer = new byte[(int) Math.min(n, 8192)];
            int read = read(buffer, 0, buffer.length);
            return Math.max(read, 0);
        }
    }
}
