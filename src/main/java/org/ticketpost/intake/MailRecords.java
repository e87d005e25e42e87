package org.ticketpost.intake;

import java.time.Instant;
import org.ticketpost.reply.FreshReplies;
import org.ticketpost.reply.OutboundMail;
import org.ticketpost.reply.OutgoingMail;
import org.ticketpost.ticket.Message;
import org.ticketpost.ticket.OutboxEntry;
import org.ticketpost.ticket.Stores;
import org.ticketpost.ticket.Ticket;

/** Turns mails into the records kept of them: received mail with its attachments, and replies with their outbox entry. */
final class MailRecords {

    private final IntakeRules rules;
    private final AutomaticReplies replies;
    private final FreshReplies fresh;

    MailRecords(IntakeRules rules, AutomaticReplies replies, FreshReplies fresh) {
        this.rules = rules;
        this.replies = replies;
        this.fresh = fresh;
    }

    Message received(InboundMail mail, Message.Handling handling, Ticket ticket, String language, Instant now) {
        Message message = Message.received(handling, ticket, mail.messageKey(), mail.messageId().orElse(null),
                mail.inReplyTo(), mail.references(),
                mail.from().map(EmailAddress::address).orElse(null), mail.from().map(EmailAddress::name).orElse(null),
                mail.to().stream().map(EmailAddress::address).toList(), mail.subject(), mail.text(), language,
                mail.sha256(), mail.size(), now);
        message.recordReadingNotes(mail.notes());
        for (Attachment attachment : mail.attachments()) {
            message.attach(attachment.name(), attachment.contentType(), attachment.size(),
                    attachment.content().sha256().orElse(null), attachment.content().kept());
        }
        return message;
    }

    /**
     * Puts a confirmation in the outbox. It is never held back: it answers a valid request with
     * a registered key, which no auto-responder writes, and its ticket number is what the
     * customer needs to follow the request up. Where replies are withheld, the ticket's history says
     * that none was sent.
     */
    void confirm(OutgoingMail confirmation, Ticket ticket, Stores stores, Instant now) {
        if (replies == AutomaticReplies.WITHHOLD) {
            ticket.replyWithheld(confirmation.kind(), confirmation.to(), now);
            return;
        }
        add(confirmation, ticket, stores, now);
    }

    /**
     * Puts a rejection in the outbox unless the loop guard holds it back: an auto-responder
     * without Auto-Submitted would be rejected, and answer the rejection, without end; and a
     * stranger who writes in the name of many addresses, tagged ones or others at one domain,
     * would have Ticketpost mail them all. Tells whether it did; where replies are withheld, it
     * never does.
     */
    boolean reject(OutgoingMail rejection, Stores stores, Instant now) {
        if (replies == AutomaticReplies.WITHHOLD) {
            return false;
        }
        Instant since = now.minus(rules.replyWindow());
        EmailAddress to = EmailAddress.of(rejection.to());
        if (stores.outbox().countToMailbox(to.withoutTag(), since) >= rules.repliesPerSender()
                || stores.outbox().countToDomain(to.domain(), since) >= rules.repliesPerDomain()) {
            return false;
        }
        add(rejection, null, stores, now);
        return true;
    }

    private void add(OutgoingMail reply, Ticket ticket, Stores stores, Instant now) {
        Message message = Message.automaticReply(ticket, reply.messageId(), reply.inReplyTo(), reply.references(),
                reply.fromAddress(), reply.fromName(), reply.to(), reply.subject(), reply.body(), reply.language(), now);
        stores.messages().add(message);
        OutboxEntry entry = new OutboxEntry(message, reply.kind(), reply.to(), reply.toName(), reply.returnPath(), now);
        stores.outbox().add(entry);
        if (ticket != null) {
            ticket.replyQueued(reply.kind(), reply.to(), now);
        }
        handOver(entry, stores, now);
    }

    /** Where this process sends replies, the new one goes to its sender once committed, held for it until then. */
    private void handOver(OutboxEntry entry, Stores stores, Instant now) {
        fresh.holdFrom(now).ifPresent(until -> OutboundMail.of(entry).ifPresent(mail -> {
            entry.claimUntil(until);
            FreshReplies.Fresh reply = new FreshReplies.Fresh(entry.id(), entry.kind(), until, mail);
            stores.afterCommit(() -> fresh.add(reply));
        }));
    }
}
