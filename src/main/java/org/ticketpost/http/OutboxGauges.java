package org.ticketpost.http;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.ticketpost.ticket.OutboxBacklog;
import org.ticketpost.ticket.UnitOfWork;

/**
 * How many replies wait in the outbox, and how long the oldest has waited, as gauges. Both read
 * one answer of the database, kept a few seconds, so that a scrape, or several at once, costs one
 * query. Where the database does not answer, both are NaN: no figure rather than a stale one.
 */
final class OutboxGauges {

    /** Shorter than any scrape interval one would choose, longer than the moment between two gauges of one scrape. */
    static final Duration KEPT = Duration.ofSeconds(5);

    private final UnitOfWork database;
    private final Clock clock;
    private Optional<OutboxBacklog> backlog = Optional.empty();
    private Instant readAt = Instant.MIN;

    OutboxGauges(UnitOfWork database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    void register(MeterRegistry registry) {
        Gauge.builder("ticketpost.outbox.waiting", this, gauges -> gauges.current().map(OutboxBacklog::waiting)
                        .map(Long::doubleValue).orElse(Double.NaN))
                .description("Replies waiting to be sent: neither sent nor failed for good")
                .register(registry);
        Gauge.builder("ticketpost.outbox.oldest.age", this, gauges -> gauges.current()
                        .map(backlog -> backlog.oldestAge(clock.instant()).toMillis() / 1000.0).orElse(Double.NaN))
                .description("How long the oldest waiting reply has waited; 0 when none waits")
                .baseUnit("seconds")
                .register(registry);
    }

    private synchronized Optional<OutboxBacklog> current() {
        Instant now = clock.instant();
        if (Duration.between(readAt, now).compareTo(KEPT) >= 0) {
            try {
                backlog = Optional.of(database.inTransaction(stores -> stores.outbox().backlog()));
            } catch (RuntimeException e) {
                backlog = Optional.empty();   // /health says why
            }
            readAt = now;
        }
        return backlog;
    }
}
