package org.ticketpost.desk;

import java.time.Clock;
import java.time.Instant;
import java.util.function.BiFunction;
import org.ticketpost.ticket.ServiceLevels;
import org.ticketpost.ticket.Status;
import org.ticketpost.ticket.Stores;
import org.ticketpost.ticket.Ticket;
import org.ticketpost.ticket.TicketNumber;
import org.ticketpost.ticket.UnitOfWork;

/**
 * What engineers do to a ticket, whichever door they use: each change is one transaction, names
 * its actor in the ticket's history, and moves the ticket's SLA clocks with it. A change the
 * ticket does not allow is refused, naming why.
 */
public final class TicketActions {

    private final UnitOfWork database;
    private final MissingDatabase missing;
    private final ServiceLevels levels;
    private final Clock clock;

    public TicketActions(UnitOfWork database, MissingDatabase missing, ServiceLevels levels, Clock clock) {
        this.database = database;
        this.missing = missing;
        this.levels = levels;
        this.clock = clock;
    }

    /** Waiting for the customer pauses the clocks, open resumes them, resolved or closed stops them. */
    public TicketDetails changeStatus(String number, Status next, String actor) throws Refused {
        return change(number, (ticket, now) -> {
            if (ticket.status() == next) {
                return new Refusal.Unchanged(ticket.number(), "is " + next.label() + " already");
            }
            if (!ticket.status().canBecome(next)) {
                return new Refusal.Unchanged(ticket.number(), "is " + ticket.status().label() + ": it cannot become " + next.label());
            }
            ticket.changeStatus(next, actor, now, levels);
            return null;
        });
    }

    /** The clocks count against the new severity's targets from the ticket's start. */
    public TicketDetails changeSeverity(String number, int severity, String actor) throws Refused {
        return change(number, (ticket, now) -> {
            if (ticket.severity() == severity) {
                return new Refusal.Unchanged(ticket.number(), "is severity " + severity + " already");
            }
            if (ticket.status() == Status.CLOSED) {
                return new Refusal.Unchanged(ticket.number(), "is closed: its severity stays " + ticket.severity());
            }
            ticket.changeSeverity(severity, actor, now, levels);
            return null;
        });
    }

    /** An answer went to the customer: the first response is met, and the next update is due an interval later. */
    public TicketDetails customerAnswered(String number, String actor) throws Refused {
        return change(number, (ticket, now) -> {
            ticket.customerAnswered(actor, now, levels);
            return null;
        });
    }

    /** @param change the refusal, or null when it changed the ticket */
    private TicketDetails change(String number, BiFunction<Ticket, Instant, Refusal> change) throws Refused {
        TicketNumber parsed = TicketNumber.parse(number).orElseThrow(() -> new Refused(new Refusal.NotATicketNumber(number)));
        missing.require();
        Instant now = clock.instant();
        Outcome outcome = database.inTransaction(stores -> changed(stores, parsed, change, now));
        if (outcome.refusal() != null) {
            throw new Refused(outcome.refusal());
        }
        return outcome.details();
    }

    private static Outcome changed(Stores stores, TicketNumber number, BiFunction<Ticket, Instant, Refusal> change, Instant now) {
        Ticket ticket = stores.tickets().find(number).orElse(null);
        if (ticket == null) {
            return new Outcome(null, new Refusal.NoSuchTicket(number));
        }
        Refusal refusal = change.apply(ticket, now);
        return refusal != null ? new Outcome(null, refusal)
                : new Outcome(TicketDetails.of(ticket, stores.messages().ofTicket(ticket), now), null);
    }

    /** What one transaction did: the ticket as it is now, or why it was left alone. */
    private record Outcome(TicketDetails details, Refusal refusal) {
    }
}
