package org.ticketpost.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.ticketpost.desk.Engineers;
import org.ticketpost.testing.Await;
import org.ticketpost.testing.Cli;
import org.ticketpost.testing.Mails;
import org.ticketpost.testing.TestApp;
import org.ticketpost.testing.TestClock;
import org.ticketpost.testing.TestDatabase;
import org.ticketpost.testing.WebhookReceiver;
import org.ticketpost.ticket.TicketNumber;

/**
 * A phone escalation reaches webhook.url as "ticket.escalated", queued in the escalation's own
 * transaction beside the on-call mail and posted by serve's webhook sender: once, signed, with
 * the ticket, the caller, the note and the engineer. Without webhook.url nothing is queued.
 */
class EscalationWebhookIT {

    private static final String SECRET = "test-secret-" + UUID.randomUUID();
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path folder;

    private final TestClock clock = TestClock.at("2026-11-16T08:00:00Z");

    /** An outage whose first response is due in an hour: no SLA alert falls due while the test runs. */
    private static TicketNumber outage(TestApp app) throws Exception {
        app.addKey();
        app.application().engineers().add(new Engineers.NewEngineer("jane", "jane@ops.example", true));
        app.application().engineers().add(new Engineers.NewEngineer("max", "max@ops.example", false));
        return app.receive(Mails.load("intake/request.eml", Map.of("from", "jane@example.com", "fromName", "Jane Doe",
                "subject", "Nobody can log in", "messageId", UUID.randomUUID() + "@mail.example.com", "key", TestApp.KEY,
                "severity", "1"))).ticket().orElseThrow();
    }

    private static List<WebhookReceiver.Call> escalations(WebhookReceiver receiver) {
        return receiver.calls().stream().filter(call -> call.event().equals("ticket.escalated")).toList();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void anEscalationOnTheCommandLineReachesTheReceiverOnceSignedWithTheCallersWords(TestDatabase.Kind kind) throws Exception {
        try (TestDatabase database = TestDatabase.create(kind, folder); WebhookReceiver receiver = WebhookReceiver.started(SECRET);
                TestApp app = TestApp.start(database, folder, clock, Map.of("TICKETPOST_WEBHOOK_URL", receiver.url(),
                        "TICKETPOST_WEBHOOK_SECRET", SECRET, "TICKETPOST_SLA_INTERVAL", "PT0.2S"))) {
            TicketNumber ticket = outage(app);
            app.application().serve();
            clock.advance(Duration.ofMinutes(10));
            Map<String, String> asMax = new HashMap<>(app.env());
            asMax.put("TICKETPOST_ENGINEER", "max");

            Cli.Run escalated = Cli.run(asMax, clock, "tickets", "escalate", ticket.digits(), "--phone", "--caller",
                    "Jane Doe (Example Corp)", "--note", "Nobody can log in since 09:00.\nThe \"SSO\" page hangs.");

            assertThat(escalated.exitCode()).as(escalated.err()).isZero();
            Await.until("the escalation's call", () -> database.count(
                    "SELECT COUNT(*) FROM webhook_delivery WHERE event = 'ticket.escalated' AND sent_at IS NOT NULL") == 1);
            Thread.sleep(1_000);   // five SLA passes and the sender's next: no second call
            assertThat(escalations(receiver)).hasSize(1);
            assertThat(receiver.calls()).as("no SLA alert fell due").hasSize(1);
            WebhookReceiver.Call call = escalations(receiver).get(0);
            assertThat(call.signatureValid()).as("signed with the shared secret").isTrue();
            assertThat(call.answered()).isEqualTo(200);
            JsonNode body = JSON.readTree(call.body());
            assertThat(body.path("delivery").asText()).isEqualTo(call.delivery());
            assertThat(body.path("event").asText()).isEqualTo("ticket.escalated");
            assertThat(body.path("time").asText()).isEqualTo("2026-11-16T08:10:00Z");
            assertThat(JSON.writeValueAsString(body.path("data"))).isEqualTo("{\"ticket\":\"" + ticket.digits()
                    + "\",\"severity\":1,\"customer\":\"" + TestApp.CUSTOMER + "\",\"subject\":\"Nobody can log in\""
                    + ",\"caller\":\"Jane Doe (Example Corp)\",\"note\":\"Nobody can log in since 09:00.\\nThe \\\"SSO\\\" page hangs.\""
                    + ",\"engineer\":\"max\",\"time\":\"2026-11-16T08:10:00Z\"}");
            assertThat(database.rows("SELECT recipient FROM outbox WHERE kind = 'escalation'"))
                    .as("the on-call mail as before").containsExactly(List.of("jane@ops.example"));
        }
    }

    @Test
    void withoutAWebhookUrlAnEscalationQueuesNoCall() throws Exception {
        try (TestDatabase database = TestDatabase.create(TestDatabase.Kind.H2, folder);
                TestApp app = TestApp.start(database, folder, clock)) {
            TicketNumber ticket = outage(app);

            app.application().ticketActions().escalateByPhone(ticket.digits(), "Jane Doe", "All users are locked out.", "max");

            assertThat(database.count("SELECT COUNT(*) FROM webhook_delivery")).isZero();
            assertThat(database.count("SELECT COUNT(*) FROM outbox WHERE kind = 'escalation'")).isEqualTo(1);
        }
    }
}
