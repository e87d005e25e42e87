package org.ticketpost.desk;

import java.util.List;

/**
 * A phone escalation as it was committed.
 *
 * @param told the addresses the on-call notice was queued for; none when no one is on call
 */
public record Escalation(TicketDetails ticket, List<String> told) {

    public Escalation {
        told = List.copyOf(told);
    }
}
