package org.ticketpost.desk;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.ticketpost.reply.PhoneCall;
import org.ticketpost.reply.ReplyComposer;
import org.ticketpost.ticket.Engineer;
import org.ticketpost.ticket.Message;
import org.ticketpost.ticket.ServiceLevels;
import org.ticketpost.ticket.Status;
import org.ticketpost.ticket.Stores;
import org.ticketpost.ticket.Ticket;
import org.ticketpost.ticket.TicketNumber;
import org.ticketpost.ticket.UnitOfWork;

/**
 * What engineers do to a ticket, whichever door they use: each change is one transaction, is
 * made by a registered engineer who is not disabled, names that engineer in the ticket's history,
 * and moves the ticket's SLA clocks with it. What the customer has to know of goes into the
 * outbox in the same transaction. A change the ticket does not allow is refused, naming why.
 */
public final class TicketActions {

    /** Longer than any answer a person writes; a longer text is a file given by mistake. */
    public static final int MAX_TEXT_LENGTH = 100_000;

    private final UnitOfWork database;
    private final MissingDatabase missing;
    private final ServiceLevels levels;
    private final CustomerMails mails;
    private final Clock clock;
    private final OnCallNotice onCall;

    public TicketActions(UnitOfWork database, MissingDatabase missing, ServiceLevels levels, ReplyComposer replies, Clock clock,
            OnCallNotice onCall) {
        this.database = database;
        this.missing = missing;
        this.levels = levels;
        this.mails = new CustomerMails(replies);
        this.clock = clock;
        this.onCall = onCall;
    }

    /**
     * Waiting for the customer pauses the clocks, open resumes them, resolved or closed stops them.
     * The customer is told when the ticket waits for them and when it is resolved.
     */
    public TicketDetails changeStatus(String number, Status next, String engineer) throws Refused {
        return change(number, engineer, (ticket, stores, actor, now) -> {
            if (ticket.status() == next) {
                return Optional.of(new Refusal.Unchanged(ticket.number(), "is " + next.label() + " already"));
            }
            if (!ticket.status().canBecome(next)) {
                return Optional.of(new Refusal.Unchanged(ticket.number(), "is " + ticket.status().label() + ": it cannot become "
                        + next.label()));
            }
            ticket.changeStatus(next, actor, now, levels);
            if (next == Status.WAITING_FOR_CUSTOMER) {
                mails.statusNotice("status-waiting", ticket, stores, now);
            } else if (next == Status.RESOLVED) {
                mails.statusNotice("status-resolved", ticket, stores, now);
            }
            return Optional.empty();
        });
    }

    /** The clocks count against the new severity's targets from the ticket's start; the customer is told. */
    public TicketDetails changeSeverity(String number, int severity, String engineer) throws Refused {
        return change(number, engineer, (ticket, stores, actor, now) -> {
            if (ticket.severity() == severity) {
                return Optional.of(new Refusal.Unchanged(ticket.number(), "is severity " + severity + " already"));
            }
            if (ticket.status() == Status.CLOSED) {
                return Optional.of(new Refusal.Unchanged(ticket.number(), "is closed: its severity stays " + ticket.severity()));
            }
            int before = ticket.severity();
            ticket.changeSeverity(severity, actor, now, levels);
            mails.severityNotice(ticket, before, stores, now);
            return Optional.empty();
        });
    }

    /**
     * An engineer answers the customer: the answer is kept with the ticket and queued in the outbox
     * to its reporter, threaded on the customer's latest mail; it meets the first response. A
     * closed ticket takes no more answers.
     */
    public TicketDetails answer(String number, String engineer, String text) throws Refused {
        requireText(text, "answer");
        return change(number, engineer, (ticket, stores, actor, now) -> {
            if (ticket.status() == Status.CLOSED) {
                return Optional.of(new Refusal.Unchanged(ticket.number(),
                        "is closed: it takes no more answers (the customer's next mail opens a new ticket)"));
            }
            String recipient = mails.answer(ticket, actor, text, stores, now);
            ticket.engineerAnswered(actor, recipient, now, levels);
            return Optional.empty();
        });
    }

    /** An engineer keeps a note on the ticket for the others: the customer hears nothing of it, and no clock moves. */
    public TicketDetails addNote(String number, String engineer, String text) throws Refused {
        requireText(text, "note");
        return change(number, engineer, (ticket, stores, actor, now) -> {
            stores.messages().add(Message.internalNote(ticket, actor, text.strip(), now));
            ticket.noteAdded(actor, now);
            return Optional.empty();
        });
    }

    /** Closing is final: a closed ticket takes no more mail, and the customer's next request is a new ticket. */
    public TicketDetails close(String number, String actor) throws Refused {
        return changeStatus(number, Status.CLOSED, actor);
    }

    /** Gives the ticket to an engineer who can sign in: an unknown or disabled one is refused. */
    public TicketDetails assign(String number, String engineerName, String acting) throws Refused {
        String name = Engineer.normalName(engineerName);
        return change(number, acting, (ticket, stores, actor, now) -> {
            Engineer engineer = stores.engineers().find(name).orElse(null);
            if (engineer == null) {
                return Optional.of(new Refusal.UnknownEngineer(name));
            }
            if (engineer.isDisabled()) {
                return Optional.of(new Refusal.Unchanged(ticket.number(), "cannot go to " + name + ": engineer " + name + " is disabled"));
            }
            if (ticket.assignee().filter(assignee -> assignee.name().equals(name)).isPresent()) {
                return Optional.of(new Refusal.Unchanged(ticket.number(), "is assigned to " + name + " already"));
            }
            if (ticket.status() == Status.CLOSED) {
                return Optional.of(new Refusal.Unchanged(ticket.number(), "is closed: it stays with "
                        + ticket.assignee().map(Engineer::name).orElse("nobody")));
            }
            ticket.assign(engineer, actor, now);
            return Optional.empty();
        });
    }

    /**
     * The customer phoned in about an open Severity 1 or 2 ticket: the ticket is flagged, the
     * history names the caller and what they said, and the on-call engineers are told by mail (and
     * webhook.url, where configured, by a "ticket.escalated" call), all in one transaction. Any other ticket, or one escalated before, is refused, saying why.
     *
     * @param caller who phoned; @param note what they said; both are required
     */
    public Escalation escalateByPhone(String number, String caller, String note, String engineer) throws Refused {
        List<String> missingValues = new ArrayList<>();
        if (caller == null || caller.isBlank()) {
            missingValues.add("the caller is missing: who phoned?");
        }
        if (note == null || note.isBlank()) {
            missingValues.add("the note is missing: what did the caller say?");
        }
        List<String> told = new ArrayList<>();
        TicketDetails escalated = change(number, engineer, (ticket, stores, actor, now) -> {
            Refusal refusal = whyNotByPhone(ticket);
            if (refusal != null) {
                return Optional.of(refusal);
            }
            if (!missingValues.isEmpty()) {   // after the ticket's own rules, which say more than a missing value
                return Optional.of(new Refusal.Invalid(missingValues));
            }
            ticket.escalateByPhone(caller.strip(), note.strip(), actor, now);
            told.clear();
            told.addAll(onCall.queue(stores, ticket, new PhoneCall(caller.strip(), note.strip(), actor, now), now));
            return Optional.empty();
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
    public TicketDetails customerAnswered(String number, String engineer) throws Refused {
        return change(number, engineer, (ticket, stores, actor, now) -> {
            ticket.customerAnswered(actor, now, levels);
            return Optional.empty();
        });
    }

    /** What a change does to a ticket in its transaction, by the engineer's name. */
    @FunctionalInterface
    private interface Change {
        /** @return why the ticket was left alone, or empty when it was changed */
        Optional<Refusal> apply(Ticket ticket, Stores stores, String engineer, Instant now);
    }

    private static void requireText(String text, String what) throws Refused {
        if (text == null || text.isBlank()) {
            throw new Refused(new Refusal.Invalid(List.of("the " + what + " is empty")));
        }
        if (text.length() > MAX_TEXT_LENGTH) {
            throw new Refused(new Refusal.Invalid(List.of("the " + what + " has " + text.length() + " characters, more than the "
                    + MAX_TEXT_LENGTH + " it may have")));
        }
    }

    private TicketDetails change(String number, String engineer, Change change) throws Refused {
        if (engineer == null || engineer.isBlank()) {
            throw new Refused(new Refusal.NoEngineer());
        }
        TicketNumber parsed = TicketNumber.parse(number).orElseThrow(() -> new Refused(new Refusal.NotATicketNumber(number)));
        missing.require();
        String name = Engineer.normalName(engineer);
        Instant now = clock.instant();
        Outcome outcome = database.inTransaction(stores -> changed(stores, parsed, name, change, now));
        if (outcome.refusal() != null) {
            throw new Refused(outcome.refusal());
        }
        return outcome.details();
    }

    private static Outcome changed(Stores stores, TicketNumber number, String engineer, Change change, Instant now) {
        Optional<Engineer> acting = stores.engineers().find(engineer);
        if (acting.isEmpty()) {
            return new Outcome(null, new Refusal.UnknownEngineer(engineer));
        }
        if (acting.get().isDisabled()) {
            return new Outcome(null, new Refusal.Forbidden(engineer));
        }
        Ticket ticket = stores.tickets().find(number).orElse(null);
        if (ticket == null) {
            return new Outcome(null, new Refusal.NoSuchTicket(number));
        }
        Optional<Refusal> refusal = change.apply(ticket, stores, acting.get().name(), now);
        return refusal.isPresent() ? new Outcome(null, refusal.get())
                : new Outcome(TicketDetails.of(ticket, stores.messages().ofTicket(ticket), now), null);
    }

    /** What one transaction did: the ticket as it is now, or why it was left alone. */
    private record Outcome(TicketDetails details, Refusal refusal) {
    }
}
