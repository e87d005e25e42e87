package org.ticketpost.desk;

import java.time.Instant;
import java.util.Optional;
import org.ticketpost.ticket.EventKind;
import org.ticketpost.ticket.TicketEvent;

/** One entry of a ticket's history: who did what when, with the old and the new value where something changed. */
public record EventView(Instant at, String actor, EventKind kind, Optional<String> oldValue, Optional<String> newValue,
        Optional<String> note) {

    static EventView of(TicketEvent event) {
        return new EventView(event.at(), event.actor(), event.kind(), event.oldValue(), event.newValue(), event.note());
    }
}
