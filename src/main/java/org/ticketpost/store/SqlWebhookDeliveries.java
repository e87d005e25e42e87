package org.ticketpost.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import org.hibernate.Session;
import org.ticketpost.ticket.WebhookDeliveries;
import org.ticketpost.ticket.WebhookDelivery;

/** The webhook queue in plain SQL on the session's connection, each statement on the primary key or the due index. */
final class SqlWebhookDeliveries implements WebhookDeliveries {

    private static final String EARLIEST_FIRST = " order by next_attempt_at, id";
    private static final String EARLIEST_DUE = "where next_attempt_at <= ?" + EARLIEST_FIRST + " limit ?";

    /**
     * PostgreSQL walks the index webhook_delivery_due, locks the due rows it returns and passes over
     * rows another transaction holds locked; a row claimed and committed meanwhile is due no more.
     */
    static final String CLAIM = "select id, event, payload, created_at, attempts from webhook_delivery "
            + EARLIEST_DUE + " for update skip locked";

    /**
     * H2 sorts every row that matches a query FOR UPDATE, whatever its indexes, so a claim grew with
     * the calls waiting while a receiver was away. This picks the earliest due calls without a lock,
     * in the index's order, then locks those of them no other transaction holds; {@link #claimDue}
     * reads them again once they are locked, as one claimed and committed meanwhile is locked too.
     */
    static final String CLAIM_H2 = "select id, event, payload, created_at, attempts from webhook_delivery "
            + "where id in (select id from webhook_delivery " + EARLIEST_DUE + ")" + EARLIEST_FIRST + " for update skip locked";

    private static final int LONGEST_ERROR = 2000;

    private final Session session;

    SqlWebhookDeliveries(Session session) {
        this.session = session;
    }

    @Override
    public void add(WebhookDelivery delivery) {
        update("insert into webhook_delivery (id, event, payload, created_at, next_attempt_at, attempts) values (?, ?, ?, ?, ?, ?)",
                statement -> {
                    statement.setString(1, delivery.id());
                    statement.setString(2, delivery.event());
                    statement.setString(3, delivery.payload());
                    statement.setObject(4, at(delivery.createdAt()));
                    statement.setObject(5, at(delivery.createdAt()));
                    statement.setInt(6, delivery.attempts());
                });
    }

    @Override
    public List<WebhookDelivery> claimDue(Instant now, int limit, Instant until) {
        List<WebhookDelivery> claimed = work(connection -> {
            List<WebhookDelivery> due = new ArrayList<>();
            boolean h2 = "H2".equals(connection.getMetaData().getDatabaseProductName());
            try (PreparedStatement select = connection.prepareStatement(h2 ? CLAIM_H2 : CLAIM)) {
                select.setObject(1, at(now));
                select.setInt(2, limit);
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        due.add(new WebhookDelivery(row.getString("id"), row.getString("event"), row.getString("payload"),
                                row.getObject("created_at", OffsetDateTime.class).toInstant(), row.getInt("attempts")));
                    }
                }
            }
            if (h2 && !due.isEmpty()) {
                List<String> locked = stillDue(connection, due.stream().map(WebhookDelivery::id).toList(), now);
                due.removeIf(call -> !locked.contains(call.id()));   // claimed by another meanwhile
            }
            return due;
        });
        release(claimed.stream().map(WebhookDelivery::id).toList(), until);
        return claimed;
    }

    @Override
    public void markSent(String id, Instant at) {
        update("update webhook_delivery set sent_at = ?, next_attempt_at = null where id = ?", statement -> {
            statement.setObject(1, at(at));
            statement.setString(2, id);
        });
    }

    @Override
    public void markRetry(String id, String error, Instant next) {
        update("update webhook_delivery set attempts = attempts + 1, last_error = ?, next_attempt_at = ? where id = ?",
                statement -> {
                    statement.setString(1, shortened(error));
                    statement.setObject(2, at(next));
                    statement.setString(3, id);
                });
    }

    @Override
    public void markFailed(String id, String error, Instant at) {
        update("update webhook_delivery set attempts = attempts + 1, last_error = ?, failed_at = ?, next_attempt_at = null "
                + "where id = ?", statement -> {
                    statement.setString(1, shortened(error));
                    statement.setObject(2, at(at));
                    statement.setString(3, id);
                });
    }

    /** Also what a claim holds its calls with: their next attempt is the end of the hold. */
    @Override
    public void release(Collection<String> ids, Instant now) {
        for (String id : ids) {
            update("update webhook_delivery set next_attempt_at = ? where id = ? and next_attempt_at is not null", statement -> {
                statement.setObject(1, at(now));
                statement.setString(2, id);
            });
        }
    }

    /** Of the calls this transaction has locked, those still due: read again, now that no other can change them. */
    private static List<String> stillDue(Connection connection, List<String> ids, Instant now) throws SQLException {
        String marks = String.join(", ", Collections.nCopies(ids.size(), "?"));
        try (PreparedStatement select = connection.prepareStatement(
                "select id from webhook_delivery where id in (" + marks + ") and next_attempt_at <= ?")) {
            for (int i = 0; i < ids.size(); i++) {
                select.setString(i + 1, ids.get(i));
            }
            select.setObject(ids.size() + 1, at(now));
            List<String> due = new ArrayList<>();
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    due.add(row.getString(1));
                }
            }
            return due;
        }
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static String shortened(String error) {
        return error.length() <= LONGEST_ERROR ? error : error.substring(0, LONGEST_ERROR - 1) + "…";
    }

    private interface Parameters {
        void set(PreparedStatement statement) throws SQLException;
    }

    private interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private void update(String sql, Parameters parameters) {
        work(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                parameters.set(statement);
                return statement.executeUpdate();
            }
        });
    }

    private <T> T work(Work<T> work) {
        session.flush();
        return session.doReturningWork(work::run);
    }
}
