package org.ticketpost.ticket;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The mails still waiting to be sent (neither sent nor failed for good): how many, and when the
 * oldest of them was written.
 */
public record OutboxBacklog(long waiting, Optional<Instant> oldest) {

    public static final OutboxBacklog EMPTY = new OutboxBacklog(0, Optional.empty());

    /** How long the oldest one has waited by now; zero when none waits. */
    public Duration oldestAge(Instant now) {
        return oldest.map(written -> Duration.between(written, now)).filter(age -> !age.isNegative()).orElse(Duration.ZERO);
    }
}
