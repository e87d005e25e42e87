package org.ticketpost.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.ticketpost.desk.Engineers;
import org.ticketpost.desk.TicketActions;
import org.ticketpost.testing.Mails;
import org.ticketpost.testing.TestApp;
import org.ticketpost.testing.TestClock;
import org.ticketpost.testing.TestDatabase;
import org.ticketpost.ticket.TicketNumber;

/**
 * The SLA scheduler's passes on a real database with the advanced plan's 24x7 targets: each
 * warning and breach goes on the ticket's history and into the outbox for sla.notify once,
 * however often and by how many services it looks.
 */
class SlaAlertsIT {

    private static final Instant OPENED = Instant.parse("2026-11-16T08:00:00Z");
    private static final Map<String, String> ON_CALL = Map.of("TICKETPOST_SLA_NOTIFY", "oncall@ops.example, lead@ops.example");

    @TempDir
    Path folder;

    private final TestClock clock = new TestClock(OPENED);

    private static TicketNumber open(TestApp app, int severity) {
        return app.receive(Mails.load("intake/request.eml", Map.of("from", "jane@example.com", "fromName", "Jane Doe",
                "subject", "Calendar", "messageId", UUID.randomUUID() + "@mail.example.com", "key", TestApp.KEY,
                "severity", Integer.toString(severity)))).ticket().orElseThrow();
    }

    private void advanceTo(String afterOpening) {
        clock.advance(Duration.between(clock.instant(), OPENED.plus(Duration.parse(afterOpening))));
    }

    private static List<List<String>> alertEvents(TestDatabase database) {
        return database.rows("SELECT t.number, e.kind, e.note FROM ticket_event e JOIN ticket t ON t.id = e.ticket_id"
                + " WHERE e.kind LIKE 'SLA_%' ORDER BY e.at, t.number, e.note");
    }

    private static List<List<String>> alertMails(TestDatabase database) {
        return database.rows("SELECT o.kind, o.recipient, m.subject FROM outbox o JOIN message m ON m.id = o.message_id"
                + " WHERE o.kind LIKE 'sla-%' ORDER BY o.created_at, o.recipient");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aWarningThenABreachAreRecordedAndMailedOnceEachAndARestartSendsNoSecond(TestDatabase.Kind kind) throws Exception {
        try (TestDatabase database = TestDatabase.create(kind, folder)) {
            TicketNumber ticket;
            try (TestApp app = TestApp.start(database, folder, clock, ON_CALL)) {
                app.addKey();
                ticket = open(app, 2);   // first response 4 h, warned at 75%: 3 h
                advanceTo("PT2H59M");
                assertThat(app.application().slaAlerts().recordDue().alerts()).isZero();
                advanceTo("PT3H");
                assertThat(app.application().slaAlerts().recordDue()).isEqualTo(new SlaAlerts.Pass(1, 2));
                assertThat(app.application().slaAlerts().recordDue().alerts()).as("a second look at the same time").isZero();
                advanceTo("PT4H");
            }
            try (TestApp restarted = TestApp.start(database, folder, clock, ON_CALL)) {
                assertThat(restarted.application().slaAlerts().recordDue()).isEqualTo(new SlaAlerts.Pass(1, 2));
            }
            try (TestApp restarted = TestApp.start(database, folder, clock, ON_CALL)) {
                assertThat(restarted.application().slaAlerts().recordDue().alerts()).isZero();
            }

            assertThat(alertEvents(database)).containsExactly(
                    List.of(ticket.digits(), "SLA_WARNING", "first response due in 1 h (75% used)"),
                    List.of(ticket.digits(), "SLA_BREACHED", "first response overdue since 2026-11-16T12:00:00Z"));
            String subject = ": first response of [Ticket#" + ticket.digits() + "] Severity 2, " + TestApp.CUSTOMER + ": Calendar";
            assertThat(alertMails(database)).containsExactly(
                    List.of("sla-warning", "lead@ops.example", "SLA warning" + subject),
                    List.of("sla-warning", "oncall@ops.example", "SLA warning" + subject),
                    List.of("sla-breach", "lead@ops.example", "SLA breached" + subject),
                    List.of("sla-breach", "oncall@ops.example", "SLA breached" + subject));
            assertThat(database.rows("SELECT body FROM message WHERE subject LIKE 'SLA warning%' FETCH FIRST 1 ROWS ONLY")
                    .get(0).get(0))
                    .as("the due time in time.zone, Europe/Berlin by default")
                    .contains("due by 2026-11-16 13:00 CET, in 1 h (75% of its time used).\n\n  Ticket:    " + ticket.digits())
                    .contains("  Due:       2026-11-16 13:00 CET\n\nThis mail");
        }
    }

    @Test
    void withTheSettingLanguageGermanTheOnCallMailsAreWrittenInGerman() throws Exception {
        Map<String, String> german = Map.of("TICKETPOST_SLA_NOTIFY", "oncall@ops.example", "TICKETPOST_LANGUAGE", "de");
        try (TestDatabase database = TestDatabase.create(TestDatabase.Kind.H2, folder);
                TestApp app = TestApp.start(database, folder, clock, german)) {
            app.addKey();
            TicketNumber ticket = open(app, 2);
            advanceTo("PT3H");

            assertThat(app.application().slaAlerts().recordDue()).isEqualTo(new SlaAlerts.Pass(1, 1));

            assertThat(alertMails(database)).containsExactly(List.of("sla-warning", "oncall@ops.example",
                    "SLA-Warnung: Erstreaktion zu [Ticket#" + ticket.digits() + "] Schweregrad 2, " + TestApp.CUSTOMER
                            + ": Calendar"));
            assertThat(database.rows("SELECT body, language FROM message WHERE subject LIKE 'SLA-Warnung%'").get(0))
                    .containsExactly("Die Frist für die Erstreaktion dieses Tickets läuft bis 2026-11-16 13:00 MEZ, noch 1 h"
                            + " (75 % ihrer Zeit verbraucht).\n\n  Ticket:       " + ticket.digits()
                            + "\n  Schweregrad:  2\n  Kunde:        " + TestApp.CUSTOMER + "\n  Betreff:      Calendar"
                            + "\n  Frist:        Erstreaktion\n  Fällig:       2026-11-16 13:00 MEZ"
                            + "\n\nDiese Mail hat Ticketpost automatisch an die Bereitschaft gesendet (sla.notify).\n", "de");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void anOutagesUpdateWarningRemindsBeforeTheUpdateFallsDueAndAnAnswerStartsItAgain(TestDatabase.Kind kind) throws Exception {
        try (TestDatabase database = TestDatabase.create(kind, folder);
                TestApp app = TestApp.start(database, folder, clock, ON_CALL)) {
            app.addKey();
            app.addEngineer("engineer");
            TicketNumber outage = open(app, 1);   // first response and updates every hour, warned at 45 minutes
            app.application().ticketActions().customerAnswered(outage.digits(), "engineer");
            advanceTo("PT45M");
            app.application().slaAlerts().recordDue();
            app.application().ticketActions().customerAnswered(outage.digits(), "engineer");   // the update went out
            advanceTo("PT1H30M");
            app.application().slaAlerts().recordDue();
            advanceTo("PT1H45M");
            app.application().slaAlerts().recordDue();
            advanceTo("PT2H");
            app.application().slaAlerts().recordDue();

            assertThat(alertEvents(database)).containsExactly(
                    List.of(outage.digits(), "SLA_WARNING", "update due in 15 min (75% used)"),
                    List.of(outage.digits(), "SLA_WARNING", "update due in 15 min (75% used)"),
                    List.of(outage.digits(), "SLA_BREACHED", "update overdue since 2026-11-16T09:45:00Z"));
            assertThat(alertMails(database)).extracting(row -> row.get(2).substring(0, row.get(2).indexOf(':')))
                    .containsExactly("Update due", "Update due", "Update due", "Update due", "SLA breached", "SLA breached");
        }
    }

    /**
     * Two outages, both answered at once: the one assigned to bob reminds bob alone before each
     * update falls due, the unassigned one the engineers on call (jane, not bob, and sla.notify).
     * bob's update in time means no breach and the next reminder an interval after it; the
     * missed one is a breach, recorded once and mailed to those on call, not to the assignee.
     */
    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void anOutagesUpdateReminderGoesToItsAssigneeOrElseToThoseOnCallAndAMissedUpdateIsABreach(TestDatabase.Kind kind)
            throws Exception {
        try (TestDatabase database = TestDatabase.create(kind, folder);
                TestApp app = TestApp.start(database, folder, clock, Map.of("TICKETPOST_SLA_NOTIFY", "lead@ops.example"))) {
            app.addKey();
            app.application().engineers().add(new Engineers.NewEngineer("jane", "jane@ops.example", true));
            app.application().engineers().add(new Engineers.NewEngineer("bob", "bob@ops.example", false));
            TicketNumber assigned = open(app, 1);   // updates every hour, reminded at 45 minutes
            TicketNumber unassigned = open(app, 1);
            TicketActions actions = app.application().ticketActions();
            actions.assign(assigned.digits(), "bob", "jane");
            actions.answer(assigned.digits(), "bob", "We are on it.");
            actions.answer(unassigned.digits(), "jane", "We are on it.");

            advanceTo("PT44M");
            assertThat(app.application().slaAlerts().recordDue().alerts()).isZero();
            advanceTo("PT45M");
            assertThat(app.application().slaAlerts().recordDue()).as("bob once, jane and lead once")
                    .isEqualTo(new SlaAlerts.Pass(2, 3));
            advanceTo("PT50M");
            actions.answer(assigned.digits(), "bob", "The database is back; logins follow.");   // the update, in time
            advanceTo("PT1H");
            assertThat(app.application().slaAlerts().recordDue()).as("the missed update").isEqualTo(new SlaAlerts.Pass(1, 2));
            assertThat(app.application().slaAlerts().recordDue().alerts()).as("a second look at the same time").isZero();
            advanceTo("PT1H34M");
            assertThat(app.application().slaAlerts().recordDue().alerts()).isZero();
            advanceTo("PT1H35M");
            assertThat(app.application().slaAlerts().recordDue()).as("an interval after bob's update").isEqualTo(
                    new SlaAlerts.Pass(1, 1));

            assertThat(alertEvents(database)).containsExactly(
                    List.of(assigned.digits(), "SLA_WARNING", "update due in 15 min (75% used)"),
                    List.of(unassigned.digits(), "SLA_WARNING", "update due in 15 min (75% used)"),
                    List.of(unassigned.digits(), "SLA_BREACHED", "update overdue since 2026-11-16T09:00:00Z"),
                    List.of(assigned.digits(), "SLA_WARNING", "update due in 15 min (75% used)"));
            assertThat(database.rows("SELECT t.number, o.kind, o.recipient FROM outbox o JOIN message m ON m.id = o.message_id"
                    + " JOIN ticket t ON m.subject LIKE '%' || t.number || ']%' WHERE o.kind LIKE 'sla-%'"
                    + " ORDER BY o.created_at, t.number, o.recipient")).containsExactly(
                    List.of(assigned.digits(), "sla-warning", "bob@ops.example"),
                    List.of(unassigned.digits(), "sla-warning", "jane@ops.example"),
                    List.of(unassigned.digits(), "sla-warning", "lead@ops.example"),
                    List.of(unassigned.digits(), "sla-breach", "jane@ops.example"),
                    List.of(unassigned.digits(), "sla-breach", "lead@ops.example"),
                    List.of(assigned.digits(), "sla-warning", "bob@ops.example"));
            assertThat(database.rows("SELECT m.body FROM outbox o JOIN message m ON m.id = o.message_id"
                    + " WHERE o.recipient = 'bob@ops.example' AND o.kind = 'sla-warning'")).hasSize(2)
                    .allSatisfy(row -> assertThat(row.get(0)).startsWith("The customer is due the next update on this ticket")
                            .endsWith("sent automatically by Ticketpost to the engineer the ticket is assigned to.\n"));
        }
    }

    @Test
    void twoSchedulersOnOneDatabaseNotifyEachBreachOnce() throws Exception {
        try (TestDatabase database = TestDatabase.create(TestDatabase.Kind.POSTGRESQL, folder);
                TestApp first = TestApp.start(database, folder, clock, ON_CALL);
                TestApp second = TestApp.start(database, folder, clock, ON_CALL)) {
            first.addKey();
            int tickets = 50;
            for (int i = 0; i < tickets; i++) {
                open(first, 1);   // three clocks each
            }
            advanceTo("P2D");   // all run out: one breach each

            ExecutorService schedulers = Executors.newFixedThreadPool(2);
            try {
                List<Future<Integer>> passes = new ArrayList<>();
                for (int round = 0; round < 3; round++) {
                    passes.add(schedulers.submit(() -> first.application().slaAlerts().recordDue().alerts()));
                    passes.add(schedulers.submit(() -> second.application().slaAlerts().recordDue().alerts()));
                }
                int recorded = 0;
                for (Future<Integer> pass : passes) {
                    recorded += pass.get();
                }
                assertThat(recorded).isEqualTo(3 * tickets);
            } finally {
                schedulers.shutdown();
            }

            assertThat(database.count("SELECT COUNT(*) FROM ticket_event WHERE kind = 'SLA_BREACHED'")).isEqualTo(3 * tickets);
            assertThat(database.count("SELECT COUNT(DISTINCT m.subject || o.recipient) FROM outbox o JOIN message m"
                    + " ON m.id = o.message_id WHERE o.kind = 'sla-breach'")).isEqualTo(2 * 3 * tickets);
            assertThat(database.count("SELECT COUNT(*) FROM outbox WHERE kind LIKE 'sla-%'")).as("no mail twice")
                    .isEqualTo(2 * 3 * tickets);
        }
    }
}
