package org.ticketpost.desk;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import org.ticketpost.reply.PhoneCall;
import org.ticketpost.ticket.Engineer;
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
    private final OnCallNotice onCall;

    public TicketActions(UnitOfWork database, MissingDatabase missing, ServiceLevels levels, Clock clock, OnCallNotice onCall) {
        this.database = database;
        this.missing = missing;
        this.levels = levels;
        this.clock = clock;
        this.onCall = onCall;
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

    /** Closing is final: a closed ticket takes no more mail, and the customer's next request is a new ticket. */
    public TicketDetails close(String number, String actor) throws Refused {
        return changeStatus(number, Status.CLOSED, actor);
    }

    /** Gives the ticket to an engineer who can sign in: an unknown or disabled one is refused. */
    public TicketDetails assign(String number, String engineerName, String actor) throws Refused {
        String name = Engineer.normalName(engineerName);
        return changeIn(number, (stores, ticket, now) -> {
            Engineer engineer = stores.engineers().find(name).orElse(null);
            if (engineer == null) {
                return new Refusal.UnknownEngineer(name);
            }
            if (engineer.isDisabled()) {
                return new Refusal.Unchanged(ticket.number(), "cannot go to " + name + ": engineer " + name + " is disabled");
            }
            if (ticket.assignee().filter(assignee -> assignee.name().equals(name)).isPresent()) {
                return new Refusal.Unchanged(ticket.number(), "is assigned to " + name + " already");
            }
            if (ticket.status() == Status.CLOSED) {
                return new Refusal.Unchanged(ticket.number(), "is closed: it stays with "
                        + ticket.assignee().map(Engineer::name).orElse("nobody"));
            }
            ticket.assign(engineer, actor, now);
            return null;
        });
    }

    /**
     * The customer phoned in about an open Severity 1 or 2 ticket: the ticket is flagged, the
     * history names the caller and what they said, and the on-call engineers are told by mail, all
     * in one transaction. Any other ticket, or one escalated before, is refused, saying why.
     *
     * @param caller who phoned; @param note what they said; both are required
     */
    public Escalation escalateByPhone(String number, String caller, String note, String actor) throws Refused {
        List<String> missingValues = new ArrayList<>();
        if (caller == null || caller.isBlank()) {
            missingValues.add("the caller is missing: who phoned?");
        }
        if (note == null || note.isBlank()) {
            missingValues.add("the note is missing: what did the caller say?");
        }
        List<String> told = new ArrayList<>();
        TicketDetails escalated = changeIn(number, (stores, ticket, now) -> {
            Refusal refusal = whyNotByPhone(ticket);
            if (refusal != null) {
                return refusal;
            }
            if (!missingValues.isEmpty()) {   // after the ticket's own rules, which say more than a missing value
                return new Refusal.Invalid(missingValues);
            }
            ticket.escalateByPhone(caller.strip(), note.strip(), actor, now);
            told.clear();
            told.addAll(onCall.queue(stores, ticket, new PhoneCall(caller.strip(), note.strip(), actor, now), now));
            return null;
        });
        return new Escalation(escalated, told);
    }

    private static Refusal whyNotByPhone(Ticket ticket) {
        Refusal.NotEscalable.Reason reason;
        if (ticket.status() == Status.CLOSED) {
            reason = Refusal.NotEscalable.Reason.CLOSED;
        } else if (ticket.status() == Status.RESOLVED) {
            reason = Refusal.NotEscalable.Reason.RESOLVED;
        } else if (ticket.severity() > 2) {
            reason = Refusal.NotEscalable.Reason.SEVERITY;
        } else if (ticket.escalatedAt().isPresent()) {
            reason = Refusal.NotEscalable.Reason.ALREADY_ESCALATED;
        } else {
            return null;
        }
        return new Refusal.NotEscalable(ticket.number(), reason, ticket.severity(), ticket.escalatedAt());
    }

    /** An answer went to the customer: the first response is met, and the next update is due an interval later. */
    public TicketDetails customerAnswered(String number, String actor) throws Refused {
        return change(number, (ticket, now) -> {
            ticket.customerAnswered(actor, now, levels);
            return null;
        });
    }

    /** A change that reads or writes more than the ticket: returns the refusal, or null when it changed the ticket. */
    private interface Change {
        Refusal apply(Stores stores, Ticket ticket, Instant now);
    }

    /** @param change the refusal, or null when it changed the ticket */
    private TicketDetails change(String number, BiFunction<Ticket, Instant, Refusal> change) throws Refused {
        return changeIn(number, (stores, ticket, now) -> change.apply(ticket, now));
    }

    private TicketDetails changeIn(String number, Change change) throws Refused {
        TicketNumber parsed = TicketNumber.parse(number).orElseThrow(() -> new Refused(new Refusal.NotATicketNumber(number)));
        missing.require();
        Instant now = clock.instant();
        Outcome outcome = database.inTransaction(stores -> changed(stores, parsed, change, now));
        if (outcome.refusal() != null) {
            throw new Refused(outcome.refusal());
        }
        return outcome.details();
    }

    private static Outcome changed(Stores stores, TicketNumber number, Change change, Instant now) {
        Ticket ticket = stores.tickets().find(number).orElse(null);
        if (ticket == null) {
            return new Outcome(null, new Refusal.NoSuchTicket(number));
        }
        Refusal refusal = change.apply(stores, ticket, now);
        return refusal != null ? new Outcome(null, refusal)
                : new Outcome(TicketDetails.of(ticket, stores.messages().ofTicket(ticket), now), null);
    }

    /** What one transaction did: the ticket as it is now, or why it was left alone. */
    private record Outcome(TicketDetails details, Refusal refusal) {
    }
}
