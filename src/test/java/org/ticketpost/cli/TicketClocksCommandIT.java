package org.ticketpost.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.ticketpost.testing.Cli;
import org.ticketpost.testing.Mails;
import org.ticketpost.testing.TestApp;
import org.ticketpost.testing.TestClock;
import org.ticketpost.testing.TestDatabase;
import org.ticketpost.ticket.TicketNumber;

/** `tickets status`, `tickets severity` and the SLA clocks that `tickets list` and `tickets show` make visible. */
class TicketClocksCommandIT {

    private static final Instant OPENED = Instant.parse("2026-11-16T08:00:00Z");

    @TempDir
    Path folder;

    private final TestClock clock = new TestClock(OPENED);

    private static TicketNumber open(TestApp app, int severity, String subject) {
        return app.receive(Mails.load("intake/request.eml", Map.of("from", "jane@example.com", "fromName", "Jane Doe",
                "subject", subject, "messageId", UUID.randomUUID() + "@mail.example.com", "key", TestApp.KEY,
                "severity", Integer.toString(severity)))).ticket().orElseThrow();
    }

    private Cli.Run at(String afterOpening, Map<String, String> env, String... args) {
        clock.advance(Duration.between(clock.instant(), OPENED.plus(Duration.parse(afterOpening))));
        return Cli.run(env, clock, args);
    }

    private static String line(Cli.Run run, TicketNumber number) {
        return run.out().lines().filter(line -> line.contains(number.digits())).findFirst().orElseThrow();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void theListSortsByTheNearestDueClockAndMarksTheBreachedOnes(TestDatabase.Kind kind) throws Exception {
        TestApp.on(kind, folder, clock, (app, database) -> {
            TicketNumber outage = open(app, 1, "Outage");
            clock.advance(Duration.ofMinutes(5));
            TicketNumber severe = open(app, 2, "Severe");
            app.addEngineer("anna");
            Map<String, String> env = app.envAs("anna");

            Cli.Run waiting = at("PT10M", env, "tickets", "status", outage.digits(), "waiting");
            Cli.Run whileWaiting = at("PT2H", env, "tickets", "list");
            Cli.Run reopened = at("PT2H", env, "tickets", "status", outage.digits(), "open");
            Cli.Run dueSoon = at("PT2H", env, "tickets", "list", "--due-within", "1h");
            Cli.Run late = at("PT3H", env, "tickets", "list");
            Cli.Run breached = at("PT3H", env, "tickets", "list", "--breached");
            JsonNode json = new ObjectMapper().readTree(at("PT3H", env, "tickets", "list", "--json").out());

            assertThat(waiting.exitCode()).isZero();
            assertThat(waiting.out()).isEqualTo("ticket " + outage.digits() + ": waiting for customer, severity 1;"
                    + " next due: firstResponse 50m paused\n");
            assertThat(whileWaiting.out().lines().skip(1)).as("a waiting ticket has no clock running: it comes last")
                    .extracting(row -> row.substring(0, 6)).containsExactly(severe.digits(), outage.digits());
            assertThat(line(whileWaiting, severe)).contains("firstResponse 2h 05m");
            assertThat(line(whileWaiting, outage)).contains("firstResponse 50m paused");
            assertThat(reopened.out()).contains("next due: firstResponse 50m");
            assertThat(dueSoon.out().lines().skip(1)).extracting(row -> row.substring(0, 6)).containsExactly(outage.digits());
            assertThat(late.out().lines().skip(1)).extracting(row -> row.substring(0, 6))
                    .containsExactly(outage.digits(), severe.digits());
            assertThat(line(late, outage)).contains("firstResponse -10m BREACHED");
            assertThat(breached.out().lines().skip(1)).extracting(row -> row.substring(0, 6)).containsExactly(outage.digits());
            assertThat(json.get(0).get("due").get("name").asText()).isEqualTo("firstResponse");
            assertThat(json.get(0).get("due").get("state").asText()).isEqualTo("breached");
            assertThat(json.get(0).get("due").get("due").asText()).isEqualTo("2026-11-16T10:50:00Z");
            assertThat(json.get(0).get("due").get("remainingSeconds").asLong()).isEqualTo(-600);
            assertThat(json.get(1).get("due").get("remainingSeconds").asLong()).isEqualTo(Duration.ofMinutes(65).toSeconds());
        });
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void showListsEveryClockWithItsStateDueTimeAndWhatRemains(TestDatabase.Kind kind) throws Exception {
        TestApp.on(kind, folder, clock, (app, database) -> {
            TicketNumber number = open(app, 2, "Severe");
            app.addEngineer("anna");
            Map<String, String> env = app.envAs("anna");

            Cli.Run raised = at("PT30M", env, "tickets", "severity", number.digits(), "1");
            Cli.Run text = at("PT2H", env, "tickets", "show", number.digits());
            JsonNode json = new ObjectMapper().readTree(at("PT2H", env, "tickets", "show", number.digits(), "--json").out());
            at("PT2H", env, "tickets", "status", number.digits(), "waiting");
            JsonNode paused = new ObjectMapper().readTree(at("PT2H", env, "tickets", "show", number.digits(), "--json").out());

            assertThat(raised.exitCode()).isZero();
            assertThat(raised.out()).contains("severity 1; next due: firstResponse 30m");
            assertThat(text.out()).contains("SLA clocks (Europe/Berlin)")
                    .contains("firstResponse   breached  due 2026-11-16 10:00  1h 00m overdue")
                    .contains("resolution      running   due 2026-11-17 09:00  22h 00m left")
                    .contains("CLOCK_MOVED  2026-11-16T12:00:00Z -> 2026-11-16T09:00:00Z  (firstResponse, severity 2 -> 1)");
            assertThat(json.get("clocks")).extracting(clock -> clock.get("name").asText())
                    .containsExactly("firstResponse", "update", "resolution");
            assertThat(json.get("clocks").get(0).get("state").asText()).isEqualTo("breached");
            assertThat(json.get("clocks").get(0).get("due").asText()).isEqualTo("2026-11-16T09:00:00Z");
            assertThat(json.get("clocks").get(0).get("remainingSeconds").asLong()).isEqualTo(-3600);
            assertThat(json.get("clocks").get(2).get("state").asText()).isEqualTo("running");
            assertThat(json.get("clocks").get(2).get("remainingSeconds").asLong()).isEqualTo(Duration.ofHours(22).toSeconds());
            assertThat(paused.get("clocks").get(2).get("state").asText()).isEqualTo("paused");
            assertThat(paused.get("clocks").get(2).get("due").isNull()).isTrue();
            assertThat(paused.get("clocks").get(2).get("remainingSeconds").asLong()).isEqualTo(Duration.ofHours(22).toSeconds());
        });
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void impossibleChangesAndMistypedNumbersAreRefusedWithANonZeroExit(TestDatabase.Kind kind) throws Exception {
        TestApp.on(kind, folder, clock, (app, database) -> {
            TicketNumber number = open(app, 1, "Outage");
            app.addEngineer("anna");
            Map<String, String> env = app.envAs("anna");
            String digits = number.digits();
            String mistyped = digits.substring(0, 5) + (char) ('0' + (digits.charAt(5) - '0' + 1) % 10);

            Cli.Run resolved = at("PT1M", env, "tickets", "status", digits, "resolved");
            Cli.Run toWaiting = at("PT2M", env, "tickets", "status", digits, "waiting");
            Cli.Run again = at("PT2M", env, "tickets", "status", digits, "resolved");
            Cli.Run sameSeverity = at("PT2M", env, "tickets", "severity", digits, "1");
            Cli.Run wrongNumber = at("PT2M", env, "tickets", "status", mistyped, "open");
            Cli.Run unknownStatus = at("PT2M", env, "tickets", "status", digits, "closed");
            Cli.Run wrongSeverity = at("PT2M", env, "tickets", "severity", digits, "5");

            assertThat(resolved.exitCode()).isZero();
            assertThat(toWaiting.exitCode()).isEqualTo(1);
            assertThat(toWaiting.err()).endsWith("ticketpost tickets status: ticket " + digits
                    + " is resolved: it cannot become waiting for customer\n");
            assertThat(again.exitCode()).isEqualTo(1);
            assertThat(again.err()).contains("ticket " + digits + " is resolved already");
            assertThat(sameSeverity.exitCode()).isEqualTo(1);
            assertThat(sameSeverity.err()).contains("ticket " + digits + " is severity 1 already");
            assertThat(wrongNumber.exitCode()).isEqualTo(1);
            assertThat(wrongNumber.err()).contains(mistyped + " is not a ticket number");
            assertThat(unknownStatus.exitCode()).isEqualTo(64);
            assertThat(unknownStatus.err()).startsWith("STATUS must be one of open, resolved, waiting, was 'closed'");
            assertThat(wrongSeverity.exitCode()).isEqualTo(64);
            assertThat(wrongSeverity.err()).startsWith("SEVERITY must be a whole number from 1 to 4, was '5'");
        });
    }
}
