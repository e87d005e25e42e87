package org.ticketpost.intake;

import java.util.List;
import java.util.Optional;
import org.ticketpost.form.Problem;
import org.ticketpost.ticket.TicketNumber;

/** What intake made of a mail; each door words it in its own terms (a line, JSON, a status). */
public sealed interface Outcome {

    /** A valid request from an allowed sender: a new ticket, and a confirmation in the outbox. */
    record Opened(TicketNumber number) implements Outcome {
    }

    /** A participant wrote about a ticket: the mail is on that ticket. */
    record FollowedUp(TicketNumber number) implements Outcome {
    }

    /**
     * No ticket: the problems, and whether the sender gets them by mail (not when the loop guard
     * held the answer back, or when there is no address to answer).
     *
     * @param mistypedNumber the digits of a ticket tag in the subject whose check digit fails: the
     *                       answer is about that number, not the problems
     */
    record Rejected(List<Problem> problems, boolean answered, Optional<String> mistypedNumber) implements Outcome {
        public Rejected {
            problems = List.copyOf(problems);
        }

        public Rejected(List<Problem> problems, boolean answered) {
            this(problems, answered, Optional.empty());
        }
    }

    /** A machine sent it (auto-reply, bounce, list mail): recorded, never answered. */
    record Ignored(String reason) implements Outcome {
    }

    /** The same mail came before; nothing new was stored. */
    record Duplicate(Optional<TicketNumber> number) implements Outcome {
    }

    /** "ticket", "followup", "rejected", "ignored" or "duplicate". */
    default String id() {
        if (this instanceof Opened) {
            return "ticket";
        }
        if (this instanceof FollowedUp) {
            return "followup";
        }
        if (this instanceof Rejected) {
            return "rejected";
        }
        return this instanceof Ignored ? "ignored" : "duplicate";
    }

    default Optional<TicketNumber> ticket() {
        if (this instanceof Opened opened) {
            return Optional.of(opened.number());
        }
        if (this instanceof FollowedUp followedUp) {
            return Optional.of(followedUp.number());
        }
        return this instanceof Duplicate duplicate ? duplicate.number() : Optional.empty();
    }

    default List<Problem> problems() {
        return this instanceof Rejected rejected ? rejected.problems() : List.of();
    }
}
