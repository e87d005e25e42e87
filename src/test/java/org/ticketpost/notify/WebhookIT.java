package org.ticketpost.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.ticketpost.Lifecycle;
import org.ticketpost.config.ConfigException;
import org.ticketpost.testing.Await;
import org.ticketpost.testing.LogCapture;
import org.ticketpost.testing.Mails;
import org.ticketpost.testing.Ports;
import org.ticketpost.testing.TestApp;
import org.ticketpost.testing.TestClock;
import org.ticketpost.testing.TestDatabase;
import org.ticketpost.testing.WebhookReceiver;
import org.ticketpost.ticket.TicketNumber;

/**
 * serve's webhook sender with a real HTTP receiver: each SLA alert reaches it once, signed, also
 * when the receiver is down or fails for a while, across a restart, and with two senders on one
 * PostgreSQL database.
 */
class WebhookIT {

    private static final String SECRET = "test-secret-" + UUID.randomUUID();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant OPENED = Instant.parse("2026-11-16T08:00:00Z");

    @RegisterExtension
    final LogCapture senderLog = LogCapture.of(WebhookSender.class, Level.INFO);

    @RegisterExtension
    final LogCapture startLog = LogCapture.of(Lifecycle.class, Level.INFO);

    @TempDir
    Path folder;

    private final TestClock clock = new TestClock(OPENED);

    private static Map<String, String> webhookTo(WebhookReceiver receiver) {
        return Map.of("TICKETPOST_WEBHOOK_URL", receiver.url(), "TICKETPOST_WEBHOOK_SECRET", SECRET,
                "TICKETPOST_SLA_INTERVAL", "PT0.2S");
    }

    private TestApp serve(TestDatabase database, Map<String, String> settings) {
        TestApp app = TestApp.start(database, folder, clock, settings);
        app.application().serve();
        return app;
    }

    /** A Severity 2 ticket, whose first response is due 4 h after it opened. */
    private static TicketNumber open(TestApp app) {
        app.addKey();
        return app.receive(Mails.load("intake/request.eml", Map.of("from", "jane@example.com", "fromName", "Jane",
                "subject", "Calendar", "messageId", UUID.randomUUID() + "@mail.example.com", "key", TestApp.KEY,
                "severity", "2"))).ticket().orElseThrow();
    }

    private static List<String> delivery(TestDatabase database) {
        List<List<String>> rows = database.rows("SELECT attempts, " + yes("sent_at IS NOT NULL") + ", " + yes("failed_at IS NOT NULL")
                + ", " + yes("next_attempt_at IS NULL") + ", last_error FROM webhook_delivery");
        assertThat(rows).hasSize(1);
        return rows.get(0);
    }

    /** A condition as TRUE or FALSE, alike on both databases (PostgreSQL's driver reads a boolean as t or f). */
    private static String yes(String condition) {
        return "CASE WHEN " + condition + " THEN 'TRUE' ELSE 'FALSE' END";
    }

    /** Whether the one call has this time recorded: sent_at or failed_at. */
    private static boolean recorded(TestDatabase database, String column) {
        return database.count("SELECT COUNT(*) FROM webhook_delivery WHERE " + column + " IS NOT NULL") == 1;
    }

    private static long attempts(TestDatabase database) {
        return database.count("SELECT COALESCE(MAX(attempts), 0) FROM webhook_delivery");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aBreachReachesTheReceiverOnceSignedAndARestartSendsItNoMore(TestDatabase.Kind kind) throws Exception {
        try (TestDatabase database = TestDatabase.create(kind, folder); WebhookReceiver receiver = WebhookReceiver.started(SECRET)) {
            TicketNumber ticket;
            try (TestApp app = serve(database, webhookTo(receiver))) {
                ticket = open(app);
                clock.advance(Duration.ofHours(4));
                Await.until("the breach's call", () -> recorded(database, "sent_at"));
            }
            try (TestApp restarted = serve(database, webhookTo(receiver))) {
                Thread.sleep(1_000);   // five SLA passes and the sender's first
            }

            assertThat(receiver.calls()).hasSize(1);
            WebhookReceiver.Call call = receiver.calls().get(0);
            assertThat(call.signatureValid()).as("signed with the shared secret").isTrue();
            assertThat(WebhookReceiver.isSignedWith("another-secret-of-16", call.timestamp(), call.body(), call.signature())).isFalse();
            assertThat(call.event()).isEqualTo("sla.breached");
            assertThat(call.contentType()).startsWith("application/json");
            assertThat(Long.parseLong(call.timestamp())).isEqualTo(OPENED.plus(Duration.ofHours(4)).getEpochSecond());
            JsonNode body = JSON.readTree(call.body());
            assertThat(body.path("delivery").asText()).isEqualTo(call.delivery());
            assertThat(body.path("event").asText()).isEqualTo("sla.breached");
            assertThat(body.path("time").asText()).isEqualTo("2026-11-16T12:00:00Z");
            assertThat(JSON.writeValueAsString(body.path("data"))).isEqualTo("{\"ticket\":\"" + ticket.digits()
                    + "\",\"severity\":2,\"customer\":\"" + TestApp.CUSTOMER
                    + "\",\"clock\":\"firstResponse\",\"due\":\"2026-11-16T12:00:00Z\"}");
            assertThat(delivery(database)).containsExactly("0", "TRUE", "FALSE", "TRUE", null);
            assertThat(startLog.messages()).anyMatch(line -> line.contains("started webhook sender to http://127.0.0.1:")
                    && line.endsWith("/hooks/ticketpost")).noneMatch(line -> line.contains(SECRET));
            assertThat(senderLog.messages()).anyMatch(line -> line.startsWith("sent webhook sla.breached " + call.delivery()))
                    .noneMatch(line -> line.contains(SECRET) || line.contains("source=test"));
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aReceiverDownGetsTheCallOnceItIsUpAndTheBackoffHasPassed(TestDatabase.Kind kind) throws Exception {
        try (TestDatabase database = TestDatabase.create(kind, folder); WebhookReceiver receiver = WebhookReceiver.at(Ports.free(),
                SECRET); TestApp app = serve(database, webhookTo(receiver))) {
            open(app);
            clock.advance(Duration.ofHours(4));
            Await.until("the first attempt, refused", () -> attempts(database) == 1);
            assertThat(database.count("SELECT COUNT(*) FROM webhook_delivery WHERE next_attempt_at = TIMESTAMP WITH TIME ZONE "
                    + "'2026-11-16 12:00:30+00'")).as("tried again 30 s later").isEqualTo(1);
            receiver.start();

            clock.advance(Duration.ofSeconds(30));
            Await.until("the call", () -> receiver.calls().size() == 1);

            Await.until("the call recorded", () -> recorded(database, "sent_at"));
            assertThat(delivery(database).subList(0, 4)).containsExactly("1", "TRUE", "FALSE", "TRUE");
            assertThat(receiver.calls().get(0).signatureValid()).isTrue();
            assertThat(senderLog.messages()).anyMatch(line -> line.contains("not delivered, next attempt at 2026-11-16T12:00:30Z: "
                    + "ConnectException"));
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aServerErrorAndATooManyRequestsAreTriedAgainAndTheCallIsDeliveredOnce(TestDatabase.Kind kind) throws Exception {
        try (TestDatabase database = TestDatabase.create(kind, folder);
                WebhookReceiver receiver = WebhookReceiver.started(SECRET).answering(500, 429);
                TestApp app = serve(database, webhookTo(receiver))) {
            open(app);
            clock.advance(Duration.ofHours(4));
            Await.until("the 500", () -> attempts(database) == 1);
            clock.advance(Duration.ofSeconds(30));
            Await.until("the 429", () -> attempts(database) == 2);
            clock.advance(Duration.ofSeconds(59));
            Thread.sleep(200);
            assertThat(receiver.calls()).as("the second wait is twice the first").hasSize(2);
            clock.advance(Duration.ofSeconds(1));
            Await.until("the delivery", () -> recorded(database, "sent_at"));
            clock.advance(Duration.ofHours(1));

            assertThat(receiver.calls()).extracting(WebhookReceiver.Call::answered).containsExactly(500, 429, 200);
            assertThat(receiver.calls()).extracting(WebhookReceiver.Call::delivery).containsOnly(receiver.calls().get(0).delivery());
            assertThat(receiver.calls()).extracting(WebhookReceiver.Call::body).containsOnly(receiver.calls().get(0).body());
            assertThat(receiver.calls()).allMatch(WebhookReceiver.Call::signatureValid);
            assertThat(delivery(database)).containsExactly("2", "TRUE", "FALSE", "TRUE", "HTTP 429");
        }
    }

    @Test
    void aClientErrorFailsTheCallForGood() throws Exception {
        try (TestDatabase database = TestDatabase.create(TestDatabase.Kind.H2, folder);
                WebhookReceiver receiver = WebhookReceiver.started(SECRET).answering(404);
                TestApp app = serve(database, webhookTo(receiver))) {
            open(app);
            clock.advance(Duration.ofHours(4));
            Await.until("the failure recorded", () -> recorded(database, "failed_at"));
            clock.advance(Duration.ofMinutes(1));   // past the first retry's time, short of the next alert
            Thread.sleep(300);

            assertThat(receiver.calls()).hasSize(1);
            assertThat(delivery(database)).containsExactly("1", "FALSE", "TRUE", "TRUE", "HTTP 404");
            assertThat(senderLog.events()).anyMatch(event -> event.getLevel() == Level.ERROR
                    && event.getFormattedMessage().endsWith("will not be delivered: HTTP 404"));
        }
    }

    @Test
    void aCallStillFailingAfterTheMaxAgeIsGivenUpWithAnError() throws Exception {
        Map<String, String> settings = new HashMap<>(webhookTo(WebhookReceiver.at(Ports.free(), SECRET)));
        settings.put("TICKETPOST_WEBHOOK_MAX_AGE", "PT1M");
        try (TestDatabase database = TestDatabase.create(TestDatabase.Kind.H2, folder); TestApp app = serve(database, settings)) {
            open(app);
            clock.advance(Duration.ofHours(4));
            Await.until("the first attempt", () -> attempts(database) == 1);
            clock.advance(Duration.ofSeconds(30));
            Await.until("the failure recorded", () -> recorded(database, "failed_at"));

            assertThat(delivery(database).subList(0, 4)).containsExactly("2", "FALSE", "TRUE", "TRUE");
            assertThat(senderLog.events()).anyMatch(event -> event.getLevel() == Level.ERROR
                    && event.getFormattedMessage().contains("will not be delivered: ConnectException")
                    && event.getFormattedMessage().endsWith("(given up after 2 attempts in PT1M)"));
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aCallQueuedWhileNoServiceRanIsMadeByTheNextOne(TestDatabase.Kind kind) throws Exception {
        try (TestDatabase database = TestDatabase.create(kind, folder); WebhookReceiver receiver = WebhookReceiver.started(SECRET)) {
            try (TestApp app = TestApp.start(database, folder, clock, webhookTo(receiver))) {
                open(app);
                clock.advance(Duration.ofHours(4));
                assertThat(app.application().slaAlerts().recordDue().alerts()).isEqualTo(1);
            }
            assertThat(database.count("SELECT COUNT(*) FROM webhook_delivery WHERE next_attempt_at IS NOT NULL")).isEqualTo(1);
            assertThat(receiver.calls()).isEmpty();

            try (TestApp restarted = serve(database, webhookTo(receiver))) {
                Await.until("the call", () -> receiver.calls().size() == 1);
                Await.until("the call recorded", () -> recorded(database, "sent_at"));
            }
            assertThat(receiver.calls()).hasSize(1);
        }
    }

    /** Another event than an SLA alert, queued with one call as a later one (a phone escalation) would be. */
    record TestEvent(String ticket, int number) implements WebhookEvent {
        @Override
        public String kind() {
            return "test.event";
        }
    }

    @Test
    void twoSendersOnOnePostgresqlDatabaseMakeEachCallOnce() throws Exception {
        int queued = 60;
        try (TestDatabase database = TestDatabase.create(TestDatabase.Kind.POSTGRESQL, folder);
                WebhookReceiver receiver = WebhookReceiver.started(SECRET).slowedBy(Duration.ofMillis(15))) {
            try (TestApp first = TestApp.start(database, folder, clock, webhookTo(receiver));
                    TestApp second = TestApp.start(database, folder, clock, webhookTo(receiver))) {
                first.read(stores -> {
                    for (int i = 0; i < queued; i++) {
                        first.application().webhooks().queue(stores, new TestEvent("100009", i), clock.instant());
                    }
                    return null;
                });
                CompletableFuture.allOf(CompletableFuture.runAsync(() -> first.application().serve()),
                        CompletableFuture.runAsync(() -> second.application().serve())).join();
                Await.until("every call", () -> database.count("SELECT COUNT(*) FROM webhook_delivery WHERE sent_at IS NOT NULL")
                        == queued);
            }

            assertThat(receiver.calls()).hasSize(queued);
            assertThat(receiver.calls()).extracting(WebhookReceiver.Call::delivery).doesNotHaveDuplicates();
            assertThat(receiver.calls()).allMatch(call -> call.event().equals("test.event") && call.signatureValid());
            assertThat(JSON.readTree(receiver.calls().get(0).body()).path("data").path("ticket").asText()).isEqualTo("100009");
        }
    }

    @Test
    void aUrlWithoutASecretOrWithAShortOneStopsTheStartWithoutShowingIt() {
        try (TestDatabase database = TestDatabase.create(TestDatabase.Kind.H2, folder)) {
            assertThatThrownBy(() -> TestApp.start(database, folder, clock, Map.of("TICKETPOST_WEBHOOK_URL",
                    "https://hooks.example.com/t?token=abc")))
                    .isInstanceOf(ConfigException.class)
                    .hasMessageContaining("webhook.url (TICKETPOST_WEBHOOK_URL) is set but webhook.secret is not");
            assertThatThrownBy(() -> TestApp.start(database, folder, clock, Map.of("TICKETPOST_WEBHOOK_URL", "ftp://hooks.example.com/",
                    "TICKETPOST_WEBHOOK_SECRET", "short-secret")))
                    .isInstanceOf(ConfigException.class)
                    .hasMessageContaining("webhook.url (TICKETPOST_WEBHOOK_URL) must be an http:// or https:// URL with a host")
                    .hasMessageContaining("webhook.secret (TICKETPOST_WEBHOOK_SECRET) must be at least 16 characters, was 12")
                    .hasMessageNotContaining("short-secret");
        }
    }
}
