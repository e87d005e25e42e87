package org.ticketpost.http.web;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.ticketpost.desk.TicketSummary;

/**
 * A line of the ticket list.
 *
 * @param assignee  who works on it; empty while no one is assigned
 * @param escalated when the customer escalated it by phone; empty when no one did
 */
record TicketRow(String number, String status, int severity, String subject, String customer, String product,
        String component, String assignee, String escalated, String opened, Countdown due) {

    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    static TicketRow of(TicketSummary ticket, ZoneId zone) {
        return new TicketRow(ticket.number().toString(), ticket.status().label(), ticket.severity(), ticket.subject(),
                ticket.customer(), ticket.product().orElse(""), ticket.component().orElse(""), ticket.assignee().orElse(""),
                ticket.escalated().map(at -> shown(at, zone)).orElse(""), shown(ticket.created(), zone),
                Countdown.of(ticket.due()));
    }

    static String shown(java.time.Instant at, ZoneId zone) {
        return SHOWN.format(at.atZone(zone));
    }
}
