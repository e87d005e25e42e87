package org.ticketpost.store;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.hibernate.Session;
import org.ticketpost.ticket.OutboxEntry;
import org.ticketpost.ticket.OutboxRepository;

final class HibernateOutboxRepository implements OutboxRepository {

    private final Session session;

    HibernateOutboxRepository(Session session) {
        this.session = session;
    }

    @Override
    public void add(OutboxEntry entry) {
        session.persist(entry);
    }

    @Override
    public List<OutboxEntry> due(Instant now, int limit) {
        return session.createSelectionQuery(
                        "from OutboxEntry e join fetch e.message where e.sentAt is null and e.nextAttemptAt <= :now "
                                + "order by e.nextAttemptAt, e.id", OutboxEntry.class)
                .setParameter("now", now)
                .setMaxResults(limit)
                .getResultList();
    }

    @Override
    public long countTo(String recipient, Instant since) {
        return Jdbc.query(session, "select count(*) from outbox where recipient = ? and created_at >= ?",
                statement -> {
                    statement.setString(1, recipient);
                    statement.setObject(2, since.atOffset(ZoneOffset.UTC));
                },
                row -> row.getLong(1)).orElse(0L);
    }
}
