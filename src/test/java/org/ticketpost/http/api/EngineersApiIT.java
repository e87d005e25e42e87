package org.ticketpost.http.api;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.ticketpost.Application;
import org.ticketpost.desk.Engineers;
import org.ticketpost.json.JsonText;
import org.ticketpost.json.TicketJson;
import org.ticketpost.testing.Http;
import org.ticketpost.testing.DedicatedDatabase;
import org.ticketpost.testing.LogCapture;
import org.ticketpost.testing.Mails;
import org.ticketpost.testing.Ports;
import org.ticketpost.testing.TestApp;
import org.ticketpost.testing.TestClock;
import org.ticketpost.testing.TestDatabase;
import org.ticketpost.ticket.TicketNumber;
import org.ticketpost.ticket.TicketQuery;

/**
 * The engineers' JSON API of a Ticketpost that serves, over real HTTP on H2 and PostgreSQL: who
 * may use it, the tickets as the command line gives them, and changes recorded under the name of
 * the engineer whose token signed them.
 */
class EngineersApiIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    final LogCapture log = LogCapture.of(SignedIn.class, Level.WARN);

    @TempDir
    Path folder;

    private final int port = Ports.free();
    private final TestClock clock = TestClock.at("2026-11-16T08:15:00Z");

    /** A serving Ticketpost with one ticket, the engineer jane.doe and the disabled engineer max.muster, each with a token. */
    private record Desk(TestApp app, TicketNumber ticket, String jane, String max) {
    }

    private interface Scenario {
        void run(Desk desk) throws Exception;
    }

    private void serving(TestDatabase.Kind kind, Scenario scenario) throws Exception {
        try (TestDatabase database = TestDatabase.create(kind, folder);
                TestApp app = TestApp.start(database, folder, clock, Map.of("TICKETPOST_HTTP_PORT", Integer.toString(port)))) {
            app.addKey();
            Engineers engineers = app.application().engineers();
            engineers.add(new Engineers.NewEngineer("jane.doe", "jane.doe@ticketpost.example", true));
            engineers.add(new Engineers.NewEngineer("max.muster", "max@ticketpost.example", false));
            String jane = engineers.newToken("jane.doe").token();
            String max = engineers.newToken("max.muster").token();
            engineers.disable("max.muster");
            TicketNumber ticket = app.receive(Mails.load("intake/request.eml", Map.of("from", "customer@example.com",
                    "fromName", "Chris Customer", "subject", "Calendar invitations fail", "messageId", "api-1@mail.example.com",
                    "key", TestApp.KEY, "severity", "2"))).ticket().orElseThrow();
            app.application().serve();
            scenario.run(new Desk(app, ticket, jane, max));
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void withoutATokenEveryRouteButTheDocumentIs401AndHealthStaysOpen(TestDatabase.Kind kind) throws Exception {
        serving(kind, desk -> {
            for (HttpResponse<String> refused : List.of(get("/api/tickets"), get("/api/tickets/" + desk.ticket()),
                    post("/api/tickets/" + desk.ticket() + "/status", "{\"status\": \"waiting\"}"),
                    get("/api/tickets", "Authorization", "Basic amFuZTpzZWNyZXQ="),
                    get("/api/tickets", "Authorization", "Bearer "))) {
                assertThat(refused.statusCode()).as(refused.uri() + " " + refused.body()).isEqualTo(401);
                assertThat(refused.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"ticketpost\"");
                assertThat(JSON.readTree(refused.body()).get("error").asText()).isEqualTo("unauthenticated");
            }

            assertThat(get("/health").statusCode()).isEqualTo(200);
            assertThat(get("/metrics").statusCode()).isEqualTo(200);
            assertThat(get("/api/openapi.json").statusCode()).isEqualTo(200);
        });
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aWrongTokenIs401AndADisabledEngineersIs403(TestDatabase.Kind kind) throws Exception {
        serving(kind, desk -> {
            HttpResponse<String> wrong = get("/api/tickets", "Authorization", "Bearer " + desk.jane() + "x");
            HttpResponse<String> disabled = get("/api/tickets", "Authorization", "Bearer " + desk.max());

            assertThat(wrong.statusCode()).as(wrong.body()).isEqualTo(401);
            assertThat(wrong.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"ticketpost\", error=\"invalid_token\"");
            assertThat(JSON.readTree(wrong.body()).get("error").asText()).isEqualTo("unauthenticated");
            assertThat(wrong.body()).doesNotContain(desk.jane());
            assertThat(disabled.statusCode()).as(disabled.body()).isEqualTo(403);
            assertThat(JSON.readTree(disabled.body()).get("message").asText()).isEqualTo("engineer max.muster is disabled");
        });
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void listsAndShowsTheTicketsAsTheCommandLineDoes(TestDatabase.Kind kind) throws Exception {
        serving(kind, desk -> {
            HttpResponse<String> list = get("/api/tickets", "Authorization", "Bearer " + desk.jane());
            HttpResponse<String> show = get("/api/tickets/" + desk.ticket(), "Authorization", "bearer " + desk.jane());

            assertThat(list.statusCode()).as(list.body()).isEqualTo(200);
            assertThat(list.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
            JsonNode tickets = JSON.readTree(list.body());
            assertThat(tickets).extracting(ticket -> ticket.get("number").asText()).containsExactly(desk.ticket().digits());
            assertThat(tickets.get(0).get("status").asText()).isEqualTo("new");
            assertThat(tickets.get(0).get("due").get("name").asText()).isEqualTo("firstResponse");
            assertThat(tickets).as("the JSON of tickets list --json")
                    .isEqualTo(JSON.readTree(JsonText.line(desk.app().application().tickets().list(TicketQuery.open()))));
            assertThat(show.statusCode()).as(show.body()).isEqualTo(200);
            JsonNode ticket = JSON.readTree(show.body());
            assertThat(ticket.get("fields").get("product").asText()).isEqualTo("OXAPPSUITE");
            assertThat(ticket.get("messages").get(0).get("text").asText()).contains("calendar invitations");
            assertThat(ticket).as("the JSON of tickets show --json")
                    .isEqualTo(JSON.readTree(JsonText.line(TicketJson.of(desk.app().application().tickets().show(desk.ticket().digits())))));
        });
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void filtersThePagesAndRefusesWhatItCannotRead(TestDatabase.Kind kind) throws Exception {
        serving(kind, desk -> {
            String[] jane = {"Authorization", "Bearer " + desk.jane()};

            assertThat(numbers(get("/api/tickets?severity=2&customer=example&due-within=4h", jane))).containsExactly(desk.ticket().digits());
            assertThat(numbers(get("/api/tickets?severity=1", jane))).isEmpty();
            assertThat(numbers(get("/api/tickets?breached", jane))).isEmpty();
            assertThat(numbers(get("/api/tickets?due-within=30m", jane))).isEmpty();
            assertThat(numbers(get("/api/tickets?status=resolved,closed", jane))).isEmpty();
            assertThat(numbers(get("/api/tickets?limit=1&offset=1", jane))).isEmpty();
            assertError(get("/api/tickets?limit=0", jane), 400, "bad_request", "limit must be a whole number from 1 to 10000, was '0'");
            assertError(get("/api/tickets?severty=1", jane), 400, "bad_request", "unknown query parameter(s) severty; known are "
                    + "breached, component, customer, due-within, limit, offset, product, severity, status");
            assertError(get("/api/tickets?status=sleeping", jane), 400, "bad_request",
                    "status must be one of new, open, waiting, resolved, closed, was 'sleeping'");
            String mistyped = desk.ticket().digits().substring(0, desk.ticket().digits().length() - 1)
                    + (char) ('0' + (desk.ticket().digits().charAt(desk.ticket().digits().length() - 1) - '0' + 1) % 10);
            assertError(get("/api/tickets/" + mistyped, jane), 400, "not_a_ticket_number",
                    "'" + mistyped + "' is not a ticket number (a digit is wrong or missing)");
            String unknown = new TicketNumber(999_999).digits();
            assertError(get("/api/tickets/" + unknown, jane), 404, "no_such_ticket", "there is no ticket " + unknown);
        });
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aChangeIsRecordedUnderTheSignedInEngineersName(TestDatabase.Kind kind) throws Exception {
        serving(kind, desk -> {
            String[] jane = {"Authorization", "Bearer " + desk.jane()};

            HttpResponse<String> waiting = post("/api/tickets/" + desk.ticket() + "/status", "{\"status\": \"waiting\"}", jane);
            HttpResponse<String> severity = post("/api/tickets/" + desk.ticket() + "/severity", "{\"severity\": 1}", jane);

            assertThat(waiting.statusCode()).as(waiting.body()).isEqualTo(200);
            assertThat(JSON.readTree(waiting.body()).get("status").asText()).isEqualTo("waiting for customer");
            assertThat(severity.statusCode()).as(severity.body()).isEqualTo(200);
            JsonNode ticket = JSON.readTree(get("/api/tickets/" + desk.ticket(), jane).body());
            assertThat(ticket.get("severity").asInt()).isEqualTo(1);
            List<String> changes = new ArrayList<>();
            ticket.get("events").forEach(event -> {
                if (event.get("kind").asText().endsWith("_CHANGED")) {
                    changes.add(event.get("actor").asText() + " " + event.get("kind").asText() + " " + event.get("old").asText()
                            + " -> " + event.get("new").asText());
                }
            });
            assertThat(changes).containsExactly("jane.doe STATUS_CHANGED new -> waiting for customer",
                    "jane.doe SEVERITY_CHANGED 2 -> 1");
        });
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aChangeTheTicketDoesNotAllowIs409AndABadBodyIs400(TestDatabase.Kind kind) throws Exception {
        serving(kind, desk -> {
            String[] jane = {"Authorization", "Bearer " + desk.jane()};
            String status = "/api/tickets/" + desk.ticket() + "/status";
            String severity = "/api/tickets/" + desk.ticket() + "/severity";

            assertThat(post(status, "{\"status\": \"resolved\"}", jane).statusCode()).isEqualTo(200);

            assertError(post(status, "{\"status\": \"resolved\"}", jane), 409, "refused",
                    "ticket " + desk.ticket() + " is resolved already");
            assertError(post(status, "{\"status\": \"waiting\"}", jane), 409, "refused",
                    "ticket " + desk.ticket() + " is resolved: it cannot become waiting for customer");
            assertError(post(severity, "{\"severity\": 2}", jane), 409, "refused", "ticket " + desk.ticket() + " is severity 2 already");
            assertError(post(status, "{\"status\": \"sleeping\"}", jane), 400, "bad_request",
                    "status must be one of open, resolved, waiting, was 'sleeping'");
            assertError(post(status, "{\"state\": \"open\"}", jane), 400, "bad_request",
                    "the body has a key 'state' this request does not know");
            assertError(post(status, "", jane), 400, "bad_request", "the request has no body; it takes a JSON object");
            assertThat(post(status, "open", jane).statusCode()).isEqualTo(400);
            assertThat(post(severity, "{\"severity\": \"1\"}", jane).statusCode()).as("a number, not text").isEqualTo(400);
            assertError(post(severity, "{\"severity\": 5}", jane), 400, "bad_request", "severity must be a whole number from 1 to 4, was 5");
            assertError(post("/api/tickets/" + new TicketNumber(999_999) + "/severity", "{\"severity\": 1}", jane), 404,
                    "no_such_ticket", "there is no ticket " + new TicketNumber(999_999));
            JsonNode ticket = JSON.readTree(get("/api/tickets/" + desk.ticket(), jane).body());
            assertThat(ticket.get("status").asText()).as("nothing refused was changed").isEqualTo("resolved");
            assertThat(ticket.get("severity").asInt()).isEqualTo(2);
        });
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void theOpenApiDocumentIsOpenAndNamesEveryRoute(TestDatabase.Kind kind) throws Exception {
        serving(kind, desk -> {
            HttpResponse<String> document = get("/api/openapi.json");

            assertThat(document.statusCode()).isEqualTo(200);
            assertThat(document.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
            JsonNode openApi = JSON.readTree(document.body());
            assertThat(openApi.get("openapi").asText()).startsWith("3.");
            assertThat(openApi.get("info").get("version").asText()).doesNotContain("${");
            assertThat(openApi.get("paths").fieldNames()).toIterable().containsExactlyInAnyOrder("/api/openapi.json", "/api/tickets",
                    "/api/tickets/{number}", "/api/tickets/{number}/status", "/api/tickets/{number}/severity",
                    "/api/tickets/{number}/reply", "/api/tickets/{number}/assign", "/api/tickets/{number}/close",
                    "/api/tickets/{number}/escalate");
            assertThat(openApi.at("/components/securitySchemes/engineerToken/scheme").asText()).isEqualTo("bearer");
        });
    }

    @Test
    void whileTheDatabaseDoesNotAnswerARequestIs503AndTheLogNamesNoToken() throws Exception {
        try (DedicatedDatabase database = DedicatedDatabase.create(folder)) {
            Map<String, String> env = new HashMap<>(database.env());
            env.put("TICKETPOST_DB_TIMEOUT", "PT1S");
            env.put("TICKETPOST_STORAGE_DIR", folder.resolve("files").toString());
            env.put("TICKETPOST_MAIL_ADDRESS", "support@ticketpost.example");
            env.put("TICKETPOST_HTTP_PORT", Integer.toString(port));
            try (Application app = Application.configure(env, clock)) {
                app.serve();
                app.engineers().add(new Engineers.NewEngineer("jane.doe", "jane.doe@ticketpost.example", true));
                String token = app.engineers().newToken("jane.doe").token();
                assertThat(get("/api/tickets", "Authorization", "Bearer " + token).statusCode()).isEqualTo(200);

                database.refuseConnections();
                HttpResponse<String> down = get("/api/tickets", "Authorization", "Bearer " + token);
                database.allowConnections();

                assertError(down, 503, "unavailable", "the database is unavailable; nothing was changed, try again later");
                assertThat(log.messages()).anySatisfy(line -> assertThat(line).startsWith("GET /api/tickets not answered: "))
                        .noneSatisfy(line -> assertThat(line).contains(token));
            }
        }
    }

    private static List<String> numbers(HttpResponse<String> list) throws IOException {
        assertThat(list.statusCode()).as(list.uri() + " " + list.body()).isEqualTo(200);
        List<String> numbers = new ArrayList<>();
        JSON.readTree(list.body()).forEach(ticket -> numbers.add(ticket.get("number").asText()));
        return numbers;
    }

    private static void assertError(HttpResponse<String> response, int status, String error, String message) throws IOException {
        assertThat(response.statusCode()).as(response.uri() + " " + response.body()).isEqualTo(status);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("error").asText()).isEqualTo(error);
        assertThat(body.get("message").asText()).isEqualTo(message);
    }

    private HttpResponse<String> get(String path, String... headers) {
        return Http.send(request(path, headers).GET());
    }

    private HttpResponse<String> post(String path, String body, String... headers) {
        return Http.send(request(path, headers).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private HttpRequest.Builder request(String path, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(30));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return request;
    }

}
