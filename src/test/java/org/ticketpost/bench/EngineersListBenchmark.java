package org.ticketpost.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.commons.io.file.PathUtils;
import org.postgresql.PGConnection;
import org.ticketpost.desk.Engineers;
import org.ticketpost.testing.Mails;
import org.ticketpost.testing.Ports;
import org.ticketpost.testing.TestApp;
import org.ticketpost.testing.TestClock;
import org.ticketpost.testing.TestDatabase;
import org.ticketpost.ticket.TicketNumber;

/**
 * The engineers' list and ticket view through the JSON API over HTTP, with a million tickets on
 * PostgreSQL: the first page of 50 open tickets (escalated first, then the nearest due time) for
 * several filters (aim: p99 under 50 ms), and the view of one ticket with 200 mails. Not a test:
 * run it by hand, on a schema of its own in the PostgreSQL database test at 127.0.0.1:5432,
 * dropped at the end.
 *
 * <pre>
 * mvn -o -q test-compile dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt
 * java -cp target/classes:target/test-classes:$(cat /tmp/cp.txt) org.ticketpost.bench.EngineersListBenchmark [tickets] [requests] [mails]
 * </pre>
 *
 * The mix: 60% closed, 30% resolved (no running clock, so no due time), 6% open and 2% new
 * (due between two days ago and twelve days ahead), 2% waiting for the customer (clocks paused);
 * severity 1 for 5%, five products, 20 engineers with about 70% of the open tickets assigned, and
 * one open ticket in 331 escalated (about 300).
 */
public final class EngineersListBenchmark {

    private static final Instant START = Instant.parse("2026-11-16T08:00:00Z");
    private static final long FIRST_ID = 10_000_000;
    private static final long FIRST_NUMBER = 1_000_000;
    private static final int ENGINEERS = 20;
    private static final int WARM_UP = 100;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    /**
     * The list's queries as Hibernate writes them for a first page (from its SQL log): the
     * escalated tickets, then, while the page is not full, the others.
     */
    static final String LIST_SQL = "select t1_0.id, t1_0.number, t1_0.next_due_at from ticket t1_0"
            + " left join engineer a1_0 on a1_0.id = t1_0.assignee_id"
            + " where t1_0.status in ('NEW', 'OPEN', 'WAITING_FOR_CUSTOMER')%s and t1_0.escalated_at is %s"
            + " order by t1_0.next_due_at, t1_0.created_at desc, t1_0.id desc offset 0 rows fetch first 50 rows only";

    private EngineersListBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int tickets = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int requests = args.length > 1 ? Integer.parseInt(args[1]) : 500;
        int mails = args.length > 2 ? Integer.parseInt(args[2]) : 200;
        Path folder = Files.createTempDirectory("engineers-list-bench");
        int port = Ports.free();
        System.out.printf("engineers' list: %,d tickets, %d requests per filter after %d of warm-up; load average %s%n",
                tickets, requests, WARM_UP, loadAverage());
        try (TestDatabase database = TestDatabase.create(TestDatabase.Kind.POSTGRESQL, folder);
                TestApp app = TestApp.start(database, folder, new TestClock(START), Map.of("TICKETPOST_HTTP_PORT", Integer.toString(port)))) {
            app.addKey();
            Engineers engineers = app.application().engineers();
            for (int i = 1; i <= ENGINEERS; i++) {
                engineers.add(new Engineers.NewEngineer("engineer" + i, "engineer" + i + "@ticketpost.example", false));
            }
            String token = engineers.newToken("engineer1").token();
            TicketNumber model = app.receive(Mails.load("intake/request.eml", Map.of("from", "jane@example.com", "fromName", "Jane",
                    "subject", "Calendar invitations fail", "messageId", UUID.randomUUID() + "@mail.example.com", "key", TestApp.KEY,
                    "severity", "3"))).ticket().orElseThrow();
            long started = System.nanoTime();
            try (Connection connection = DriverManager.getConnection(database.url(), database.user(), "")) {
                generateTickets(connection, model, tickets);
                TicketNumber long200 = generateMails(connection, model, mails);
                System.out.printf("generated in %.1f s: %s%n", (System.nanoTime() - started) / 1e9, counts(connection));
                app.application().serve();
                Api api = new Api(port, token);
                for (String filter : List.of("", "&severity=1", "&product=Calendar", "&due-within=4h",
                        "&severity=1&product=Calendar&due-within=1d")) {
                    measure(api, "/api/tickets?limit=50" + filter, requests);
                }
                measure(api, "/api/tickets/" + long200.digits(), requests);
                int scans = scansOfMailTables(connection);
                api.get("/api/tickets/" + long200.digits());
                System.out.printf("one ticket view read the mail and attachment tables %d times (index and sequential scans)%n",
                        scansOfMailTables(connection) - scans);
                explain(connection, "", "not null");
                for (String filter : List.of("", " and t1_0.severity = 1", " and t1_0.severity = 1 and lower(t1_0.product) = 'calendar'"
                        + " and t1_0.next_due_at <= " + timestamp(START.plus(Duration.ofDays(1))))) {
                    explain(connection, filter, "null");
                }
                System.out.printf("load average at the end %s%n", loadAverage());
            }
        } finally {
            PathUtils.deleteDirectory(folder);
        }
    }

    /** The tickets, copied from the model with the mix the class describes; their numbers loaded by COPY, valid ones. */
    private static void generateTickets(Connection connection, TicketNumber model, int count) throws Exception {
        StringBuilder numbers = new StringBuilder();
        for (int g = 1; g <= count; g++) {
            numbers.append(g).append('\t').append(new TicketNumber(FIRST_NUMBER + g).digits()).append('\n');
        }
        try (Statement sql = connection.createStatement()) {
            sql.execute("CREATE TEMPORARY TABLE bench_number (g BIGINT PRIMARY KEY, number VARCHAR(16))");
            connection.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY bench_number FROM STDIN",
                    new StringReader(numbers.toString()));
            String status = "CASE WHEN g % 100 < 60 THEN 'CLOSED' WHEN g % 100 < 90 THEN 'RESOLVED' WHEN g % 100 < 96 THEN 'OPEN'"
                    + " WHEN g % 100 < 98 THEN 'NEW' ELSE 'WAITING_FOR_CUSTOMER' END";
            sql.execute("CREATE TEMPORARY TABLE bench_ticket AS SELECT g, " + status + " AS status FROM bench_number");
            String start = timestamp(START);
            String open = "b.status IN ('NEW', 'OPEN', 'WAITING_FOR_CUSTOMER')";
            sql.execute("INSERT INTO ticket (id, number, status, severity, subject, customer, reporter, support_key_id, language,"
                    + " product, component, next_due_at, assignee_id, escalated_at, created_at, updated_at, version)"
                    + " SELECT " + FIRST_ID + " + b.g, n.number, b.status,"
                    + " CASE WHEN b.g / 100 % 20 = 0 THEN 1 WHEN b.g / 100 % 20 < 5 THEN 2 WHEN b.g / 100 % 20 < 15 THEN 3 ELSE 4 END,"
                    + " 'Problem ' || b.g, 'Customer ' || (b.g % 2000), 'user' || (b.g % 5000) || '@customer.example', t.support_key_id,"
                    + " t.language, (ARRAY['Calendar', 'Mail', 'Contacts', 'Drive', 'Chat'])[(b.g / 100 + b.g) % 5 + 1],"
                    + " (ARRAY['Server', 'Web', 'Mobile', 'Sync'])[b.g / 7 % 4 + 1],"
                    + " CASE WHEN b.status IN ('NEW', 'OPEN') THEN " + start + " + ((b.g * 7907) % 1209600 - 172800) * INTERVAL '1 second' END,"
                    + " CASE WHEN NOT " + open + " OR (b.g * 17) % 10 < 7 THEN e.ids[b.g % " + ENGINEERS + " + 1] END,"
                    + " CASE WHEN " + open + " AND b.g % 331 = 0 THEN " + start + " - (b.g % 7200) * INTERVAL '1 second' END,"
                    + " " + start + " - (b.g % 31536000) * INTERVAL '1 second', " + start + ", 0"
                    + " FROM bench_ticket b JOIN bench_number n ON n.g = b.g, (SELECT array_agg(id ORDER BY id) AS ids FROM engineer) e,"
                    + " ticket t WHERE t.number = '" + model.digits() + "'");
            String clock = "INSERT INTO ticket_clock (ticket_id, name, state, allowed_seconds, due_at, left_seconds) SELECT id, ";
            sql.execute(clock + "'RESOLUTION', 'RUNNING', 720000, next_due_at, NULL FROM ticket WHERE status IN ('NEW', 'OPEN')"
                    + " AND id > " + FIRST_ID);
            sql.execute(clock + "'RESOLUTION', CASE WHEN status = 'WAITING_FOR_CUSTOMER' THEN 'PAUSED' ELSE 'STOPPED' END, 720000,"
                    + " NULL, 3600 FROM ticket WHERE status NOT IN ('NEW', 'OPEN') AND id > " + FIRST_ID);
            sql.execute("VACUUM ANALYZE ticket");
            sql.execute("VACUUM ANALYZE ticket_clock");
        }
    }

    /**
     * Mails on one open ticket, alternating in and out, of 300 bytes to 12 KB of text, every fourth
     * with an attachment; returns that ticket.
     */
    private static TicketNumber generateMails(Connection connection, TicketNumber model, int count) throws Exception {
        long ticketId = FIRST_ID + 97;  // new, as g % 100 = 97 makes it
        TicketNumber number = new TicketNumber(FIRST_NUMBER + 97);
        try (Statement sql = connection.createStatement()) {
            sql.execute("INSERT INTO message (id, ticket_id, direction, outcome, message_key, message_id, from_address, from_name,"
                    + " to_addresses, subject, body, language, raw_size, created_at, internal)"
                    + " SELECT 50000000 + g, " + ticketId + ", CASE WHEN g % 2 = 1 THEN 'IN' ELSE 'OUT' END, m.outcome,"
                    + " 'bench-' || g, 'bench-' || g || '@mail.example.com', m.from_address, m.from_name, m.to_addresses,"
                    + " 'Re: Calendar invitations fail (' || g || ')',"
                    + " repeat('Thank you for the logs; the invitation still fails on the second server. ', 4 + (g * 37) % 160),"
                    + " m.language, 2000 + g, " + timestamp(START) + " - (" + count + " - g) * INTERVAL '1 hour', FALSE"
                    + " FROM generate_series(1, " + count + ") g, message m WHERE m.id = (SELECT MIN(id) FROM message)");
            sql.execute("INSERT INTO attachment (id, message_id, file_name, content_type, size, sha256, stored)"
                    + " SELECT 50000000 + g, 50000000 + g, 'log-' || g || '.txt', 'text/plain', 20000 + g, NULL, FALSE"
                    + " FROM generate_series(1, " + count + ") g WHERE g % 4 = 0");
            sql.execute("ANALYZE message");
            sql.execute("ANALYZE attachment");
        }
        return number;
    }

    private static void measure(Api api, String path, int requests) throws Exception {
        for (int i = 0; i < WARM_UP; i++) {
            api.get(path);
        }
        List<Double> times = new ArrayList<>();
        String body = null;
        for (int i = 0; i < requests; i++) {
            long started = System.nanoTime();
            body = api.get(path);
            times.add((System.nanoTime() - started) / 1e6);
        }
        JsonNode answer = JSON.readTree(body);
        String shown = answer.isArray() ? answer.size() + " tickets, " + escalated(answer) + " escalated first"
                : answer.path("messages").size() + " mails";
        List<Double> sorted = times.stream().sorted().toList();
        System.out.printf("GET %s: p50 %.1f ms, p99 %.1f ms, max %.1f ms (%d requests; %s); load average %s%n", path,
                percentile(sorted, 50), percentile(sorted, 99), sorted.get(sorted.size() - 1), requests, shown, loadAverage());
    }

    private static int escalated(JsonNode list) {
        int first = 0;
        while (first < list.size() && list.get(first).hasNonNull("escalated")) {
            first++;
        }
        return first;
    }

    private static void explain(Connection connection, String filter, String escalation) throws Exception {
        System.out.println("EXPLAIN ANALYZE of the list's first page, open tickets" + filter + ", escalated_at is " + escalation + ":");
        try (Statement sql = connection.createStatement();
                ResultSet plan = sql.executeQuery("EXPLAIN (ANALYZE, BUFFERS) " + String.format(LIST_SQL, filter, escalation))) {
            while (plan.next()) {
                System.out.println("  " + plan.getString(1));
            }
        }
    }

    /** How often the tables of a ticket's mails were read, as PostgreSQL counts it once its statistics are flushed. */
    private static int scansOfMailTables(Connection connection) throws Exception {
        Thread.sleep(11_000);  // a backend flushes its counts when idle, at the latest 10 s later
        try (Statement sql = connection.createStatement()) {
            sql.execute("SELECT pg_stat_clear_snapshot()");
            try (ResultSet scans = sql.executeQuery("SELECT SUM(COALESCE(idx_scan, 0) + seq_scan) FROM pg_stat_user_tables"
                    + " WHERE schemaname = current_schema() AND relname IN ('message', 'attachment')")) {
                scans.next();
                return scans.getInt(1);
            }
        }
    }

    private static String counts(Connection connection) throws Exception {
        try (Statement sql = connection.createStatement();
                ResultSet counts = sql.executeQuery("SELECT (SELECT COUNT(*) FROM ticket), (SELECT COUNT(*) FROM ticket WHERE status IN"
                        + " ('NEW', 'OPEN', 'WAITING_FOR_CUSTOMER')), (SELECT COUNT(*) FROM ticket WHERE escalated_at IS NOT NULL),"
                        + " (SELECT COUNT(*) FROM ticket WHERE assignee_id IS NOT NULL), (SELECT COUNT(*) FROM message)")) {
            counts.next();
            return String.format("%,d tickets, %,d open, %,d escalated, %,d assigned, %,d mails", counts.getLong(1), counts.getLong(2),
                    counts.getLong(3), counts.getLong(4), counts.getLong(5));
        }
    }

    private record Api(int port, String token) {
        String get(String path) throws Exception {
            HttpResponse<String> response = CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(30)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("GET " + path + ": " + response.statusCode() + " " + response.body());
            }
            return response.body();
        }
    }

    private static double percentile(List<Double> sorted, int percent) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(percent / 100.0 * sorted.size()) - 1));
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
}
