package org.ticketpost.store;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.hibernate.Session;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.query.SelectionQuery;
import org.ticketpost.ticket.ClockState;
import org.ticketpost.ticket.Status;
import org.ticketpost.ticket.SupportKey;
import org.ticketpost.ticket.Ticket;
import org.ticketpost.ticket.TicketNumber;
import org.ticketpost.ticket.TicketQuery;
import org.ticketpost.ticket.TicketRepository;

final class HibernateTicketRepository implements TicketRepository {

    private static final List<Status> OPEN = Arrays.stream(Status.values()).filter(Status::isOpen).toList();

    /**
     * The scheduler's claim: the due clocks from ticket_clock_by_next_alert, earliest first, then
     * their tickets, locked, passing over those another scheduler (or an engineer's change) holds.
     * A ticket alerted and committed meanwhile is read again after locking and checked again by
     * the domain. PostgreSQL and H2 (2.2 and later) both take this form.
     */
    static final String CLAIM_ALERTS = "select id from ticket where id in (select ticket_id from ticket_clock "
            + "where next_alert_at <= :now order by next_alert_at limit :limit) for update skip locked";

    private final Session session;

    HibernateTicketRepository(Session session) {
        this.session = session;
    }

    @Override
    public TicketNumber nextNumber() {
        String nextValue = session.getSessionFactory().unwrap(SessionFactoryImplementor.class).getJdbcServices().getDialect()
                .getSequenceSupport().getSequenceNextValString("ticket_number_seq");
        return Jdbc.query(session, nextValue, statement -> { }, row -> new TicketNumber(row.getLong(1))).orElseThrow();
    }

    @Override
    public void add(Ticket ticket) {
        session.persist(ticket);
    }

    @Override
    public Optional<Ticket> find(TicketNumber number) {
        return session.createSelectionQuery("from Ticket where number = :number", Ticket.class)
                .setParameter("number", number.digits())
                .uniqueResultOptional();
    }

    @Override
    public List<Ticket> claimAlertsDue(Instant now, int limit) {
        List<Long> ids = session.createNativeQuery(CLAIM_ALERTS, Long.class)
                .setParameter("now", now.atOffset(ZoneOffset.UTC))
                .setParameter("limit", limit)
                .getResultList();
        if (ids.isEmpty()) {
            return List.of();
        }
        // the clocks with their tickets: loaded one ticket at a time, a thousand due cost a thousand round trips
        return session.createSelectionQuery("from Ticket t join fetch t.supportKey left join fetch t.clocks where t.id in :ids"
                        + " order by t.id", Ticket.class)
                .setParameter("ids", ids)
                .getResultList();
    }

    @Override
    public Optional<Ticket> findByMessageIds(Collection<String> messageIds) {
        if (messageIds.isEmpty()) {
            return Optional.empty();
        }
        return session.createSelectionQuery(
                        "select m.ticket from Message m where m.messageId in :ids and m.ticket is not null order by m.createdAt desc",
                        Ticket.class)
                .setParameter("ids", messageIds)
                .setMaxResults(1)
                .uniqueResultOptional();
    }

    /**
     * The escalated tickets first, then the others, each part in the list's order. Two queries
     * where one sorted by "escalated or not" first: no index has that order, so PostgreSQL sorted
     * every open ticket matching the filters for each page. The escalated are few; the others are
     * read in the order of ticket_by_due_then_newest (or ticket_by_severity_then_due), and the scan
     * stops after the page.
     */
    @Override
    public List<Ticket> list(TicketQuery query, Instant now) {
        List<Ticket> tickets = new ArrayList<>(page(query, now, true, query.offset(), query.limit()));
        if (tickets.size() < query.limit() && !query.escalated()) {
            // a page that began among the escalated goes on with the first of the others
            int offset = tickets.isEmpty() && query.offset() > 0 ? query.offset() - countEscalated(query, now) : 0;
            tickets.addAll(page(query, now, false, Math.max(0, offset), query.limit() - tickets.size()));
        }
        if (!tickets.isEmpty()) {   // every listed ticket's clocks in one more query, not one query per ticket
            session.createSelectionQuery("from Ticket t left join fetch t.clocks where t in :tickets", Ticket.class)
                    .setParameter("tickets", tickets)
                    .getResultList();
        }
        return tickets;
    }

    private List<Ticket> page(TicketQuery query, Instant now, boolean escalated, int offset, int limit) {
        String where = where(query) + (escalated ? " and t.escalatedAt is not null" : " and t.escalatedAt is null");
        var select = session.createSelectionQuery("from Ticket t left join fetch t.assignee assignee where " + where
                        + " order by t.nextDueAt asc nulls last, t.createdAt desc, t.id desc", Ticket.class)
                .setFirstResult(offset)
                .setMaxResults(limit);
        bind(query, now, select);
        return select.getResultList();
    }

    private int countEscalated(TicketQuery query, Instant now) {
        var count = session.createSelectionQuery("select count(t) from Ticket t left join t.assignee assignee where " + where(query)
                + " and t.escalatedAt is not null", Long.class);
        bind(query, now, count);
        return Math.toIntExact(count.getSingleResult());
    }

    private static String where(TicketQuery query) {
        StringBuilder where = new StringBuilder("t.status in :statuses");
        if (query.breached()) {
            where.append(" and exists (select 1 from Ticket late join late.clocks clock where late = t and"
                    + " ((clock.state = :running and clock.dueAt < :now) or (clock.state <> :running and clock.leftSeconds < 0)))");
        }
        query.dueWithin().ifPresent(within -> where.append(" and t.nextDueAt <= :dueBy"));
        query.severity().ifPresent(severity -> where.append(" and t.severity = :severity"));
        query.product().ifPresent(product -> where.append(" and lower(t.product) = :product"));
        query.component().ifPresent(component -> where.append(" and lower(t.component) = :component"));
        query.customer().ifPresent(customer -> where.append(" and lower(t.customer) like :customer escape '!'"));
        query.assignee().ifPresent(assignee -> where.append(" and assignee.name = :assignee"));
        return where.toString();
    }

    private static void bind(TicketQuery query, Instant now, SelectionQuery<?> select) {
        select.setParameter("statuses", query.statuses());
        query.severity().ifPresent(severity -> select.setParameter("severity", severity));
        query.product().ifPresent(product -> select.setParameter("product", product.toLowerCase(Locale.ROOT)));
        query.component().ifPresent(component -> select.setParameter("component", component.toLowerCase(Locale.ROOT)));
        query.customer().ifPresent(customer -> select.setParameter("customer", "%" + likeLiteral(customer) + "%"));
        query.assignee().ifPresent(assignee -> select.setParameter("assignee", assignee));
        if (query.breached()) {
            select.setParameter("now", now).setParameter("running", ClockState.RUNNING);
        }
        query.dueWithin().ifPresent(within -> select.setParameter("dueBy", now.plus(within)));
    }

    /** The text matched as it is, its % and _ included. */
    private static String likeLiteral(String text) {
        return text.toLowerCase(Locale.ROOT).replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }

    @Override
    public List<Ticket> openOf(String reporter, Collection<SupportKey> keys, int limit) {
        String byKey = keys.isEmpty() ? "" : " or supportKey in :keys";
        var query = session.createSelectionQuery("from Ticket where status in :open and (lower(reporter) = :reporter" + byKey
                        + ") order by createdAt desc, id desc", Ticket.class)
                .setParameter("open", OPEN)
                .setParameter("reporter", reporter.toLowerCase(Locale.ROOT))
                .setMaxResults(limit);
        if (!keys.isEmpty()) {
            query.setParameter("keys", keys);
        }
        return query.getResultList();
    }
}
