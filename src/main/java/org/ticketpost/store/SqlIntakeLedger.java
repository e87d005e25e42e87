package org.ticketpost.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.hibernate.Session;
import org.ticketpost.ticket.IntakeLedger;
import org.ticketpost.ticket.LedgerEntry;

/**
 * The intake ledger in plain SQL on the session's connection: a few statements per mail, each on
 * the primary key or the unfinished-mail index, so that a mailbox of any size costs the same.
 */
final class SqlIntakeLedger implements IntakeLedger {

    /** UIDs looked up in one statement: a POP3 maildrop lists all of its mails every round. */
    private static final int LOOKUP_BATCH = 500;

    private static final String COLUMNS = "uid, state, attempts, outcome, ticket, backlog, reason, next_attempt_at, updated_at";

    private final Session session;

    SqlIntakeLedger(Session session) {
        this.session = session;
    }

    @Override
    public Folder open(String mailbox, long uidValidity, Instant now) {
        return work(connection -> {
            Optional<Long> highest = Optional.empty();
            try (PreparedStatement select = connection.prepareStatement(
                    "select highest_uid from intake_mailbox where mailbox = ? and uid_validity = ?")) {
                select.setString(1, mailbox);
                select.setLong(2, uidValidity);
                try (ResultSet row = select.executeQuery()) {
                    if (row.next()) {
                        highest = Optional.of(row.getLong(1));
                    }
                }
            }
            Instant first = firstConnectedAt(connection, mailbox).orElse(null);
            if (highest.isEmpty()) {
                // a second serve may open the folder at this moment: one row wins, and its time is the first
                try (PreparedStatement insert = connection.prepareStatement("insert into intake_mailbox "
                        + "(mailbox, uid_validity, highest_uid, first_connected_at) values (?, ?, 0, ?) on conflict do nothing")) {
                    insert.setString(1, mailbox);
                    insert.setLong(2, uidValidity);
                    insert.setObject(3, now.atOffset(ZoneOffset.UTC));
                    if (insert.executeUpdate() == 0 && first == null) {
                        first = firstConnectedAt(connection, mailbox).orElse(now);
                        return new Folder(0L, first, false);
                    }
                }
            }
            return new Folder(highest.orElse(0L), first == null ? now : first, first == null);
        });
    }

    private static Optional<Instant> firstConnectedAt(Connection connection, String mailbox) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "select min(first_connected_at) from intake_mailbox where mailbox = ?")) {
            select.setString(1, mailbox);
            try (ResultSet row = select.executeQuery()) {
                OffsetDateTime at = row.next() ? row.getObject(1, OffsetDateTime.class) : null;
                return Optional.ofNullable(at).map(OffsetDateTime::toInstant);
            }
        }
    }

    @Override
    public List<LedgerEntry> unfinished(String mailbox, long uidValidity) {
        return work(connection -> {
            try (PreparedStatement select = connection.prepareStatement("select " + COLUMNS
                    + " from intake_ledger where mailbox = ? and uid_validity = ? and state in ('retrying', 'taken_in')")) {
                select.setString(1, mailbox);
                select.setLong(2, uidValidity);
                return entries(select, mailbox, uidValidity);
            }
        });
    }

    @Override
    public Map<String, LedgerEntry> find(String mailbox, long uidValidity, Collection<String> uids) {
        List<String> all = new ArrayList<>(uids);
        Map<String, LedgerEntry> found = new HashMap<>();
        for (int start = 0; start < all.size(); start += LOOKUP_BATCH) {
            List<String> batch = all.subList(start, Math.min(all.size(), start + LOOKUP_BATCH));
            String marks = String.join(", ", Collections.nCopies(batch.size(), "?"));
            work(connection -> {
                try (PreparedStatement select = connection.prepareStatement("select " + COLUMNS
                        + " from intake_ledger where mailbox = ? and uid_validity = ? and uid in (" + marks + ")")) {
                    select.setString(1, mailbox);
                    select.setLong(2, uidValidity);
                    for (int i = 0; i < batch.size(); i++) {
                        select.setString(3 + i, batch.get(i));
                    }
                    entries(select, mailbox, uidValidity).forEach(entry -> found.put(entry.uid(), entry));
                    return null;
                }
            });
        }
        return found;
    }

    /**
     * Compare and set, with no lock held: a mail not seen before is claimed by the one insert that
     * succeeds, a mail due again by the one update that still finds it due, so two readers asking at
     * once never both win.
     */
    @Override
    public Optional<LedgerEntry> claim(LedgerEntry entry, long uidNumber, Instant now, Instant until, Optional<Instant> heldUntil) {
        return work(connection -> {
            List<LedgerEntry> found;
            try (PreparedStatement select = connection.prepareStatement("select " + COLUMNS
                    + " from intake_ledger where mailbox = ? and uid_validity = ? and uid = ?")) {
                select.setString(1, entry.mailbox());
                select.setLong(2, entry.uidValidity());
                select.setString(3, entry.uid());
                found = entries(select, entry.mailbox(), entry.uidValidity());
            }
            LedgerEntry current = found.isEmpty() ? entry : found.get(0);
            boolean ours = heldUntil.isPresent() && current.state() == LedgerEntry.State.RETRYING
                    && current.nextAttemptAt().equals(heldUntil);
            if (!current.isDue(now) && !ours) {
                return Optional.<LedgerEntry>empty();
            }
            LedgerEntry held = current.heldUntil(until, now);
            int claimed;
            if (found.isEmpty()) {
                try (PreparedStatement insert = connection.prepareStatement("insert into intake_ledger (mailbox, uid_validity, "
                        + "uid, state, attempts, outcome, ticket, backlog, reason, next_attempt_at, updated_at) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing")) {
                    insert.setString(1, held.mailbox());
                    insert.setLong(2, held.uidValidity());
                    insert.setString(3, held.uid());
                    values(insert, held, 4);
                    claimed = insert.executeUpdate();
                }
            } else {
                try (PreparedStatement update = connection.prepareStatement("update intake_ledger set next_attempt_at = ?, "
                        + "updated_at = ? where mailbox = ? and uid_validity = ? and uid = ? and state = 'retrying' "
                        + "and attempts = ? and (next_attempt_at is null or next_attempt_at <= ? or next_attempt_at = ?)")) {
                    update.setObject(1, until.atOffset(ZoneOffset.UTC));
                    update.setObject(2, now.atOffset(ZoneOffset.UTC));
                    update.setString(3, held.mailbox());
                    update.setLong(4, held.uidValidity());
                    update.setString(5, held.uid());
                    update.setInt(6, current.attempts());
                    update.setObject(7, now.atOffset(ZoneOffset.UTC));
                    update.setObject(8, heldUntil.orElse(now).atOffset(ZoneOffset.UTC));
                    claimed = update.executeUpdate();
                }
            }
            if (claimed == 0) {
                return Optional.<LedgerEntry>empty();
            }
            raiseHighestUid(connection, held, uidNumber);
            return Optional.of(current);
        });
    }

    @Override
    public boolean extendHold(String mailbox, long uidValidity, String uid, Instant heldUntil, Instant until, Instant now) {
        return work(connection -> {
            try (PreparedStatement update = connection.prepareStatement("update intake_ledger set next_attempt_at = ?, "
                    + "updated_at = ? where mailbox = ? and uid_validity = ? and uid = ? and state = 'retrying' "
                    + "and next_attempt_at = ?")) {
                update.setObject(1, until.atOffset(ZoneOffset.UTC));
                update.setObject(2, now.atOffset(ZoneOffset.UTC));
                update.setString(3, mailbox);
                update.setLong(4, uidValidity);
                update.setString(5, uid);
                update.setObject(6, heldUntil.atOffset(ZoneOffset.UTC));
                return update.executeUpdate() == 1;
            }
        });
    }

    @Override
    public void record(LedgerEntry entry, long uidNumber) {
        work(connection -> {
            write(connection, entry, uidNumber);
            return null;
        });
    }

    private static void write(Connection connection, LedgerEntry entry, long uidNumber) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("update intake_ledger set state = ?, attempts = ?, "
                + "outcome = ?, ticket = ?, backlog = ?, reason = ?, next_attempt_at = ?, updated_at = ? "
                + "where mailbox = ? and uid_validity = ? and uid = ?")) {
            int next = values(update, entry, 1);
            update.setString(next, entry.mailbox());
            update.setLong(next + 1, entry.uidValidity());
            update.setString(next + 2, entry.uid());
            if (update.executeUpdate() == 0) {
                try (PreparedStatement insert = connection.prepareStatement("insert into intake_ledger (mailbox, uid_validity, "
                        + "uid, state, attempts, outcome, ticket, backlog, reason, next_attempt_at, updated_at) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                    insert.setString(1, entry.mailbox());
                    insert.setLong(2, entry.uidValidity());
                    insert.setString(3, entry.uid());
                    values(insert, entry, 4);
                    insert.executeUpdate();
                }
            }
        }
        raiseHighestUid(connection, entry, uidNumber);
    }

    private static void raiseHighestUid(Connection connection, LedgerEntry entry, long uidNumber) throws SQLException {
        if (uidNumber > 0) {
            try (PreparedStatement raise = connection.prepareStatement("update intake_mailbox set highest_uid = ? "
                    + "where mailbox = ? and uid_validity = ? and highest_uid < ?")) {
                raise.setLong(1, uidNumber);
                raise.setString(2, entry.mailbox());
                raise.setLong(3, entry.uidValidity());
                raise.setLong(4, uidNumber);
                raise.executeUpdate();
            }
        }
    }

    /** Sets state to updated_at from the parameter at {@code first} on; returns the next parameter's index. */
    private static int values(PreparedStatement statement, LedgerEntry entry, int first) throws SQLException {
        statement.setString(first, entry.state().name().toLowerCase(Locale.ROOT));
        statement.setInt(first + 1, entry.attempts());
        statement.setString(first + 2, entry.outcome().orElse(null));
        statement.setString(first + 3, entry.ticket().orElse(null));
        statement.setBoolean(first + 4, entry.backlog());
        statement.setString(first + 5, entry.reason().orElse(null));
        if (entry.nextAttemptAt().isPresent()) {
            statement.setObject(first + 6, entry.nextAttemptAt().get().atOffset(ZoneOffset.UTC));
        } else {
            statement.setNull(first + 6, Types.TIMESTAMP_WITH_TIMEZONE);
        }
        statement.setObject(first + 7, entry.updatedAt().atOffset(ZoneOffset.UTC));
        return first + 8;
    }

    private static List<LedgerEntry> entries(PreparedStatement select, String mailbox, long uidValidity) throws SQLException {
        List<LedgerEntry> entries = new ArrayList<>();
        try (ResultSet row = select.executeQuery()) {
            while (row.next()) {
                OffsetDateTime due = row.getObject("next_attempt_at", OffsetDateTime.class);
                entries.add(new LedgerEntry(mailbox, uidValidity, row.getString("uid"),
                        LedgerEntry.State.valueOf(row.getString("state").toUpperCase(Locale.ROOT)), row.getInt("attempts"),
                        Optional.ofNullable(row.getString("outcome")), Optional.ofNullable(row.getString("ticket")),
                        row.getBoolean("backlog"), Optional.ofNullable(row.getString("reason")),
                        Optional.ofNullable(due).map(OffsetDateTime::toInstant),
                        row.getObject("updated_at", OffsetDateTime.class).toInstant()));
            }
        }
        return entries;
    }

    private interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private <T> T work(Work<T> work) {
        session.flush();
        return session.doReturningWork(work::run);
    }
}
