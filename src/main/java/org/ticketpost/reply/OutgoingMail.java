package org.ticketpost.reply;

import java.util.List;

/**
 * A mail Ticketpost sends, ready for the outbox.
 *
 * @param kind      the reply template that made it: confirmation, rejection, …
 * @param messageId  its Message-ID without angle brackets, fixed now so that a retry sends the same mail
 * @param returnPath its envelope sender, where bounces go: fixed now too, so that a bounce of any attempt names it
 */
public record OutgoingMail(
        String kind,
        String fromAddress,
        String fromName,
        String to,
        String toName,
        String subject,
        String body,
        String messageId,
        String returnPath,
        List<String> inReplyTo,
        List<String> references,
        String language) {

    public OutgoingMail {
        inReplyTo = List.copyOf(inReplyTo);
        references = List.copyOf(references);
    }
}
