package org.ticketpost.desk;

import java.time.Instant;
import java.util.Optional;
import org.ticketpost.ticket.Engineer;
import org.ticketpost.ticket.Status;
import org.ticketpost.ticket.Ticket;
import org.ticketpost.ticket.TicketNumber;

/**
 * A ticket as a list shows it.
 *
 * @param assignee  the name of the engineer who works on it; none until someone is assigned
 * @param escalated when the customer escalated it by phone; none when no one did
 * @param due its SLA clock that runs out first, at the moment the list was read; none when no clock is pending
 */
public record TicketSummary(TicketNumber number, Status status, int severity, String subject, String customer,
        Optional<String> product, Optional<String> component, Optional<String> assignee, Optional<Instant> escalated, Instant created, Instant updated, Optional<ClockView> due) {

    static TicketSummary of(Ticket ticket, Instant now) {
        return new TicketSummary(ticket.number(), ticket.status(), ticket.severity(), ticket.subject(), ticket.customer(),
                ticket.product(), ticket.component(), ticket.assignee().map(Engineer::name), ticket.escalatedAt(), ticket.createdAt(), ticket.updatedAt(),
                ClockView.nearest(ticket.clocks(), now));
    }
}
