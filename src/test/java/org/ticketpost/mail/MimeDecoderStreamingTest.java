package org.ticketpost.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.junit.jupiter.api.Test;
import org.ticketpost.intake.AttachmentSink;
import org.ticketpost.intake.InboundMail;
import org.ticketpost.intake.StoredContent;

/**
 * Attachments reach the sink while the mail is still being read: had the decoder read
 * the whole message (or the whole attachment) into memory first, the sink would only
 * see the first bytes after the last byte of the mail had been read.
 */
class MimeDecoderStreamingTest {

    private static final long FIFTY_MEGABYTES = 50L * 1024 * 1024;
    /** How far ahead of the sink the decoder may read: its buffers, not the attachment. */
    private static final long READ_AHEAD = 1024 * 1024;

    @Test
    void fiftyMegabyteAttachmentReachesTheSinkBeforeTheMailIsRead() throws Exception {
        Position source = new Position(LargeMail.withAttachment(FIFTY_MEGABYTES));
        FirstBytes sink = new FirstBytes(source);

        InboundMail mail = new MimeDecoder().parse(source, sink);

        assertThat(sink.sourceReadAtFirstByte).isBetween(1L, READ_AHEAD);
        assertThat(mail.attachments()).singleElement().satisfies(attachment -> {
            assertThat(attachment.name()).isEqualTo(LargeMail.ATTACHMENT_NAME);
            assertThat(attachment.size()).isEqualTo(FIFTY_MEGABYTES);
        });
        assertThat(mail.text()).isEqualTo("The heap dump is attached.");
        assertThat(mail.size()).isEqualTo(source.read);
    }

    @Test
    void attachmentWithoutLineBreaksIsStreamedToo() throws Exception {
        long size = 20L * 1024 * 1024;
        Position source = new Position(LargeMail.withAttachment(size, false));
        FirstBytes sink = new FirstBytes(source);

        InboundMail mail = new MimeDecoder().parse(source, sink);

        assertThat(sink.sourceReadAtFirstByte).isBetween(1L, READ_AHEAD);
        assertThat(mail.attachments()).singleElement().satisfies(attachment -> assertThat(attachment.size()).isEqualTo(size));
    }

    /** Counts how much of the mail the decoder has read. */
    private static final class Position extends FilterInputStream {
        long read;

        Position(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            read += b < 0 ? 0 : 1;
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            read += Math.max(n, 0);
            return n;
        }
    }

    /** Notes how much of the mail had been read when the first attachment byte arrived. */
    private static final class FirstBytes implements AttachmentSink {
        private final Position source;
        long sourceReadAtFirstByte = -1;

        FirstBytes(Position source) {
            this.source = source;
        }

        @Override
        public StoredContent accept(InputStream content) throws IOException {
            int first = content.read();
            sourceReadAtFirstByte = source.read;
            long size = first < 0 ? 0 : 1 + content.transferTo(OutputStream.nullOutputStream());
            return StoredContent.counted(size);
        }
    }
}
