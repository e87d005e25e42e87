package org.ticketpost.intake;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A mail as intake sees it: decoded, with its text chosen and its attachments stored.
 *
 * @param messageId  the Message-ID without angle brackets, if it has one
 * @param inReplyTo  Message-IDs of In-Reply-To
 * @param references Message-IDs of References, oldest first
 * @param from       the author, if the From field names a readable address
 * @param fromText   the From field as written, for reports when it is not readable
 * @param subject    decoded subject, empty when there is none
 * @param sentAt     the Date field, if readable
 * @param text       the text a person would read: text/plain preferred, HTML turned into text
 * @param automatic  why this mail was sent by a machine (auto-reply, bounce, list), if it was
 * @param sha256     hex digest of the raw message
 * @param size       size of the raw message in bytes
 * @param notes      what could not be read as it should, e.g. a truncated text
 */
public record InboundMail(
        Optional<String> messageId,
        List<String> inReplyTo,
        List<String> references,
        Optional<EmailAddress> from,
        String fromText,
        List<EmailAddress> replyTo,
        List<EmailAddress> to,
        List<EmailAddress> cc,
        String subject,
        Optional<Instant> sentAt,
        String text,
        List<Attachment> attachments,
        Optional<String> automatic,
        String sha256,
        long size,
        List<String> notes) {

    public InboundMail {
        inReplyTo = List.copyOf(inReplyTo);
        references = List.copyOf(references);
        replyTo = List.copyOf(replyTo);
        to = List.copyOf(to);
        cc = List.copyOf(cc);
        attachments = List.copyOf(attachments);
        notes = List.copyOf(notes);
    }

    /** What makes a second delivery of this mail recognisable: its Message-ID, or its content when it has none. */
    public String messageKey() {
        return messageId.map(id -> "<" + id + ">").orElse("sha256:" + sha256);
    }

    public boolean isAutomatic() {
        return automatic.isPresent();
    }
}
