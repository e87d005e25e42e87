package org.ticketpost.ticket;

import java.time.Instant;
import java.util.Optional;

/**
 * One mail of a mailbox, as the intake ledger records it.
 *
 * @param attempts      how often it was tried and not taken in
 * @param outcome       what intake made of it ("ticket", "rejected", …), once taken in
 * @param ticket        the ticket it went to, if any
 * @param backlog       taken in from the backlog found at the first connection: without automatic replies
 * @param reason        why it failed, or why its last attempt did
 * @param nextAttemptAt when a mail waiting to be tried again is due
 */
public record LedgerEntry(String mailbox, long uidValidity, String uid, State state, int attempts,
        Optional<String> outcome, Optional<String> ticket, boolean backlog, Optional<String> reason,
        Optional<Instant> nextAttemptAt, Instant updatedAt) {

    /** A reason may quote a server's or a database's message of any length: it is cut to its column. */
    public LedgerEntry {
        reason = reason.map(text -> Columns.fit(text, 2000));
    }

    public enum State {
        /** Not taken in yet: tried and failed, due again at nextAttemptAt. */
        RETRYING,
        /** Committed; the server has not yet been told. */
        TAKEN_IN,
        /** Committed, and flagged, moved or deleted on the server as configured. */
        ACKNOWLEDGED,
        /** Not a mail, or given up after its attempts; never tried again. */
        FAILED;

        public boolean finished() {
            return this == ACKNOWLEDGED || this == FAILED;
        }
    }

    /** A mail not seen before: nothing tried yet. */
    public static LedgerEntry first(String mailbox, long uidValidity, String uid, Instant now) {
        return new LedgerEntry(mailbox, uidValidity, uid, State.RETRYING, 0, Optional.empty(), Optional.empty(), false,
                Optional.empty(), Optional.empty(), now);
    }

    public LedgerEntry takenIn(String outcome, Optional<String> ticket, boolean backlog, Instant now) {
        return new LedgerEntry(mailbox, uidValidity, uid, State.TAKEN_IN, attempts, Optional.of(outcome), ticket, backlog,
                Optional.empty(), Optional.empty(), now);
    }

    public LedgerEntry acknowledged(Instant now) {
        return new LedgerEntry(mailbox, uidValidity, uid, State.ACKNOWLEDGED, attempts, outcome, ticket, backlog, reason,
                Optional.empty(), now);
    }

    /** One more attempt failed; the mail is due again then. */
    public LedgerEntry retrying(String why, Instant dueAgain, Instant now) {
        return new LedgerEntry(mailbox, uidValidity, uid, State.RETRYING, attempts + 1, outcome, ticket, backlog,
                Optional.of(why), Optional.of(dueAgain), now);
    }

    /** Held by a reader until then, as if due again only then: no other reader takes it meanwhile. */
    public LedgerEntry heldUntil(Instant until, Instant now) {
        return new LedgerEntry(mailbox, uidValidity, uid, State.RETRYING, attempts, outcome, ticket, backlog, reason,
                Optional.of(until), now);
    }

    public LedgerEntry failed(String why, Instant now) {
        return new LedgerEntry(mailbox, uidValidity, uid, State.FAILED, attempts, outcome, ticket, backlog, Optional.of(why),
                Optional.empty(), now);
    }

    public boolean isDue(Instant now) {
        return state == State.RETRYING && nextAttemptAt.map(due -> !due.isAfter(now)).orElse(true);
    }
}
