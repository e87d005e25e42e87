package org.ticketpost.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.commons.io.file.PathUtils;
import org.ticketpost.alert.SlaAlerts;
import org.ticketpost.store.StoreAccess;
import org.ticketpost.testing.Mails;
import org.ticketpost.testing.TestApp;
import org.ticketpost.testing.TestClock;
import org.ticketpost.testing.TestDatabase;
import org.ticketpost.ticket.TicketNumber;

/**
 * One SLA scheduler tick over a million open tickets on PostgreSQL, of which a thousand fall due:
 * the claim query on its own (aim: under 50 ms) and the whole pass of {@link SlaAlerts}, which
 * claims, records the thousand breaches on their tickets and queues a mail for each to one
 * sla.notify address (aim: under 1 s). Not a test: run it by hand, on a schema of its own in the
 * PostgreSQL database test at 127.0.0.1:5432, dropped at the end.
 *
 * <pre>
 * mvn -o -q test-compile dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt
 * java -cp target/classes:target/test-classes:$(cat /tmp/cp.txt) org.ticketpost.bench.SlaTickBenchmark [open] [due] [repetitions]
 * </pre>
 *
 * Each ticket has a first-response and a resolution clock, both running and due days ahead; for
 * each repetition (and one warm-up before them) a thousand others are met on first response and
 * have their resolution run out half an hour before that repetition's tick, so every tick finds
 * exactly its thousand due, as a scheduler would after a thousand targets ran out together.
 */
public final class SlaTickBenchmark {

    private static final Instant START = Instant.parse("2026-11-16T08:00:00Z");
    private static final Duration TICK_EVERY = Duration.ofHours(1);
    private static final int CLAIMS_PER_TICK = 5;
    private static final long DUE_IDS = 10_000_000;
    private static final long OTHER_IDS = 20_000_000;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private SlaTickBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int open = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int due = args.length > 1 ? Integer.parseInt(args[1]) : 1_000;
        int repetitions = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        Path folder = Files.createTempDirectory("sla-tick-bench");
        TestClock clock = new TestClock(START);
        System.out.printf("SLA tick: %,d open tickets, %,d due per tick, %d repetitions after a warm-up; load average %s%n",
                open, due, repetitions, loadAverage());
        try (TestDatabase database = TestDatabase.create(TestDatabase.Kind.POSTGRESQL, folder);
                TestApp app = TestApp.start(database, folder, clock, Map.of("TICKETPOST_SLA_NOTIFY", "oncall@ops.example"))) {
            app.addKey();
            TicketNumber model = app.receive(Mails.load("intake/request.eml", Map.of("from", "jane@example.com", "fromName", "Jane",
                    "subject", "Calendar", "messageId", UUID.randomUUID() + "@mail.example.com", "key", TestApp.KEY,
                    "severity", "3"))).ticket().orElseThrow();
            long started = System.nanoTime();
            generate(database, model, open, due, repetitions + 1);
            System.out.printf("generated in %.1f s: %,d tickets, %,d clocks%n", seconds(started),
                    database.count("SELECT COUNT(*) FROM ticket"), database.count("SELECT COUNT(*) FROM ticket_clock"));

            List<Double> claims100 = new ArrayList<>();
            List<Double> claimsAll = new ArrayList<>();
            List<Double> passes = new ArrayList<>();
            List<Double> passCpu = new ArrayList<>();
            try (Connection connection = DriverManager.getConnection(database.url(), database.user(), "")) {
                for (int tick = 0; tick <= repetitions; tick++) {
                    clock.advance(TICK_EVERY);
                    Instant now = clock.instant();
                    List<Double> batch = claimTimes(connection, now, SlaAlerts.DEFAULT_BATCH);
                    List<Double> all = claimTimes(connection, now, due);
                    if (tick == repetitions) {
                        System.out.println("EXPLAIN ANALYZE of the claim of a batch (" + SlaAlerts.DEFAULT_BATCH + "), last tick:");
                        explain(connection, now, SlaAlerts.DEFAULT_BATCH).forEach(line -> System.out.println("  " + line));
                    }
                    long passStarted = System.nanoTime();
                    long cpuStarted = THREADS.getCurrentThreadCpuTime();
                    SlaAlerts.Pass pass = app.application().slaAlerts().recordDue();
                    double passMillis = millis(passStarted);
                    double cpuMillis = (THREADS.getCurrentThreadCpuTime() - cpuStarted) / 1e6;
                    if (pass.alerts() != due || pass.mails() != due) {
                        throw new IllegalStateException("tick " + tick + " recorded " + pass + ", expected " + due + " alerts and mails");
                    }
                    System.out.printf("%s: claim of %d %s ms, of %d %s ms; pass %.0f ms, %.0f ms of it on the CPU in this"
                                    + " process (%d alerts, %d mails queued); load %s%n",
                            tick == 0 ? "warm-up" : "tick " + tick, SlaAlerts.DEFAULT_BATCH, shown(batch), due, shown(all),
                            passMillis, cpuMillis, pass.alerts(), pass.mails(), loadAverage());
                    if (tick > 0) {
                        claims100.addAll(batch);
                        claimsAll.addAll(all);
                        passes.add(passMillis);
                        passCpu.add(cpuMillis);
                    }
                }
            }
            System.out.printf("claim of %d (as each batch of a pass): median %.1f ms, max %.1f ms (%d runs; aim < 50 ms)%n",
                    SlaAlerts.DEFAULT_BATCH, median(claims100), Collections.max(claims100), claims100.size());
            System.out.printf("claim of all %d at once: median %.1f ms, max %.1f ms (%d runs)%n", due, median(claimsAll),
                    Collections.max(claimsAll), claimsAll.size());
            System.out.printf("pass recording and queuing %d: median %.0f ms, max %.0f ms (%d ticks; aim < 1000 ms); load average %s%n",
                    due, median(passes), Collections.max(passes), passes.size(), loadAverage());
            System.out.printf("of which on the CPU in this process (Hibernate, templates; the database's work not counted):"
                    + " median %.0f ms, max %.0f ms%n", median(passCpu), Collections.max(passCpu));
            System.out.printf("outbox: %,d waiting%n", database.count("SELECT COUNT(*) FROM outbox WHERE sent_at IS NULL"));
        } finally {
            PathUtils.deleteDirectory(folder);
        }
    }

    /**
     * Open Severity 3 tickets like the model, by plain SQL: each with a first-response and a
     * resolution clock running and due days ahead, and for each tick {@code due} more whose
     * resolution ran out half an hour before it (their first response met).
     */
    private static void generate(TestDatabase database, TicketNumber model, int open, int due, int ticks) {
        String columns = "status, severity, subject, customer, reporter, support_key_id, language, created_at, updated_at, version";
        String copy = " FROM ticket t, %s WHERE t.number = '" + model.digits() + "'";
        int dueTickets = due * ticks;
        // the due tickets are loaded by Ticketpost, so their numbers must be valid ones
        String numbers = IntStream.rangeClosed(1, dueTickets)
                .mapToObj(i -> "(" + (DUE_IDS + i) + ", '" + new TicketNumber(900_000 + i).digits() + "')")
                .collect(Collectors.joining(", "));
        database.sql("INSERT INTO ticket (id, number, " + columns + ") SELECT n.id, n.number, " + prefixed(columns)
                + String.format(copy, "(VALUES " + numbers + ") AS n (id, number)"));
        database.sql("INSERT INTO ticket (id, number, " + columns + ") SELECT " + OTHER_IDS + " + g, 'x' || g, " + prefixed(columns)
                + String.format(copy, "generate_series(1, " + (open - dueTickets) + ") g"));
        String clock = "INSERT INTO ticket_clock (ticket_id, name, state, allowed_seconds, due_at, left_seconds, stopped_at, warn_at,"
                + " warned_at, next_alert_at) ";
        String start = timestamp(START);
        database.sql(clock + "SELECT id, 'FIRST_RESPONSE', 'RUNNING', 36000, " + start + " + INTERVAL '3 days' + (id % 100000)"
                + " * INTERVAL '1 second', NULL, NULL, " + start + " + INTERVAL '2 days' + (id % 100000) * INTERVAL '1 second', NULL, "
                + start + " + INTERVAL '2 days' + (id % 100000) * INTERVAL '1 second' FROM ticket WHERE id > " + OTHER_IDS);
        database.sql(clock + "SELECT id, 'RESOLUTION', 'RUNNING', 720000, " + start + " + INTERVAL '20 days' + (id % 100000)"
                + " * INTERVAL '1 second', NULL, NULL, " + start + " + INTERVAL '15 days' + (id % 100000) * INTERVAL '1 second', NULL, "
                + start + " + INTERVAL '15 days' + (id % 100000) * INTERVAL '1 second' FROM ticket WHERE id > " + OTHER_IDS);
        database.sql(clock + "SELECT id, 'FIRST_RESPONSE', 'MET', 36000, " + start + ", 3600, " + start + " - INTERVAL '1 hour', "
                + start + " - INTERVAL '3 hours', NULL, NULL FROM ticket WHERE id BETWEEN " + (DUE_IDS + 1) + " AND "
                + (DUE_IDS + dueTickets));
        // tick k (1 for the warm-up) comes at START + k hours: its thousand ran out half an hour before
        String ranOut = start + " + ((id - " + (DUE_IDS + 1) + ") / " + due + " + 1) * INTERVAL '1 hour' - INTERVAL '30 minutes'";
        database.sql(clock + "SELECT id, 'RESOLUTION', 'RUNNING', 720000, " + ranOut + ", NULL, NULL, " + ranOut
                + " - INTERVAL '50 hours', " + ranOut + " - INTERVAL '50 hours', " + ranOut + " FROM ticket WHERE id BETWEEN "
                + (DUE_IDS + 1) + " AND " + (DUE_IDS + dueTickets));
        database.sql("VACUUM ANALYZE ticket");
        database.sql("VACUUM ANALYZE ticket_clock");
    }

    private static String prefixed(String columns) {
        return List.of(columns.split(", ")).stream().map(column -> "t." + column).collect(Collectors.joining(", "));
    }

    /** The claim as a pass runs it, in a transaction rolled back so that the pass after it finds the same clocks. */
    private static List<Double> claimTimes(Connection connection, Instant now, int limit) throws SQLException {
        List<Double> times = new ArrayList<>();
        connection.setAutoCommit(false);
        try (PreparedStatement claim = connection.prepareStatement(claimSql())) {
            for (int run = 0; run < CLAIMS_PER_TICK; run++) {
                claim.setObject(1, now.atOffset(ZoneOffset.UTC));
                claim.setInt(2, limit);
                long started = System.nanoTime();
                int rows = 0;
                try (ResultSet result = claim.executeQuery()) {
                    while (result.next()) {
                        rows++;
                    }
                }
                times.add(millis(started));
                connection.rollback();
                if (rows != limit) {
                    throw new IllegalStateException("the claim found " + rows + " tickets, expected " + limit);
                }
            }
        } finally {
            connection.setAutoCommit(true);
        }
        return times;
    }

    private static List<String> explain(Connection connection, Instant now, int limit) throws SQLException {
        connection.setAutoCommit(false);
        List<String> plan = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("EXPLAIN (ANALYZE, BUFFERS) " + claimSql()
                        .replaceFirst("\\?", timestamp(now)).replaceFirst("\\?", Integer.toString(limit)))) {
            while (result.next()) {
                plan.add(result.getString(1));
            }
        } finally {
            connection.rollback();
            connection.setAutoCommit(true);
        }
        return plan;
    }

    private static String claimSql() {
        return StoreAccess.claimAlertsSql().replace(":now", "?").replace(":limit", "?");
    }

    private static String timestamp(Instant instant) {
        return "TIMESTAMP WITH TIME ZONE '" + instant.toString().replace("T", " ").replace("Z", "+00") + "'";
    }

    private static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (Exception e) {
            return "unknown";
        }
    }

    private static String shown(List<Double> times) {
        return times.stream().map(time -> String.format(Locale.ROOT, "%.1f", time)).collect(Collectors.joining(" "));
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }

    private static double millis(long started) {
        return (System.nanoTime() - started) / 1e6;
    }

    private static double seconds(long started) {
        return (System.nanoTime() - started) / 1e9;
    }
}
