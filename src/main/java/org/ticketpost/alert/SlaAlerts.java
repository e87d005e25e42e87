package org.ticketpost.alert;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.ticketpost.desk.OnCallEngineers;
import org.ticketpost.notify.Webhooks;
import org.ticketpost.reply.OutgoingMail;
import org.ticketpost.reply.ReplyComposer;
import org.ticketpost.ticket.ClockName;
import org.ticketpost.ticket.Engineer;
import org.ticketpost.ticket.Message;
import org.ticketpost.ticket.OutboxEntry;
import org.ticketpost.ticket.ServiceLevels;
import org.ticketpost.ticket.SlaAlert;
import org.ticketpost.ticket.Stores;
import org.ticketpost.ticket.Ticket;
import org.ticketpost.ticket.UnitOfWork;

/**
 * Records the SLA warnings and breaches that are due and tells the on-call engineers of each
 * ({@link OnCallEngineers}: the accounts on call and sla.notify): the event on the ticket, the
 * clock's next alert, the mails and the call to webhook.url are one transaction, so that each
 * alert is recorded, mailed and posted once, across restarts and however many services run.
 * An outage's update reminder (the update clock's warning) goes to the engineer the ticket is
 * assigned to, who owes the customer that update, or to the on-call engineers while no one (or a
 * disabled engineer) has it; a missed update is a breach, which the on-call engineers hear of.
 */
public final class SlaAlerts {

    /** Clocks taken per transaction: short enough to hold the tickets' locks only briefly. */
    public static final int DEFAULT_BATCH = 100;

    private final UnitOfWork database;
    private final ServiceLevels levels;
    private final ReplyComposer replies;
    private final OnCallEngineers onCall;
    private final Webhooks webhooks;
    private final ZoneId zone;
    private final String language;
    private final Clock clock;
    private final int batch;

    /**
     * @param onCall   who hears of the alerts; no one records the events only
     * @param webhooks where each alert is queued as a webhook call too, where webhook.url is configured
     * @param zone     the zone the mails give due times in (time.zone)
     * @param language the language the mails are written in (the setting language)
     */
    public SlaAlerts(UnitOfWork database, ServiceLevels levels, ReplyComposer replies, OnCallEngineers onCall, Webhooks webhooks,
            ZoneId zone, String language, Clock clock, int batch) {
        this.database = database;
        this.levels = levels;
        this.replies = replies;
        this.onCall = onCall;
        this.webhooks = webhooks;
        this.zone = zone;
        this.language = language;
        this.clock = clock;
        this.batch = batch;
    }

    /** What one pass did. */
    public record Pass(int alerts, int mails) {
    }

    /**
     * Records every alert due now, batch after batch while batches come full: a batch that is not
     * full found all that was due, or the rest is another scheduler's. A clock alerts at most once per
     * batch, so a pass ends even should a clock not move on to its next alert.
     */
    public Pass recordDue() {
        Instant now = clock.instant();
        int alerts = 0;
        int mails = 0;
        Pass batchDone;
        do {
            batchDone = database.inTransaction(stores -> recordBatch(stores, now));
            alerts += batchDone.alerts();
            mails += batchDone.mails();
        } while (batchDone.alerts() >= batch);
        return new Pass(alerts, mails);
    }

    private Pass recordBatch(Stores stores, Instant now) {
        int alerts = 0;
        int mails = 0;
        List<String> onCallNow = null;   // read once per batch, and only for a batch with alerts
        for (Ticket ticket : stores.tickets().claimAlertsDue(now, batch)) {
            for (SlaAlert alert : ticket.recordDueAlerts(now, levels)) {
                alerts++;
                webhooks.queue(stores, SlaAlertEvent.of(ticket, alert), now);
                Optional<String> assignee = updateReminder(alert) ? assigneeAddress(ticket) : Optional.empty();
                if (assignee.isPresent()) {
                    queue(replies.slaAlert(ticket, alert, assignee.get(), true, zone, language), stores, now);
                    mails++;
                    continue;
                }
                if (onCallNow == null) {
                    onCallNow = onCall.addresses(stores);
                }
                for (String recipient : onCallNow) {
                    queue(replies.slaAlert(ticket, alert, recipient, false, zone, language), stores, now);
                    mails++;
                }
            }
        }
        return new Pass(alerts, mails);
    }

    /** The warning before the customer's next update falls due: the assignee's to keep. */
    private static boolean updateReminder(SlaAlert alert) {
        return alert.clock() == ClockName.UPDATE && !alert.breach();
    }

    private static Optional<String> assigneeAddress(Ticket ticket) {
        return ticket.assignee().filter(engineer -> !engineer.isDisabled()).map(Engineer::email);
    }

    private static void queue(OutgoingMail mail, Stores stores, Instant now) {
        Message message = Message.automaticNotice(mail.messageId(), mail.fromAddress(), mail.fromName(), mail.to(), mail.subject(),
                mail.body(), mail.language(), now);
        stores.messages().add(message);
        stores.outbox().add(new OutboxEntry(message, mail.kind(), mail.to(), mail.toName(), mail.returnPath(), now));
    }
}
