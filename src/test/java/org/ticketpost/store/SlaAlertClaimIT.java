package org.ticketpost.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ticketpost.alert.SlaAlerts;
import org.ticketpost.testing.Mails;
import org.ticketpost.testing.TestApp;
import org.ticketpost.testing.TestClock;
import org.ticketpost.testing.TestDatabase;
import org.ticketpost.ticket.TicketNumber;

/**
 * The SLA scheduler's claim reads the clocks that are due from their index: with a hundred
 * thousand open tickets' clocks, of which a hundred are due, a pass reads those hundred.
 */
class SlaAlertClaimIT {

    private static final Instant NOW = Instant.parse("2026-11-16T08:00:00Z");
    private static final int OPEN = 100_000;
    private static final int DUE = 100;

    @TempDir
    Path folder;

    @Test
    void aPassReadsOnlyTheDueClocksOfAHundredThousandFromTheirIndexOnPostgresql() throws Exception {
        TestClock clock = new TestClock(NOW);
        try (TestDatabase database = TestDatabase.create(TestDatabase.Kind.POSTGRESQL, folder);
                TestApp app = TestApp.start(database, folder, clock, Map.of("TICKETPOST_SLA_NOTIFY", "oncall@ops.example"))) {
            app.addKey();
            TicketNumber model = app.receive(Mails.load("intake/request.eml", Map.of("from", "jane@example.com", "fromName", "Jane",
                    "subject", "Calendar", "messageId", UUID.randomUUID() + "@mail.example.com", "key", TestApp.KEY,
                    "severity", "3"))).ticket().orElseThrow();
            copyTickets(database, model);
            database.sql("ANALYZE ticket");
            database.sql("ANALYZE ticket_clock");

            String claim = HibernateTicketRepository.CLAIM_ALERTS.replace(":now", "TIMESTAMP WITH TIME ZONE '2026-11-16 08:00:00+00'")
                    .replace(":limit", Integer.toString(SlaAlerts.DEFAULT_BATCH));
            List<String> plan = database.rows("EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF) " + claim).stream()
                    .map(row -> row.get(0)).toList();
            long started = System.nanoTime();
            SlaAlerts.Pass pass = app.application().slaAlerts().recordDue();
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            System.out.printf("SLA pass over %d clocks, %d due: %s%n%s%n", OPEN + 1, DUE, took, String.join("\n", plan));

            assertThat(plan).as(String.join("\n", plan))
                    .anyMatch(line -> line.contains("Index Scan using ticket_clock_by_next_alert") && line.contains("rows=" + DUE + " "))
                    .noneMatch(line -> line.contains("Seq Scan on ticket_clock"));
            assertThat(pass).isEqualTo(new SlaAlerts.Pass(DUE, DUE));
            assertThat(database.count("SELECT COUNT(*) FROM ticket_clock WHERE next_alert_at <= TIMESTAMP WITH TIME ZONE"
                    + " '2026-11-16 08:00:00+00'")).isZero();
        }
    }

    /**
     * Open Severity 3 tickets like the model, by plain SQL for speed: their resolution clocks alert
     * from tomorrow on, but those of the first hundred, which have valid numbers, ran out an hour ago.
     */
    private static void copyTickets(TestDatabase database, TicketNumber model) {
        String columns = "status, severity, subject, customer, reporter, support_key_id, language, created_at, updated_at, version";
        String copied = "SELECT %s, " + columns + " FROM ticket WHERE number = '" + model.digits() + "'";
        String numbers = IntStream.rangeClosed(1, DUE)
                .mapToObj(i -> "(" + (10_000_000 + i) + ", '" + new TicketNumber(900_000 + i).digits() + "')")
                .collect(Collectors.joining(", "));
        database.sql("INSERT INTO ticket (id, number, " + columns + ") SELECT n.id, n.number, " + columns.replace("status", "t.status")
                + " FROM ticket t, (VALUES " + numbers + ") AS n (id, number) WHERE t.number = '" + model.digits() + "'");
        database.sql("INSERT INTO ticket (id, number, " + columns + ") " + String.format(copied, "20000000 + g, 'x' || g")
                .replace("FROM ticket WHERE", "FROM ticket, generate_series(1, " + (OPEN - DUE) + ") g WHERE"));
        String clock = "INSERT INTO ticket_clock (ticket_id, name, state, allowed_seconds, due_at, warn_at, warned_at, next_alert_at) ";
        database.sql(clock + "SELECT id, 'RESOLUTION', 'RUNNING', 720000, TIMESTAMP WITH TIME ZONE '2026-11-16 07:00:00+00', "
                + "TIMESTAMP WITH TIME ZONE '2026-11-13 07:00:00+00', TIMESTAMP WITH TIME ZONE '2026-11-13 07:00:00+00', "
                + "TIMESTAMP WITH TIME ZONE '2026-11-16 07:00:00+00' FROM ticket WHERE id BETWEEN 10000001 AND 10000100");
        database.sql(clock + "SELECT id, 'RESOLUTION', 'RUNNING', 720000, TIMESTAMP WITH TIME ZONE '2026-11-20 08:00:00+00' "
                + "+ (id - 20000000) * INTERVAL '1 minute', NULL, NULL, TIMESTAMP WITH TIME ZONE '2026-11-17 08:00:00+00' "
                + "+ (id - 20000000) * INTERVAL '1 minute' FROM ticket WHERE id > 20000000");
    }
}
