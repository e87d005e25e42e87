package org.ticketpost.desk;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.ticketpost.reply.OutgoingMail;
import org.ticketpost.reply.PhoneCall;
import org.ticketpost.reply.ReplyComposer;
import org.ticketpost.ticket.Engineer;
import org.ticketpost.ticket.Message;
import org.ticketpost.ticket.OutboxEntry;
import org.ticketpost.ticket.Stores;
import org.ticketpost.ticket.Ticket;

/**
 * Tells the on-call engineers of a phone escalation: the engineers whose accounts are on call
 * (and not disabled) and the addresses of sla.notify, each once. The mails go into the outbox
 * of the caller's transaction, so that they are sent if, and only if, the escalation is committed.
 */
public final class OnCallNotice {

    private final ReplyComposer replies;
    private final List<String> slaNotify;
    private final ZoneId zone;
    private final String language;

    /**
     * @param slaNotify the addresses of sla.notify, told beside the engineers on call
     * @param language  the language engineers are written to in (the setting language)
     */
    public OnCallNotice(ReplyComposer replies, List<String> slaNotify, ZoneId zone, String language) {
        this.replies = replies;
        this.slaNotify = List.copyOf(slaNotify);
        this.zone = zone;
        this.language = language;
    }

    /** @return the addresses the mail was queued for; none when no one is on call */
    List<String> queue(Stores stores, Ticket ticket, PhoneCall call, Instant now) {
        List<String> recipients = recipients(stores);
        for (String recipient : recipients) {
            OutgoingMail mail = replies.phoneEscalation(ticket, call, recipient, zone, language);
            Message message = Message.automaticNotice(mail.messageId(), mail.fromAddress(), mail.fromName(), mail.to(),
                    mail.subject(), mail.body(), mail.language(), now);
            stores.messages().add(message);
            stores.outbox().add(new OutboxEntry(message, mail.kind(), mail.to(), mail.toName(), mail.returnPath(), now));
        }
        return recipients;
    }

    /** Each address once, in any case: an engineer on call may also be listed in sla.notify. */
    private List<String> recipients(Stores stores) {
        Map<String, String> byLowerCase = new LinkedHashMap<>();
        stores.engineers().all().stream()
                .filter(engineer -> engineer.isOnCall() && !engineer.isDisabled())
                .map(Engineer::email)
                .forEach(address -> byLowerCase.putIfAbsent(address.toLowerCase(Locale.ROOT), address));
        slaNotify.forEach(address -> byLowerCase.putIfAbsent(address.toLowerCase(Locale.ROOT), address));
        return new ArrayList<>(byLowerCase.values());
    }
}
