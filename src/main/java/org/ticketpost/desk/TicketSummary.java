package org.ticketpost.desk;

import java.time.Instant;
import java.util.Optional;
import org.ticketpost.ticket.Status;
import org.ticketpost.ticket.Ticket;
import org.ticketpost.ticket.TicketNumber;

/** A ticket as a list shows it. */
public record TicketSummary(TicketNumber number, Status status, int severity, String subject, String customer,
        Optional<String> product, Optional<String> component, Instant created, Instant updated) {

    static TicketSummary of(Ticket ticket) {
        return new TicketSummary(ticket.number(), ticket.status(), ticket.severity(), ticket.subject(), ticket.customer(),
                ticket.product(), ticket.component(), ticket.createdAt(), ticket.updatedAt());
    }
}
