package org.ticketpost.http.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.ticketpost.desk.Engineers;
import org.ticketpost.mail.SmtpSender;
import org.ticketpost.mail.SmtpSettings;
import org.ticketpost.reply.OutboxDispatcher;
import org.ticketpost.reply.OutboxPolicy;
import org.ticketpost.testing.Http;
import org.ticketpost.testing.ImapInbox;
import org.ticketpost.testing.Mails;
import org.ticketpost.testing.Ports;
import org.ticketpost.testing.TestApp;
import org.ticketpost.testing.TestClock;
import org.ticketpost.testing.TestDatabase;
import org.ticketpost.ticket.TicketNumber;

/**
 * The changes of the engineers' API beyond status and severity (reply, assign, close, escalate),
 * over real HTTP on H2 and PostgreSQL: each recorded under the engineer whose token signed it, an
 * answer sent through a real SMTP server (GreenMail) into the customer's own mailbox, read over IMAP.
 */
class EngineersApiChangesIT {

    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP));

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CUSTOMER = "customer@example.com";
    private static final String CUSTOMER_PASSWORD = "customers-password";
    private static final String SUBJECT = "Calendar invitations fail";
    private static final Instant FAR_FUTURE = Instant.parse("2100-01-01T00:00:00Z");

    @TempDir
    Path folder;

    private final int port = Ports.free();
    private final TestClock clock = TestClock.at("2026-11-16T08:15:00Z");

    /** A serving Ticketpost with jane.doe (on call), erik.berg, and the disabled max.muster, each with a token. */
    private record Desk(TestApp app, String jane, String max) {

        /** A new ticket of this severity from the customer, whose mail has this Message-ID. */
        TicketNumber ticket(int severity, String messageId) {
            return app.receive(Mails.load("intake/request.eml", Map.of("from", CUSTOMER, "fromName", "Chris Customer",
                    "subject", SUBJECT, "messageId", messageId, "key", TestApp.KEY, "severity", Integer.toString(severity))))
                    .ticket().orElseThrow();
        }
    }

    private interface Scenario {
        void run(Desk desk) throws Exception;
    }

    @BeforeEach
    void customerHasAMailbox() {
        MAIL.setUser(CUSTOMER, CUSTOMER, CUSTOMER_PASSWORD);
    }

    private void serving(TestDatabase.Kind kind, Scenario scenario) throws Exception {
        try (TestDatabase database = TestDatabase.create(kind, folder);
                TestApp app = TestApp.start(database, folder, clock, Map.of("TICKETPOST_HTTP_PORT", Integer.toString(port)))) {
            app.addKey();
            Engineers engineers = app.application().engineers();
            engineers.add(new Engineers.NewEngineer("jane.doe", "jane.doe@ticketpost.example", true));
            engineers.add(new Engineers.NewEngineer("erik.berg", "erik.berg@ticketpost.example", false));
            engineers.add(new Engineers.NewEngineer("max.muster", "max@ticketpost.example", false));
            String jane = engineers.newToken("jane.doe").token();
            String max = engineers.newToken("max.muster").token();
            engineers.disable("max.muster");
            app.application().serve();
            scenario.run(new Desk(app, jane, max));
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aReplyReachesTheCustomersMailboxOnTheTicketsThreadUnderTheTokensEngineer(TestDatabase.Kind kind) throws Exception {
        serving(kind, desk -> {
            TicketNumber number = desk.ticket(2, "api-reply@mail.example.com");
            sendOutbox(desk.app());   // the confirmation
            clock.advance(Duration.ofMinutes(20));

            HttpResponse<String> reply = post("/api/tickets/" + number + "/reply",
                    "{\"message\": \"Please restart the calendar service.\\nThe invitations arrive then.\", \"internal\": false}",
                    desk.jane());
            OutboxDispatcher.Pass pass = sendOutbox(desk.app());

            assertThat(reply.statusCode()).as(reply.body()).isEqualTo(200);
            JsonNode ticket = JSON.readTree(reply.body());
            JsonNode answer = ticket.get("messages").get(ticket.get("messages").size() - 1);
            assertThat(answer.get("author").asText()).isEqualTo("jane.doe");
            assertThat(answer.get("internal").asBoolean()).isFalse();
            assertThat(answer.get("to").asText()).isEqualTo(CUSTOMER);
            assertThat(events(ticket)).contains("jane.doe ANSWERED");
            assertThat(pass.sent()).isEqualTo(1);
            List<MimeMessage> mailbox = customersMailbox();
            assertThat(mailbox).as("the confirmation, then the answer").hasSize(2);
            MimeMessage sent = mailbox.get(1);
            assertThat(sent.getSubject()).isEqualTo("[Ticket#" + number + "] " + SUBJECT);
            assertThat(sent.getHeader("In-Reply-To", null)).isEqualTo("<api-reply@mail.example.com>");
            assertThat(sent.getHeader("References", null)).contains("<api-reply@mail.example.com>");
            assertThat(sent.getContent().toString().replace("\r\n", "\n"))
                    .startsWith("Please restart the calendar service.\nThe invitations arrive then.\n").contains("jane.doe");
        });
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void anInternalNoteSendsNothing(TestDatabase.Kind kind) throws Exception {
        serving(kind, desk -> {
            TicketNumber number = desk.ticket(2, "api-note@mail.example.com");
            sendOutbox(desk.app());

            HttpResponse<String> note = post("/api/tickets/" + number + "/reply",
                    "{\"message\": \"Customer phoned: only rooms on the third floor.\", \"internal\": true}", desk.jane());
            long queued = desk.app().read(stores -> stores.outbox().due(FAR_FUTURE, 1000)).size();
            OutboxDispatcher.Pass pass = sendOutbox(desk.app());

            assertThat(note.statusCode()).as(note.body()).isEqualTo(200);
            JsonNode ticket = JSON.readTree(note.body());
            JsonNode kept = ticket.get("messages").get(ticket.get("messages").size() - 1);
            assertThat(kept.get("internal").asBoolean()).isTrue();
            assertThat(kept.get("text").asText()).isEqualTo("Customer phoned: only rooms on the third floor.");
            assertThat(events(ticket)).contains("jane.doe NOTE_ADDED").doesNotContain("jane.doe ANSWERED");
            assertThat(queued).isZero();
            assertThat(pass.taken()).isZero();
            assertThat(customersMailbox()).as("the confirmation only").hasSize(1);
            assertError(post("/api/tickets/" + number + "/reply", "{\"message\": \"  \"}", desk.jane()), 422, "invalid",
                    "the answer is empty");
        });
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void assignAndCloseAreRecordedUnderTheTokensEngineer(TestDatabase.Kind kind) throws Exception {
        serving(kind, desk -> {
            TicketNumber number = desk.ticket(2, "api-assign@mail.example.com");
            String ticketPath = "/api/tickets/" + number;

            HttpResponse<String> assigned = post(ticketPath + "/assign", "{\"engineer\": \"Erik.Berg\"}", desk.jane());
            HttpResponse<String> closed = post(ticketPath + "/close", "", desk.jane());

            assertThat(assigned.statusCode()).as(assigned.body()).isEqualTo(200);
            assertThat(JSON.readTree(assigned.body()).get("assignee").asText()).isEqualTo("erik.berg");
            assertThat(closed.statusCode()).as(closed.body()).isEqualTo(200);
            JsonNode ticket = JSON.readTree(closed.body());
            assertThat(ticket.get("status").asText()).isEqualTo("closed");
            assertThat(events(ticket)).contains("jane.doe ASSIGNED", "jane.doe STATUS_CHANGED");
            assertError(post(ticketPath + "/close", "{}", desk.jane()), 409, "refused", "ticket " + number + " is closed already");
            assertError(post(ticketPath + "/reply", "{\"message\": \"Hello?\"}", desk.jane()), 409, "refused",
                    "ticket " + number + " is closed: it takes no more answers (the customer's next mail opens a new ticket)");

            TicketNumber other = desk.ticket(2, "api-assign-2@mail.example.com");
            assertError(post("/api/tickets/" + other + "/assign", "{\"engineer\": \"nobody\"}", desk.jane()), 422, "invalid",
                    "there is no engineer nobody");
            assertError(post("/api/tickets/" + other + "/assign", "{\"engineer\": \"max.muster\"}", desk.jane()), 409, "refused",
                    "ticket " + other + " cannot go to max.muster: engineer max.muster is disabled");
            assertError(post("/api/tickets/" + other + "/assign", "{}", desk.jane()), 400, "bad_request",
                    "engineer must name the engineer who takes the ticket");
            assertError(post("/api/tickets/" + other + "/close", "{\"why\": \"done\"}", desk.jane()), 400, "bad_request",
                    "the body has a key 'why' this request does not know");
            assertError(post("/api/tickets/" + other + "/reply", "{\"text\": \"Hello\"}", desk.jane()), 400, "bad_request",
                    "the body has a key 'text' this request does not know");
            assertError(post("/api/tickets/" + new TicketNumber(999_999) + "/close", "", desk.jane()), 404, "no_such_ticket",
                    "there is no ticket " + new TicketNumber(999_999));
            assertThat(events(JSON.readTree(get("/api/tickets/" + other, desk.jane()).body()))).as("nothing refused was changed")
                    .containsExactly("customer@example.com CREATED", "ticketpost REPLY_QUEUED");   // the confirmation
        });
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aSeverityOneTicketIsEscalatedByPhoneAndASeverityThreeTicketIsRefusedSayingWhy(TestDatabase.Kind kind) throws Exception {
        serving(kind, desk -> {
            TicketNumber outage = desk.ticket(1, "api-outage@mail.example.com");
            TicketNumber minor = desk.ticket(3, "api-minor@mail.example.com");
            String call = "{\"caller\": \"Chris Customer\", \"note\": \"No one can log in since 9:00.\"}";

            HttpResponse<String> escalated = post("/api/tickets/" + outage + "/escalate", call, desk.jane());
            HttpResponse<String> refused = post("/api/tickets/" + minor + "/escalate", call, desk.jane());

            assertThat(escalated.statusCode()).as(escalated.body()).isEqualTo(200);
            JsonNode answer = JSON.readTree(escalated.body());
            assertThat(answer.get("told")).extracting(JsonNode::asText).containsExactly("jane.doe@ticketpost.example");
            assertThat(answer.get("ticket").get("number").asText()).isEqualTo(outage.digits());
            assertThat(answer.get("ticket").get("escalated").isNull()).isFalse();
            assertThat(events(answer.get("ticket"))).contains("jane.doe ESCALATED");
            assertError(refused, 409, "refused", "ticket " + minor + " is severity 3: only Severity 1 and 2 tickets are escalated"
                    + " by phone. If it is an outage or a severe disruption, raise the severity first with POST /api/tickets/"
                    + minor + "/severity {\"severity\": 2} (or 1), then escalate it");
            assertThat(JSON.readTree(get("/api/tickets/" + minor, desk.jane()).body()).get("escalated").isNull())
                    .as("the refused ticket is not flagged").isTrue();
            assertThat(post("/api/tickets/" + outage + "/escalate", call, desk.jane()).statusCode()).as("escalated once").isEqualTo(409);

            TicketNumber severe = desk.ticket(2, "api-severe@mail.example.com");
            HttpResponse<String> noNote = post("/api/tickets/" + severe + "/escalate", "{\"caller\": \"Chris Customer\"}", desk.jane());
            assertError(noNote, 422, "invalid", "the note is missing: what did the caller say?");
        });
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aDisabledEngineersTokenIs403OnEveryChange(TestDatabase.Kind kind) throws Exception {
        serving(kind, desk -> {
            TicketNumber number = desk.ticket(1, "api-disabled@mail.example.com");
            Map<String, String> bodies = Map.of("status", "{\"status\": \"waiting\"}", "severity", "{\"severity\": 2}",
                    "reply", "{\"message\": \"Hello\"}", "assign", "{\"engineer\": \"jane.doe\"}", "close", "",
                    "escalate", "{\"caller\": \"Chris\", \"note\": \"down\"}");

            List<String> answered = new ArrayList<>();
            for (TicketChange<?> change : EngineersApi.CHANGES) {
                HttpResponse<String> refused = post("/api/tickets/" + number + "/" + change.name(), bodies.get(change.name()), desk.max());
                answered.add(change.name() + " " + refused.statusCode() + " " + JSON.readTree(refused.body()).get("message").asText());
            }

            assertThat(answered).hasSize(bodies.size())
                    .allSatisfy(line -> assertThat(line).endsWith(" 403 engineer max.muster is disabled"));
            assertThat(events(JSON.readTree(get("/api/tickets/" + number, desk.jane()).body()))).containsExactly(
                    "customer@example.com CREATED", "ticketpost REPLY_QUEUED");   // the confirmation
            assertThat(customersMailbox()).isEmpty();
        });
    }

    /** Each event of the ticket as "actor KIND". */
    private static List<String> events(JsonNode ticket) {
        List<String> events = new ArrayList<>();
        ticket.get("events").forEach(event -> events.add(event.get("actor").asText() + " " + event.get("kind").asText()));
        return events;
    }

    private OutboxDispatcher.Pass sendOutbox(TestApp app) {
        SmtpSender smtp = new SmtpSender(SmtpSettings.parse("smtp://127.0.0.1:" + MAIL.getSmtp().getPort() + "?starttls=off",
                Optional.empty(), Optional.empty(), Duration.ofSeconds(10)));
        try (OutboxDispatcher dispatcher = new OutboxDispatcher(app.application().database(), smtp, clock, OutboxPolicy.DEFAULT)) {
            return dispatcher.sendDue();
        }
    }

    /** The customer's INBOX, read over IMAP with the customer's own password, oldest first. */
    private static List<MimeMessage> customersMailbox() throws MessagingException {
        return ImapInbox.read(MAIL.getImap().getPort(), CUSTOMER, CUSTOMER_PASSWORD);
    }

    private static void assertError(HttpResponse<String> response, int status, String error, String message) throws IOException {
        assertThat(response.statusCode()).as(response.uri() + " " + response.body()).isEqualTo(status);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("error").asText()).isEqualTo(error);
        assertThat(body.get("message").asText()).isEqualTo(message);
    }

    private HttpResponse<String> get(String path, String token) {
        return Http.send(request(path, token).GET());
    }

    private HttpResponse<String> post(String path, String body, String token) {
        return Http.send(request(path, token).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private HttpRequest.Builder request(String path, String token) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token);
    }

}
