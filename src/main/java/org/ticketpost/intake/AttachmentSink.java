package org.ticketpost.intake;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/** Takes an attachment's decoded bytes as a stream, so that no attachment is ever held in memory whole. */
@FunctionalInterface
public interface AttachmentSink {

    /** Reads the content to its end. */
    StoredContent accept(InputStream content) throws IOException;

    /** Counts the bytes and keeps nothing, for checking a mail without storing it. */
    AttachmentSink COUNTING = content -> StoredContent.counted(content.transferTo(OutputStream.nullOutputStream()));
}
