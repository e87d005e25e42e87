package org.ticketpost.desk;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.ticketpost.ticket.TicketNumber;

/** Why a use case did nothing, when the one who asked can put it right; a door words it in its own terms. */
public sealed interface Refusal {

    /** Values that are wrong, one sentence each, e.g. "customer is missing". */
    record Invalid(List<String> problems) implements Refusal {
        public Invalid {
            problems = List.copyOf(problems);
        }
    }

    /** A file of keys with wrong lines: every one is named, and none of the file was imported. */
    record NothingImported(List<String> problems) implements Refusal {
        public NothingImported {
            problems = List.copyOf(problems);
        }
    }

    record AlreadyRegistered(String key) implements Refusal {
    }

    record UnknownKey(String key) implements Refusal {
    }

    record EngineerExists(String name) implements Refusal {
    }

    record UnknownEngineer(String name) implements Refusal {
    }

    /** A change to a ticket named no engineer to make it: every change names its engineer in the history. */
    record NoEngineer() implements Refusal {
    }

    /**
     * No engineer goes with the token, or the name and password do not match: which of the two
     * was wrong is not said, so that no one learns the names by trying.
     */
    record Unauthenticated() implements Refusal {
    }

    /** The engineer is known and proved who they are, but is disabled. */
    record Forbidden(String name) implements Refusal {
    }

    /** The text has no valid check digit, or is no number at all: never taken for another ticket. */
    record NotATicketNumber(String text) implements Refusal {
    }

    record NoSuchTicket(TicketNumber number) implements Refusal {
    }

    /** A change the ticket does not allow, or has already: "is closed: it cannot become open". */
    record Unchanged(TicketNumber number, String why) implements Refusal {
    }

    /**
     * The customer may alarm support by phone only about an open Severity 1 or 2 ticket, and once:
     * the reason says which rule stood in the way, so that a door can say what to do instead.
     *
     * @param since when it was escalated, for {@link Reason#ALREADY_ESCALATED}
     */
    record NotEscalable(TicketNumber number, Reason reason, int severity, Optional<Instant> since) implements Refusal {

        public enum Reason {
            /** Severity 3 or 4: not an outage nor a severe disruption, unless its severity is raised first. */
            SEVERITY,
            /** Resolved: escalated only if it is reopened first. */
            RESOLVED,
            /** Closed for good: the customer files a new ticket. */
            CLOSED,
            /** Escalated before: the on-call engineers were told then. */
            ALREADY_ESCALATED
        }
    }

    record NoSuchOutboxEntry(long id) implements Refusal {
    }

    /** A reply the mail server took, and which did not bounce: sending it again would send it twice. */
    record AlreadySent(long id, Instant sentAt) implements Refusal {
    }

    /** A reply still waiting for its next attempt, which may be being sent at this moment. */
    record StillWaiting(long id, Instant nextAttempt) implements Refusal {
    }

    /** The embedded database has not been created yet, so there is nothing to read. */
    record NoDatabase(Path file) implements Refusal {
    }
}
