package org.ticketpost.desk;

import java.util.Optional;
import org.ticketpost.ticket.MessageAttachment;

/**
 * A file that came with a mail.
 *
 * @param stored whether its content was kept; not when it was over the size limit
 * @param sha256 where its content lies in the file store, when it was kept
 */
public record AttachmentView(String name, String contentType, long size, boolean stored, Optional<String> sha256) {

    static AttachmentView of(MessageAttachment attachment) {
        return new AttachmentView(attachment.fileName(), attachment.contentType(), attachment.size(), attachment.isStored(),
                attachment.sha256());
    }
}
