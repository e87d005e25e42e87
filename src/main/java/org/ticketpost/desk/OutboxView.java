package org.ticketpost.desk;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.ticketpost.ticket.OutboxEntry;
import org.ticketpost.ticket.TicketNumber;

/**
 * A reply in the outbox as an operator sees it, read inside its transaction.
 *
 * @param kind        the reply template that made it: confirmation, rejection, …
 * @param ticket      the ticket it is about; none for a rejection
 * @param attempts    the attempts to send it so far (since an operator had it sent again)
 * @param nextAttempt when a waiting reply is tried next
 * @param reason      why it failed or bounced, or why its latest attempt failed
 * @param since       when it failed or bounced, for a reply that did
 */
public record OutboxView(long id, String kind, String recipient, Optional<TicketNumber> ticket, State state, int attempts,
        Optional<Instant> nextAttempt, Optional<String> reason, Instant created, Optional<Instant> since) {

    /** Where a reply is: waiting to be sent, failed for good, or sent and bounced. */
    public enum State {
        WAITING, FAILED, BOUNCED;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    static OutboxView of(OutboxEntry entry) {
        State state = entry.isBounced() ? State.BOUNCED : entry.isFailed() ? State.FAILED : State.WAITING;
        return new OutboxView(entry.id(), entry.kind(), entry.recipient(), entry.message().ticket().map(ticket -> ticket.number()),
                state, entry.attempts(), state == State.WAITING ? Optional.of(entry.nextAttemptAt()) : Optional.empty(),
                state == State.BOUNCED ? entry.bounceReason() : entry.lastError(), entry.createdAt(),
                state == State.BOUNCED ? entry.bouncedAt() : entry.failedAt());
    }
}
