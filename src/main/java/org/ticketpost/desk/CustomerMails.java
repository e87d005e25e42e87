package org.ticketpost.desk;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.ticketpost.reply.Correspondence;
import org.ticketpost.reply.OutgoingMail;
import org.ticketpost.reply.ReplyComposer;
import org.ticketpost.ticket.Message;
import org.ticketpost.ticket.OutboxEntry;
import org.ticketpost.ticket.Stores;
import org.ticketpost.ticket.Ticket;

/**
 * The mails an engineer's work sends a ticket's customer, put in the outbox by the transaction
 * of the change: to the reporter, in the ticket's language, on the thread of the customer's
 * latest mail, so that the customer's answer finds the ticket again.
 */
final class CustomerMails {

    private final ReplyComposer replies;

    CustomerMails(ReplyComposer replies) {
        this.replies = replies;
    }

    /** @return the address the answer goes to */
    String answer(Ticket ticket, String engineer, String text, Stores stores, Instant now) {
        OutgoingMail mail = replies.answer(ticket, thread(ticket, stores), text, engineer);
        Message message = Message.engineerAnswer(ticket, engineer, mail.messageId(), mail.inReplyTo(), mail.references(),
                mail.fromAddress(), mail.fromName(), mail.to(), mail.subject(), mail.body(), mail.language(), now);
        queue(message, mail, stores, now);
        return mail.to();
    }

    /** Tells the customer of a status the customer has to know of; the others pass without a mail. */
    void statusNotice(String kind, Ticket ticket, Stores stores, Instant now) {
        notice(replies.statusNotice(kind, ticket, thread(ticket, stores)), ticket, stores, now);
    }

    void severityNotice(Ticket ticket, int before, Stores stores, Instant now) {
        notice(replies.severityNotice(ticket, before, thread(ticket, stores)), ticket, stores, now);
    }

    private static void notice(OutgoingMail mail, Ticket ticket, Stores stores, Instant now) {
        queue(Message.automaticReply(ticket, mail.messageId(), mail.inReplyTo(), mail.references(), mail.fromAddress(),
                mail.fromName(), mail.to(), mail.subject(), mail.body(), mail.language(), now), mail, stores, now);
        ticket.replyQueued(mail.kind(), mail.to(), now);
    }

    private static void queue(Message message, OutgoingMail mail, Stores stores, Instant now) {
        stores.messages().add(message);
        stores.outbox().add(new OutboxEntry(message, mail.kind(), mail.to(), mail.toName(), mail.returnPath(), now));
    }

    /**
     * The customer's latest mail on the ticket (the request or a follow-up, not a bounce), which
     * the mail answers, under the ticket's subject; the name is the reporter's as they last wrote it.
     */
    private static Correspondence thread(Ticket ticket, Stores stores) {
        List<Message> customers = stores.messages().ofTicket(ticket).stream()
                .filter(mail -> mail.direction() == Message.Direction.IN)
                .filter(mail -> mail.handling().filter(h -> h == Message.Handling.TICKET || h == Message.Handling.FOLLOWUP).isPresent())
                .toList();
        Optional<Message> latest = customers.isEmpty() ? Optional.empty() : Optional.of(customers.get(customers.size() - 1));
        String name = customers.stream()
                .filter(mail -> mail.fromAddress().filter(ticket.reporter()::equalsIgnoreCase).isPresent())
                .reduce((first, second) -> second)
                .flatMap(Message::fromName).orElse("");
        return new Correspondence(ticket.reporter(), name, ticket.subject(), latest.flatMap(Message::messageId),
                latest.map(Message::references).orElse(List.of()), ticket.language());
    }
}
