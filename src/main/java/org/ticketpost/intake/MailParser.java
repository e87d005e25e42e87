package org.ticketpost.intake;

import java.io.IOException;
import java.io.InputStream;

/** Turns the bytes of an RFC 5322 message into an {@link InboundMail}. */
public interface MailParser {

    /**
     * Reads the message to its end; attachments go to the sink as they are read.
     *
     * @throws UnreadableMailException when the input is not a mail
     * @throws IOException             when reading the input or the sink fails
     */
    InboundMail parse(InputStream message, AttachmentSink attachments) throws IOException, UnreadableMailException;
}
