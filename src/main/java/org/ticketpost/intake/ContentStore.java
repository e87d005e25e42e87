package org.ticketpost.intake;

import java.io.IOException;
import java.io.OutputStream;

/** Where the bytes of mails and attachments are kept, once per content. */
public interface ContentStore {

    /** A sink that keeps each attachment up to the configured size limit, and only counts larger ones. */
    AttachmentSink attachments();

    /** A place to copy a mail to while it is read, so that its bytes are kept exactly as they came. */
    Spool spool() throws IOException;

    /** A copy in progress: kept under its SHA-256 when asked, otherwise removed on close. */
    interface Spool extends AutoCloseable {

        OutputStream output();

        void keep(String sha256) throws IOException;

        @Override
        void close() throws IOException;
    }
}
