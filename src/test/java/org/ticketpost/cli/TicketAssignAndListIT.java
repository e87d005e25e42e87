package org.ticketpost.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.ticketpost.testing.Cli;
import org.ticketpost.testing.TestApp;
import org.ticketpost.testing.TestClock;
import org.ticketpost.testing.TestDatabase;
import org.ticketpost.ticket.TicketNumber;

/**
 * `tickets assign`, `tickets close` and what `tickets list` and `show` make of them: the list
 * filters by status, product, component, assignee and escalation, and shows the escalated
 * tickets first, then the nearest due.
 */
class TicketAssignAndListIT {

    @TempDir
    Path folder;

    private final TestClock clock = TestClock.at("2026-11-16T08:00:00Z");

    private Cli.Run run(TestApp app, String... args) {
        return Cli.run(TicketEscalationIT.asActor(app), clock, args);
    }

    private static List<String> numbers(Cli.Run list) throws Exception {
        assertThat(list.exitCode()).as(list.err()).isZero();
        return new ObjectMapper().readTree(list.out()).findValuesAsText("number");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void assignsClosesAndListsTheEscalatedFirstWithEachFilter(TestDatabase.Kind kind) throws Exception {
        try (TestDatabase database = TestDatabase.create(kind, folder);
                TestApp app = TestApp.start(database, folder, clock, TicketEscalationIT.SLA_NOTIFY)) {
            app.addKey();
            TicketEscalationIT.engineers(app);
            TicketNumber partial = TicketEscalationIT.open(app, "Partial", 3);   // first response in a business day
            TicketNumber outage = TicketEscalationIT.open(app, "Outage", 1);     // in an hour
            TicketNumber disruption = TicketEscalationIT.open(app, "Disruption", 2);   // in four hours
            TicketNumber done = TicketEscalationIT.open(app, "Done", 2);
            clock.advance(Duration.ofMinutes(5));

            List<String> before = numbers(run(app, "tickets", "list", "--json"));
            Cli.Run assigned = run(app, "tickets", "assign", partial.digits(), "Bob");
            Cli.Run sameAgain = run(app, "tickets", "assign", partial.digits(), "bob");
            Cli.Run unknown = run(app, "tickets", "assign", partial.digits(), "zed");
            Cli.Run disabled = run(app, "tickets", "assign", partial.digits(), "carol");
            Cli.Run escalated = run(app, "tickets", "escalate", disruption.digits(), "--phone", "--caller", "Jane", "--note", "down");
            Cli.Run resolved = run(app, "tickets", "status", done.digits(), "resolved");
            Cli.Run closed = run(app, "tickets", "close", done.digits());
            Cli.Run closedAgain = run(app, "tickets", "close", done.digits());
            Cli.Run assignClosed = run(app, "tickets", "assign", done.digits(), "jane");

            assertThat(before).as("the nearest due first, then the newest").containsExactly(outage.digits(), done.digits(),
                    disruption.digits(), partial.digits());
            assertThat(assigned.exitCode()).as(assigned.err()).isZero();
            assertThat(assigned.out()).isEqualTo("ticket " + partial + " is assigned to bob\n");
            assertThat(sameAgain.exitCode()).isEqualTo(1);
            assertThat(sameAgain.err()).contains("ticket " + partial + " is assigned to bob already");
            assertThat(unknown.exitCode()).isEqualTo(1);
            assertThat(unknown.err()).contains("there is no engineer zed");
            assertThat(disabled.exitCode()).isEqualTo(1);
            assertThat(disabled.err()).contains("ticket " + partial + " cannot go to carol: engineer carol is disabled");
            assertThat(escalated.exitCode()).as(escalated.err()).isZero();
            assertThat(resolved.exitCode()).as(resolved.err()).isZero();
            assertThat(closed.exitCode()).as(closed.err()).isZero();
            assertThat(closed.out()).startsWith("ticket " + done + ": closed, severity 2;");
            assertThat(closedAgain.exitCode()).isEqualTo(1);
            assertThat(closedAgain.err()).contains("ticket " + done + " is closed already");
            assertThat(assignClosed.exitCode()).isEqualTo(1);
            assertThat(assignClosed.err()).contains("ticket " + done + " is closed: it stays with nobody");

            assertThat(numbers(run(app, "tickets", "list", "--json"))).as("escalated first, then the nearest due; closed left out")
                    .containsExactly(disruption.digits(), outage.digits(), partial.digits());
            assertThat(numbers(run(app, "tickets", "list", "--json", "--escalated"))).containsExactly(disruption.digits());
            assertThat(numbers(run(app, "tickets", "list", "--json", "--assignee", "BOB"))).containsExactly(partial.digits());
            assertThat(numbers(run(app, "tickets", "list", "--json", "--assignee", "jane"))).isEmpty();
            assertThat(numbers(run(app, "tickets", "list", "--json", "--status", "closed"))).containsExactly(done.digits());
            assertThat(numbers(run(app, "tickets", "list", "--json", "--status", "all")))
                    .containsExactly(disruption.digits(), outage.digits(), partial.digits(), done.digits());
            assertThat(numbers(run(app, "tickets", "list", "--json", "--product", "oxappsuite", "--component", "GROUPWARE server",
                    "--severity", "3"))).containsExactly(partial.digits());
            assertThat(numbers(run(app, "tickets", "list", "--json", "--product", "OX5"))).isEmpty();
            assertThat(numbers(run(app, "tickets", "list", "--json", "--component", "Admin GUI"))).isEmpty();
            Cli.Run wrongStatus = run(app, "tickets", "list", "--status", "pending");
            assertThat(wrongStatus.exitCode()).isEqualTo(64);
            assertThat(wrongStatus.err()).contains("--status must be new, open, waiting, resolved, closed or all, was 'pending'");

            JsonNode listed = new ObjectMapper().readTree(run(app, "tickets", "list", "--json").out());
            assertThat(listed.get(0).get("escalated").asText()).isEqualTo("2026-11-16T08:05:00Z");
            assertThat(listed.get(0).get("assignee").isNull()).isTrue();
            assertThat(listed.get(2).get("assignee").asText()).isEqualTo("bob");
            assertThat(listed.get(2).get("escalated").isNull()).isTrue();
            List<String> table = run(app, "tickets", "list").out().lines().toList();
            assertThat(table.get(0)).contains("ESC", "ASSIGNEE");
            assertThat(table.get(1)).startsWith(disruption.digits()).contains(" !! ");
            assertThat(table.get(3)).startsWith(partial.digits()).contains(" bob ").doesNotContain("!!");

            JsonNode shown = new ObjectMapper().readTree(run(app, "tickets", "show", disruption.digits(), "--json").out());
            assertThat(shown.get("escalated").asText()).isEqualTo("2026-11-16T08:05:00Z");
            assertThat(shown.get("assignee").isNull()).isTrue();
            assertThat(shown.get("events")).extracting(event -> event.get("kind").asText()).contains("ESCALATED");
            assertThat(run(app, "tickets", "show", disruption.digits()).out())
                    .containsPattern("(?m)^  Escalated +2026-11-16 09:05 by " + TicketEscalationIT.ACTOR + ": phone call from Jane$")
                    .containsPattern("(?m)^  Assignee +nobody yet$");
            assertThat(run(app, "tickets", "show", partial.digits()).out())
                    .containsPattern("(?m)^  Assignee +bob$").containsPattern("(?m)^  Escalated +no$");
            assertThat(database.rows("SELECT e.kind, e.actor, e.old_value, e.new_value FROM ticket_event e JOIN ticket t"
                    + " ON t.id = e.ticket_id WHERE t.number = '" + done.digits() + "' AND e.kind = 'STATUS_CHANGED' ORDER BY e.id"))
                    .containsExactly(List.of("STATUS_CHANGED", TicketEscalationIT.ACTOR, "new", "resolved"),
                            List.of("STATUS_CHANGED", TicketEscalationIT.ACTOR, "resolved", "closed"));
            assertThat(database.rows("SELECT e.actor, e.old_value, e.new_value FROM ticket_event e JOIN ticket t"
                    + " ON t.id = e.ticket_id WHERE e.kind = 'ASSIGNED'"))
                    .containsExactly(Arrays.asList(TicketEscalationIT.ACTOR, null, "bob"));
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void reassigningNamesTheFormerAndTheNewEngineer(TestDatabase.Kind kind) throws Exception {
        try (TestDatabase database = TestDatabase.create(kind, folder);
                TestApp app = TestApp.start(database, folder, clock, Map.of())) {
            app.addKey();
            TicketEscalationIT.engineers(app);
            TicketNumber ticket = TicketEscalationIT.open(app, "Outage", 1);

            app.application().ticketActions().assign(ticket.digits(), "bob", "max");
            app.application().ticketActions().assign(ticket.digits(), "JANE", "bob");

            assertThat(database.rows("SELECT e.actor, e.old_value, e.new_value FROM ticket_event e WHERE e.kind = 'ASSIGNED'"
                    + " ORDER BY e.id")).containsExactly(Arrays.asList("max", null, "bob"), List.of("bob", "bob", "jane"));
            assertThat(database.rows("SELECT e.name FROM ticket t JOIN engineer e ON e.id = t.assignee_id"))
                    .containsExactly(List.of("jane"));
        }
    }
}
