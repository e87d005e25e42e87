package org.ticketpost.store;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.hibernate.Session;
import org.hibernate.dialect.H2Dialect;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.ticketpost.ticket.OutboxBacklog;
import org.ticketpost.ticket.OutboxEntry;
import org.ticketpost.ticket.OutboxRepository;

final class HibernateOutboxRepository implements OutboxRepository {

    private static final String DUE = "sent_at is null and failed_at is null and bounced_at is null and next_attempt_at <= :now";

    /** The order of the index outbox_due, its two empty columns named too, so that a database sees it may walk it. */
    private static final String OLDEST_FIRST = " order by sent_at, failed_at, next_attempt_at, id limit :limit";

    /**
     * PostgreSQL walks the index and locks up to :limit due rows as it goes, passing over rows
     * another transaction holds locked. A row claimed and committed meanwhile no longer matches:
     * PostgreSQL reads it again after locking it.
     */
    static final String CLAIM = "select id from outbox where " + DUE + OLDEST_FIRST + " for update skip locked";

    /**
     * H2 sorts every row that matches a query FOR UPDATE, whatever its indexes: with 40,000 replies
     * waiting, a claim took 130 to 175 ms. This picks the oldest due rows without a lock, in the
     * index's order, then locks those of them no other transaction holds. Naming the due rows again
     * in the outer query can lead H2 to walk the whole index for it, so that {@link #claimDue} checks
     * them again once they are locked.
     */
    static final String CLAIM_H2 = "select id from outbox where id in (select id from outbox where " + DUE + OLDEST_FIRST
            + ") for update skip locked";

    /** Runs for every rejection: it looks the domain up in its index (outbox_by_recipient_domain). */
    static final String COUNT_TO_DOMAIN = "select count(*) from outbox where recipient_domain = ? and created_at >= ?";

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
                        "from OutboxEntry e join fetch e.message where e.sentAt is null and e.failedAt is null "
                                + "and e.bouncedAt is null and e.nextAttemptAt <= :now order by e.nextAttemptAt, e.id", OutboxEntry.class)
                .setParameter("now", now)
                .setMaxResults(limit)
                .getResultList();
    }

    @Override
    public List<OutboxEntry> waiting(int limit) {
        return session.createSelectionQuery("from OutboxEntry e join fetch e.message m left join fetch m.ticket "
                        + "where e.sentAt is null and e.failedAt is null and e.bouncedAt is null "
                        + "order by e.nextAttemptAt, e.id", OutboxEntry.class)
                .setMaxResults(limit)
                .getResultList();
    }

    @Override
    public List<OutboxEntry> undelivered(int limit) {
        return session.createSelectionQuery("from OutboxEntry e join fetch e.message m left join fetch m.ticket "
                        + "where e.failedAt is not null or e.bouncedAt is not null "
                        + "order by coalesce(e.bouncedAt, e.failedAt) desc, e.id desc", OutboxEntry.class)
                .setMaxResults(limit)
                .getResultList();
    }

    @Override
    public List<OutboxEntry> claimDue(Instant now, int limit, Instant until) {
        List<Long> ids = session.createNativeQuery(onH2() ? CLAIM_H2 : CLAIM, Long.class)
                .setParameter("now", now.atOffset(ZoneOffset.UTC))
                .setParameter("limit", limit)
                .getResultList();
        if (ids.isEmpty()) {
            return List.of();
        }
        List<OutboxEntry> claimed = session.createSelectionQuery(
                        "from OutboxEntry e join fetch e.message where e.id in :ids", OutboxEntry.class)
                .setParameter("ids", ids)
                .getResultList();
        claimed.removeIf(entry -> !entry.isWaiting() || entry.nextAttemptAt().isAfter(now));   // claimed by another meanwhile
        claimed.forEach(entry -> entry.claimUntil(until));
        claimed.sort(Comparator.comparingInt(entry -> ids.indexOf(entry.id())));
        return claimed;
    }

    @Override
    public Optional<OutboxEntry> find(long id) {
        return Optional.ofNullable(session.find(OutboxEntry.class, id));
    }

    @Override
    public Optional<OutboxEntry> findByReturnPath(String returnPath) {
        List<OutboxEntry> sent = session.createSelectionQuery(
                        "from OutboxEntry e join fetch e.message where e.returnPath = :returnPath", OutboxEntry.class)
                .setParameter("returnPath", returnPath)
                .setMaxResults(2)
                .getResultList();
        return sent.size() == 1 ? Optional.of(sent.get(0)) : Optional.empty();
    }

    @Override
    public Optional<OutboxEntry> findByMessageId(String messageId) {
        return session.createSelectionQuery(
                        "from OutboxEntry e join fetch e.message m where m.messageId = :messageId", OutboxEntry.class)
                .setParameter("messageId", messageId)
                .setMaxResults(1)
                .getResultStream().findFirst();
    }

    @Override
    public int extendClaim(Collection<Long> ids, Instant heldUntil, Instant until) {
        if (ids.isEmpty()) {
            return 0;
        }
        return session.createMutationQuery("update OutboxEntry e set e.nextAttemptAt = :until where e.id in :ids "
                        + "and e.nextAttemptAt = :heldUntil and e.sentAt is null and e.failedAt is null and e.bouncedAt is null")
                .setParameter("until", until)
                .setParameter("heldUntil", heldUntil)
                .setParameter("ids", ids)
                .executeUpdate();
    }

    @Override
    public void release(Collection<Long> ids, Instant now) {
        if (ids.isEmpty()) {
            return;
        }
        session.createMutationQuery("update OutboxEntry e set e.nextAttemptAt = :now "
                        + "where e.id in :ids and e.sentAt is null and e.failedAt is null and e.bouncedAt is null")
                .setParameter("now", now)
                .setParameter("ids", ids)
                .executeUpdate();
    }

    @Override
    public OutboxBacklog backlog() {
        return Jdbc.query(session, "select count(*), min(created_at) from outbox where sent_at is null and failed_at is null",
                        statement -> { },
                        row -> new OutboxBacklog(row.getLong(1), Optional.ofNullable(row.getObject(2, OffsetDateTime.class))
                                .map(OffsetDateTime::toInstant)))
                .orElse(OutboxBacklog.EMPTY);
    }

    @Override
    public long countToMailbox(String mailbox, Instant since) {
        int at = mailbox.lastIndexOf('@');
        String tagged = at < 0 ? likeText(mailbox) + "+%" : likeText(mailbox.substring(0, at)) + "+%" + likeText(mailbox.substring(at));
        return Jdbc.query(session, "select count(*) from outbox where (recipient = ? or recipient like ? escape '!') "
                        + "and created_at >= ?",
                statement -> {
                    statement.setString(1, mailbox);
                    statement.setString(2, tagged);
                    statement.setObject(3, since.atOffset(ZoneOffset.UTC));
                },
                row -> row.getLong(1)).orElse(0L);
    }

    @Override
    public long countToDomain(String domain, Instant since) {
        return Jdbc.query(session, COUNT_TO_DOMAIN,
                statement -> {
                    statement.setString(1, OutboxEntry.domainOf("@" + domain));
                    statement.setObject(2, since.atOffset(ZoneOffset.UTC));
                },
                row -> row.getLong(1)).orElse(0L);
    }

    private boolean onH2() {
        return session.getSessionFactory().unwrap(SessionFactoryImplementor.class).getJdbcServices().getDialect() instanceof H2Dialect;
    }

    /** Text matched as it is by LIKE ... ESCAPE '!': an address may hold % and _. */
    private static String likeText(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }
}
