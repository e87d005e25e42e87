package org.ticketpost.alert;

import java.time.Instant;
import org.ticketpost.notify.WebhookEvent;
import org.ticketpost.ticket.SlaAlert;
import org.ticketpost.ticket.Ticket;

/**
 * An SLA warning or breach as a webhook receiver reads it.
 *
 * @param ticket the ticket number with its check digit, as engineers read it out
 * @param clock  firstResponse, update or resolution, as config/sla-plans.yaml names the target
 * @param due    when the clock runs or ran out
 */
public record SlaAlertEvent(String kind, String ticket, int severity, String customer, String clock, Instant due)
        implements WebhookEvent {

    public static final String WARNING = "sla.warning";
    public static final String BREACHED = "sla.breached";

    public static SlaAlertEvent of(Ticket ticket, SlaAlert alert) {
        return new SlaAlertEvent(alert.breach() ? BREACHED : WARNING, ticket.number().digits(), ticket.severity(),
                ticket.customer(), alert.clock().label(), alert.due());
    }
}
