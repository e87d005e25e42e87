package org.ticketpost.store;

import java.time.Instant;
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
        return session.createSelectionQuery(
                        "select count(*) from OutboxEntry where recipient = :recipient and createdAt >= :since", Long.class)
                .setParameter("recipient", recipient)
                .setParameter("since", since)
                .getSingleResult();
    }
}
