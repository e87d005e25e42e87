package org.ticketpost.reply;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.ticketpost.ticket.Message;
import org.ticketpost.ticket.OutboxEntry;

/**
 * A mail from the outbox, as the mail server gets it: what was stored when it was written, so
 * that every attempt sends the same mail.
 *
 * @param messageId     its Message-ID without angle brackets
 * @param toName        the recipient's display name, possibly empty
 * @param returnPath    the envelope sender (MAIL FROM), where the recipient's server sends a bounce
 * @param inReplyTo     Message-IDs of the mail it answers, without angle brackets
 * @param references    the thread, oldest first, without angle brackets
 * @param autoSubmitted "auto-replied" for a mail Ticketpost wrote by itself (RFC 3834)
 * @param language      the language of its text, such as "de"
 * @param date          when it was written
 */
public record OutboundMail(
        String messageId,
        String fromAddress,
        String fromName,
        String to,
        String toName,
        String returnPath,
        String subject,
        String body,
        List<String> inReplyTo,
        List<String> references,
        Optional<String> autoSubmitted,
        Optional<String> language,
        Instant date) {

    public OutboundMail {
        inReplyTo = List.copyOf(inReplyTo);
        references = List.copyOf(references);
    }

    /** The mail an outbox entry sends, as it was stored; empty for one stored without a Message-ID, which is not sent. */
    public static Optional<OutboundMail> of(OutboxEntry entry) {
        Message message = entry.message();
        String from = message.fromAddress().orElse("");
        return message.messageId().map(messageId -> new OutboundMail(messageId, from, message.fromName().orElse(""),
                entry.recipient(), entry.recipientName(), entry.returnPath().orElse(from), message.subject(), message.body(),
                message.inReplyTo(), message.references(), message.autoSubmitted(), message.language(), message.createdAt()));
    }
}
