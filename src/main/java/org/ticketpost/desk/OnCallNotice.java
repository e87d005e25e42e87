package org.ticketpost.desk;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.ticketpost.notify.Webhooks;
import org.ticketpost.reply.OutgoingMail;
import org.ticketpost.reply.PhoneCall;
import org.ticketpost.reply.ReplyComposer;
import org.ticketpost.ticket.Message;
import org.ticketpost.ticket.OutboxEntry;
import org.ticketpost.ticket.Stores;
import org.ticketpost.ticket.Ticket;

/**
 * Tells the on-call engineers of a phone escalation ({@link OnCallEngineers}) by mail, and
 * webhook.url where one is configured. The mails go into the outbox, and the call into the
 * webhook queue, of the caller's transaction, so that they are sent if, and only if, the
 * escalation is committed.
 */
public final class OnCallNotice {

    private final ReplyComposer replies;
    private final OnCallEngineers onCall;
    private final Webhooks webhooks;
    private final ZoneId zone;
    private final String language;

    /**
     * @param webhooks where the escalation is queued as a webhook call too, where webhook.url is configured
     * @param language the language engineers are written to in (the setting language)
     */
    public OnCallNotice(ReplyComposer replies, OnCallEngineers onCall, Webhooks webhooks, ZoneId zone, String language) {
        this.replies = replies;
        this.onCall = onCall;
        this.webhooks = webhooks;
        this.zone = zone;
        this.language = language;
    }

    /** @return the addresses the mail was queued for; none when no one is on call */
    List<String> queue(Stores stores, Ticket ticket, PhoneCall call, Instant now) {
        List<String> recipients = onCall.addresses(stores);
        for (String recipient : recipients) {
            OutgoingMail mail = replies.phoneEscalation(ticket, call, recipient, zone, language);
            Message message = Message.automaticNotice(mail.messageId(), mail.fromAddress(), mail.fromName(), mail.to(),
                    mail.subject(), mail.body(), mail.language(), now);
            stores.messages().add(message);
            stores.outbox().add(new OutboxEntry(message, mail.kind(), mail.to(), mail.toName(), mail.returnPath(), now));
        }
        webhooks.queue(stores, EscalationEvent.of(ticket, call), now);
        return recipients;
    }
}
