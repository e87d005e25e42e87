package org.ticketpost.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.io.ByteArrayInputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.ticketpost.Application;
import org.ticketpost.desk.KeyRegistry;
import org.ticketpost.desk.Refused;
import org.ticketpost.intake.Delivery;
import org.ticketpost.testing.Http;
import org.ticketpost.testing.Jar;
import org.ticketpost.testing.Mails;
import org.ticketpost.testing.Ports;
import org.ticketpost.testing.TestApp;
import org.ticketpost.testing.TestDatabase;

/**
 * GET /health and GET /metrics of a Ticketpost that serves, over real HTTP, with real faults: a
 * PostgreSQL database that stops taking connections, a mail server nobody listens for.
 */
class OperatorViewIT {

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path folder;

    private final int port = Ports.free();

    @Test
    void healthIsReadyWhenTheDatabaseAndTheMailServerAre() throws Exception {
        try (TestDatabase database = TestDatabase.create(TestDatabase.Kind.H2, folder);
                Application app = serve(database, Map.of("TICKETPOST_SMTP_URL", smtpUrl(SMTP.getSmtp().getPort())))) {

            HttpResponse<String> health = Http.get(port, "/health");

            assertThat(health.statusCode()).as(health.body()).isEqualTo(200);
            assertThat(health.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
            JsonNode body = JSON.readTree(health.body());
            assertThat(body.get("status").asText()).isEqualTo("ready");
            assertThat(body.get("ready").asBoolean()).isTrue();
            assertThat(part(body, "database").get("status").asText()).isEqualTo("up");
            assertThat(part(body, "database").get("detail").asText()).startsWith("jdbc:h2:file:");
            assertThat(part(body, "smtp").get("detail").asText())
                    .isEqualTo("smtp://127.0.0.1:" + SMTP.getSmtp().getPort() + " (unencrypted): no mail sent yet");
            assertThat(Http.get(port, "/health/live").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void aDatabaseThatStopsTakingConnectionsMakesHealth503NamingIt() throws Exception {
        String name = "tp_health_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toLowerCase(Locale.ROOT);
        TestDatabase.create(TestDatabase.Kind.POSTGRESQL, folder).close();   // skipped visibly where no PostgreSQL answers
        postgres("CREATE DATABASE " + name);
        try {
            Map<String, String> env = new HashMap<>();
            env.put("TICKETPOST_DB_URL", TestDatabase.POSTGRES.replaceFirst("/[^/]*$", "/" + name));
            env.put("TICKETPOST_DB_USER", "postgres");
            env.put("TICKETPOST_DB_TIMEOUT", "PT1S");
            try (Application app = serve(env)) {
                assertThat(Http.get(port, "/health").statusCode()).isEqualTo(200);

                postgres("ALTER DATABASE " + name + " ALLOW_CONNECTIONS false");
                postgres("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + name + "'");

                HttpResponse<String> health = awaitHealth(response -> response.statusCode() == 503
                        && response.body().contains("not currently accepting connections"));
                JsonNode body = JSON.readTree(health.body());
                assertThat(body.get("status").asText()).isEqualTo("not ready");
                assertThat(part(body, "database").get("status").asText()).isEqualTo("down");
                assertThat(part(body, "database").get("detail").asText())
                        .startsWith("database jdbc:postgresql://127.0.0.1:5432/" + name + " is not available: ");
                assertThat(Http.get(port, "/health/live").statusCode()).as("alive all the same").isEqualTo(200);
                assertThat(Http.get(port, "/metrics").body()).as("no figure rather than a stale one")
                        .contains("ticketpost_outbox_waiting NaN");
            }
        } finally {
            postgres("DROP DATABASE " + name + " WITH (FORCE)");
        }
    }

    @Test
    void aMailServerThatCannotBeReachedMakesHealth503NamingItAndIsCounted() throws Exception {
        int closed = Ports.free();   // nobody listens there: each connection is refused
        try (TestDatabase database = TestDatabase.create(TestDatabase.Kind.H2, folder);
                Application app = serve(database, Map.of("TICKETPOST_SMTP_URL", smtpUrl(closed)))) {
            addKey(app);

            deliver(app, request("unreachable-1@mail.example.com", TestApp.KEY));

            HttpResponse<String> health = awaitHealth(response -> response.statusCode() == 503);
            JsonNode smtp = part(JSON.readTree(health.body()), "smtp");
            assertThat(smtp.get("status").asText()).isEqualTo("down");
            assertThat(smtp.get("detail").asText()).startsWith("smtp://127.0.0.1:" + closed + " (unencrypted): did not take a mail at ")
                    .endsWith("Connection refused");
            assertThat(part(JSON.readTree(health.body()), "database").get("status").asText()).isEqualTo("up");
            assertThat(Http.get(port, "/metrics").body())
                    .contains("ticketpost_outbox_send_failures_total{result=\"deferred\"} 1.0")
                    .contains("ticketpost_outbox_sent_total 0.0");
        }
    }

    @Test
    void metricsCountTheMailsByOutcomeAndTheRepliesWaiting() throws Exception {
        try (TestDatabase database = TestDatabase.create(TestDatabase.Kind.H2, folder);
                Application app = serve(database, Map.of())) {
            addKey(app);

            deliver(app, request("metrics-1@mail.example.com", TestApp.KEY));
            deliver(app, request("metrics-1@mail.example.com", TestApp.KEY));
            deliver(app, request("metrics-2@mail.example.com", "OXSK-AAAA-BBBB-CCCC"));
            deliver(app, Mails.load("intake/auto-reply.eml"));
            deliver(app, "");

            HttpResponse<String> metrics = Http.get(port, "/metrics");
            assertThat(metrics.statusCode()).isEqualTo(200);
            assertThat(metrics.headers().firstValue("Content-Type")).hasValue("text/plain; version=0.0.4; charset=utf-8");
            assertThat(metrics.body().lines()).contains(
                    "ticketpost_mails_total{outcome=\"ticket\"} 1.0",
                    "ticketpost_mails_total{outcome=\"duplicate\"} 1.0",
                    "ticketpost_mails_total{outcome=\"rejected\"} 1.0",
                    "ticketpost_mails_total{outcome=\"ignored\"} 1.0",
                    "ticketpost_mails_total{outcome=\"not_a_mail\"} 1.0",
                    "ticketpost_intake_seconds_count 5",
                    "ticketpost_outbox_waiting 2.0");   // the confirmation and the rejection: no smtp.url
            assertThat(metrics.body()).containsPattern("ticketpost_outbox_oldest_age_seconds \\d+\\.\\d+")
                    .contains("ticketpost_intake_seconds_bucket{le=\"+Inf\"} 5", "jvm_memory_used_bytes");
        }
    }

    @Test
    void aTakenPortStopsServeWithExitCode75NamingTheHttpServer() throws Exception {
        try (TestDatabase database = TestDatabase.create(TestDatabase.Kind.H2, folder);
                ServerSocket taken = new ServerSocket(port, 1, InetAddress.getByName("127.0.0.1"))) {
            Map<String, String> env = env(database.env(), Map.of());

            Jar.Run serve = Jar.run(env, null, "serve");   // in a process of its own: were the port not refused, it would serve on

            assertThat(serve.exitCode()).as(serve.err()).isEqualTo(75);
            assertThat(serve.err()).contains("ticketpost serve: HTTP server on http://127.0.0.1:" + port
                    + " (/health, /metrics, /api) did not start: ")
                    .as("the part started before it is stopped again").contains("stopped database jdbc:h2:file:");
        }
    }

    private Application serve(TestDatabase database, Map<String, String> settings) {
        return serve(env(database.env(), settings));
    }

    private Application serve(Map<String, String> env) {
        Application app = Application.configure(env(env, Map.of()), Clock.systemUTC());
        try {
            app.serve();
        } catch (RuntimeException e) {
            app.close();
            throw e;
        }
        return app;
    }

    private Map<String, String> env(Map<String, String> database, Map<String, String> settings) {
        Map<String, String> env = new HashMap<>(database);
        env.putIfAbsent("TICKETPOST_STORAGE_DIR", folder.resolve("files").toString());
        env.putIfAbsent("TICKETPOST_MAIL_ADDRESS", "support@ticketpost.example");
        env.putIfAbsent("TICKETPOST_HTTP_PORT", Integer.toString(port));
        env.putAll(settings);
        return env;
    }

    private static String smtpUrl(int port) {
        return "smtp://127.0.0.1:" + port + "?starttls=off";
    }

    private static void addKey(Application app) throws Refused {
        app.keys().add(new KeyRegistry.NewKey(TestApp.KEY, TestApp.CUSTOMER, "advanced", List.of("example.com"), Optional.empty()));
    }

    private static String request(String messageId, String key) {
        return Mails.load("intake/request.eml", Map.of("from", "jane@example.com", "fromName", "Jane Doe",
                "subject", "Calendar", "messageId", messageId, "key", key, "severity", "2"));
    }

    private static Delivery deliver(Application app, String mail) {
        return app.reception().deliver(new ByteArrayInputStream(mail.getBytes(StandardCharsets.UTF_8)));
    }

    private static JsonNode part(JsonNode health, String name) {
        for (JsonNode part : health.get("parts")) {
            if (part.get("name").asText().equals(name)) {
                return part;
            }
        }
        throw new AssertionError("no part " + name + " in " + health);
    }

    private HttpResponse<String> awaitHealth(Predicate<HttpResponse<String>> wanted) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        HttpResponse<String> health = Http.get(port, "/health");
        while (!wanted.test(health)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within 30 s: " + health.statusCode() + " " + health.body());
            }
            Thread.sleep(100);
            health = Http.get(port, "/health");
        }
        return health;
    }

    private static void postgres(String statement) {
        try (Connection connection = DriverManager.getConnection(TestDatabase.POSTGRES, "postgres", "");
                Statement sql = connection.createStatement()) {
            sql.execute(statement);
        } catch (SQLException e) {
            throw new IllegalStateException(statement + ": " + e.getMessage(), e);
        }
    }
}
