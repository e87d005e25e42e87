package org.ticketpost.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.h2.api.Trigger;

/**
 * Holds every insert into the message table inside the database until a number of transactions
 * have come to it, then lets them all go on: two deliveries of one mail have then both looked for
 * an earlier copy, found none, and race to store theirs, as they would if they came in at the
 * same moment. A trigger does the holding, so the application runs as it is, on a real database:
 * on H2 a Java trigger waiting on a latch, on PostgreSQL a trigger waiting for an advisory lock
 * that this gate holds until the transactions wait for it.
 */
public final class InsertGate implements AutoCloseable {

    private static final long WAIT_SECONDS = 30;
    private static volatile CountDownLatch h2Latch;

    private final Connection holder;
    private final Thread opener;
    private volatile boolean opened;

    /** The H2 gate, which opens by itself. */
    private InsertGate() {
        this.holder = null;
        this.opener = null;
    }

    /** The PostgreSQL gate: the holder's lock is let go once the transactions wait for it. */
    private InsertGate(Connection holder, long lock, int transactions) {
        this.holder = holder;
        this.opener = new Thread(() -> openWhenWaiting(lock, transactions), "insert-gate");
        opener.setDaemon(true);
        opener.start();
    }

    /** Closes the gate on the message table until this many transactions wait at it. */
    public static InsertGate onMessages(TestDatabase database, int transactions) throws SQLException {
        if (database.kind() == TestDatabase.Kind.H2) {
            h2Latch = new CountDownLatch(transactions);
            database.sql("CREATE TRIGGER insert_gate BEFORE INSERT ON message FOR EACH ROW CALL '"
                    + H2Gate.class.getName() + "'");
            return new InsertGate();
        }
        long lock = ThreadLocalRandom.current().nextInt(1, Integer.MAX_VALUE);   // advisory locks are server-wide
        database.sql("CREATE FUNCTION insert_gate() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                + "PERFORM pg_advisory_xact_lock_shared(" + lock + "); RETURN NEW; END $$");
        database.sql("CREATE TRIGGER insert_gate BEFORE INSERT ON message FOR EACH ROW EXECUTE FUNCTION insert_gate()");
        Connection holder = DriverManager.getConnection(database.url(), database.user(), "");
        try (Statement statement = holder.createStatement()) {
            statement.execute("SELECT pg_advisory_lock(" + lock + ")");
        }
        return new InsertGate(holder, lock, transactions);
    }

    private void openWhenWaiting(long lock, int transactions) {
        try (PreparedStatement waiting = holder.prepareStatement(
                "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted AND classid = 0 AND objid = ?")) {
            waiting.setLong(1, lock);
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
            while (System.nanoTime() < end) {
                try (ResultSet count = waiting.executeQuery()) {
                    count.next();
                    if (count.getLong(1) >= transactions) {
                        opened = true;
                        break;
                    }
                }
                Thread.sleep(5);
            }
            try (Statement unlock = holder.createStatement()) {
                unlock.execute("SELECT pg_advisory_unlock(" + lock + ")");   // in time or not: never hold the others for ever
            }
        } catch (SQLException | InterruptedException e) {
            throw new IllegalStateException("the insert gate failed", e);
        }
    }

    /** Whether the transactions all came to the gate, rather than one of them passing it alone when the time ran out. */
    public boolean wasReachedByAll() throws InterruptedException {
        if (opener == null) {
            return h2Latch.getCount() == 0;
        }
        opener.join(TimeUnit.SECONDS.toMillis(WAIT_SECONDS + 5));
        return opened;
    }

    @Override
    public void close() throws SQLException, InterruptedException {
        if (holder != null) {
            opener.join(TimeUnit.SECONDS.toMillis(WAIT_SECONDS + 5));
            holder.close();
        }
    }

    /** The H2 trigger: each insert counts itself in and waits for the others. */
    public static final class H2Gate implements Trigger {
        @Override
        public void fire(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
            CountDownLatch latch = h2Latch;
            latch.countDown();
            try {
                if (!latch.await(WAIT_SECONDS, TimeUnit.SECONDS)) {
                    throw new SQLException("insert gate: the other transactions did not come within " + WAIT_SECONDS + " s");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SQLException("insert gate interrupted", e);
            }
        }
    }
}
