package org.ticketpost.desk;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.ticketpost.ticket.OutboxEntry;
import org.ticketpost.ticket.UnitOfWork;

/**
 * The outbox as an operator works it: what waits, what failed or bounced and why, and a failed or
 * bounced reply sent again. Each operation runs in one transaction and returns what it read
 * there; a failing database throws {@link org.ticketpost.ticket.StoreException}. Reading never
 * creates the database.
 */
public final class Outbox {

    private final UnitOfWork database;
    private final MissingDatabase missing;
    private final Clock clock;

    public Outbox(UnitOfWork database, MissingDatabase missing, Clock clock) {
        this.database = database;
        this.missing = missing;
        this.clock = clock;
    }

    /**
     * The replies waiting, by next attempt, then those failed or bounced, the latest first.
     *
     * @param undeliveredOnly only those failed or bounced
     * @param limit           at most this many of each
     */
    public List<OutboxView> list(boolean undeliveredOnly, int limit) throws Refused {
        missing.require();
        return database.inTransaction(stores -> {
            List<OutboxView> views = new ArrayList<>();
            if (!undeliveredOnly) {
                stores.outbox().waiting(limit).forEach(entry -> views.add(OutboxView.of(entry)));
            }
            stores.outbox().undelivered(limit).forEach(entry -> views.add(OutboxView.of(entry)));
            return views;
        });
    }

    /**
     * Makes a failed or bounced reply due now, with its attempts counted afresh, and records on its
     * ticket who asked. The serve command sends it at its next look at the outbox.
     *
     * @param actor who asked, for the ticket's history
     */
    public OutboxView retry(long id, String actor) throws Refused {
        missing.require();
        Instant now = clock.instant();
        Retried retried = database.inTransaction(stores -> stores.outbox().find(id)
                .map(entry -> retry(entry, actor, now))
                .orElse(new Retried(Optional.empty(), Optional.of(new Refusal.NoSuchOutboxEntry(id)))));
        if (retried.refusal().isPresent()) {
            throw new Refused(retried.refusal().get());
        }
        return retried.view().orElseThrow();
    }

    private record Retried(Optional<OutboxView> view, Optional<Refusal> refusal) {
    }

    private static Retried retry(OutboxEntry entry, String actor, Instant now) {
        if (entry.isWaiting()) {
            return new Retried(Optional.empty(), Optional.of(new Refusal.StillWaiting(entry.id(), entry.nextAttemptAt())));
        }
        if (!entry.isFailed() && !entry.isBounced()) {
            return new Retried(Optional.empty(), Optional.of(new Refusal.AlreadySent(entry.id(), entry.sentAt().orElseThrow())));
        }
        entry.retry(now);
        entry.message().ticket().ifPresent(ticket -> ticket.replyRetried(entry.kind(), entry.recipient(), actor, now));
        return new Retried(Optional.of(OutboxView.of(entry)), Optional.empty());
    }
}
