package org.ticketpost.desk;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.ticketpost.ticket.Message;

/**
 * A mail of a ticket.
 *
 * @param from      the sender's address, when the mail named one that could be read
 * @param messageId its Message-ID, without angle brackets
 * @param text      the text a person reads
 * @param notes     what could not be read of it as it should, e.g. a subject cut at its limit
 * @param author    the engineer who wrote an answer or a note
 * @param internal  a note for engineers, which the customer never sees
 */
public record MessageView(Message.Direction direction, Instant at, Optional<String> from, List<String> to, String subject,
        Optional<String> messageId, String text, List<String> notes, List<AttachmentView> attachments, Optional<String> author,
        boolean internal) {

    public MessageView {
        to = List.copyOf(to);
        notes = List.copyOf(notes);
        attachments = List.copyOf(attachments);
    }

    static MessageView of(Message message) {
        return new MessageView(message.direction(), message.createdAt(), message.fromAddress(), message.to(),
                message.subject(), message.messageId(), message.body(), message.readingNotes(),
                message.attachments().stream().map(AttachmentView::of).toList(), message.author(), message.isInternal());
    }
}
