package org.ticketpost.desk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.ticketpost.testing.Mails;
import org.ticketpost.testing.TestApp;
import org.ticketpost.testing.TestClock;
import org.ticketpost.testing.TestDatabase;
import org.ticketpost.ticket.ClockName;
import org.ticketpost.ticket.EventKind;
import org.ticketpost.ticket.Status;
import org.ticketpost.ticket.TicketNumber;

/** The SLA clocks through the doors' own calls, stored and read back on a real database; the advanced plan's 24x7 targets. */
class SlaClocksIT {

    private static final Instant OPENED = Instant.parse("2026-11-16T08:00:00Z");

    @TempDir
    Path folder;

    private final TestClock clock = new TestClock(OPENED);

    private void on(TestDatabase.Kind kind, TestApp.Scenario scenario) throws Exception {
        TestApp.on(kind, folder, clock, (app, database) -> {
            app.addEngineer("anna");
            scenario.run(app, database);
        });
    }

    private static TicketNumber open(TestApp app, int severity) {
        return app.receive(Mails.load("intake/request.eml", Map.of("from", "jane@example.com", "fromName", "Jane Doe",
                "subject", "Calendar", "messageId", UUID.randomUUID() + "@mail.example.com", "key", TestApp.KEY,
                "severity", Integer.toString(severity)))).ticket().orElseThrow();
    }

    private static void customerWrites(TestApp app, TicketNumber number) {
        String id = "<" + UUID.randomUUID() + "@mail.example.com>";
        app.receive(Mails.load("intake/reply.eml", Map.of("from", "jane@example.com", "fromName", "Jane Doe",
                "subject", "Re: [Ticket#" + number.digits() + "] Calendar", "messageId", UUID.randomUUID() + "@mail.example.com",
                "inReplyTo", id, "references", id)));
    }

    private static Instant at(String afterOpening) {
        return OPENED.plus(Duration.parse(afterOpening));
    }

    private static ClockView clock(TicketDetails ticket, ClockName name) {
        return ticket.clocks().stream().filter(clock -> clock.name() == name).findFirst().orElseThrow();
    }

    private void advanceTo(String afterOpening) {
        clock.advance(Duration.between(clock.instant(), at(afterOpening)));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void theIntakeStoresTheClocksWithTheTicketForTheSchedulerToFindByAlertTime(TestDatabase.Kind kind) throws Exception {
        on(kind, (app, database) -> {
            TicketNumber outage = open(app, 1);
            open(app, 2);

            List<List<String>> clocks = database.rows("SELECT c.name, c.state FROM ticket_clock c JOIN ticket t ON t.id = c.ticket_id"
                    + " WHERE t.number = '" + outage.digits() + "' ORDER BY c.name");
            long dueWarnings = database.count("SELECT COUNT(*) FROM ticket_clock"
                    + " WHERE next_alert_at <= TIMESTAMP WITH TIME ZONE '2026-11-16 08:45:00+00:00'");
            long nextDue = database.count("SELECT COUNT(*) FROM ticket WHERE number = '" + outage.digits() + "'"
                    + " AND next_due_at = TIMESTAMP WITH TIME ZONE '2026-11-16 09:00:00+00:00'");
            TicketDetails shown = app.application().tickets().show(outage.digits());

            assertThat(clocks).containsExactly(List.of("FIRST_RESPONSE", "RUNNING"), List.of("RESOLUTION", "RUNNING"),
                    List.of("UPDATE", "RUNNING"));
            assertThat(dueWarnings).as("Severity 1's first response and update warn at 45 minutes; nothing of Severity 2's")
                    .isEqualTo(2);
            assertThat(nextDue).isEqualTo(1);
            assertThat(clock(shown, ClockName.RESOLUTION).due()).contains(at("PT24H"));
            assertThat(clock(shown, ClockName.FIRST_RESPONSE).remaining()).contains(Duration.ofHours(1));
        });
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void waitingForTheCustomerPausesTheClocksAndTheCustomersMailResumesThemWithTheTimeLeft(TestDatabase.Kind kind)
            throws Exception {
        on(kind, (app, database) -> {
            TicketNumber number = open(app, 1);
            TicketActions actions = app.application().ticketActions();

            advanceTo("PT20M");
            TicketDetails waiting = actions.changeStatus(number.digits(), Status.WAITING_FOR_CUSTOMER, "anna");
            advanceTo("PT3H");
            TicketDetails stillWaiting = app.application().tickets().show(number.digits());
            customerWrites(app, number);
            TicketDetails replied = app.application().tickets().show(number.digits());

            assertThat(waiting.clocks()).extracting(ClockView::state).containsOnly(ClockView.State.PAUSED);
            assertThat(stillWaiting.clocks()).allSatisfy(paused -> assertThat(paused.due()).isEmpty());
            assertThat(clock(stillWaiting, ClockName.FIRST_RESPONSE).remaining()).contains(Duration.ofMinutes(40));
            assertThat(replied.summary().status()).isEqualTo(Status.OPEN);
            assertThat(clock(replied, ClockName.FIRST_RESPONSE).state()).isEqualTo(ClockView.State.RUNNING);
            assertThat(clock(replied, ClockName.FIRST_RESPONSE).due()).contains(at("PT3H40M"));
            assertThat(clock(replied, ClockName.RESOLUTION).due()).contains(at("PT26H40M"));
            assertThat(replied.events()).filteredOn(event -> event.kind() == EventKind.STATUS_CHANGED)
                    .extracting(EventView::actor).containsExactly("anna", "jane@example.com");
        });
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void theAnswerMeetsTheFirstResponseAndResolvingThenReopeningResumesTheResolution(TestDatabase.Kind kind) throws Exception {
        on(kind, (app, database) -> {
            TicketNumber number = open(app, 1);
            TicketActions actions = app.application().ticketActions();

            advanceTo("PT50M");
            TicketDetails answered = actions.customerAnswered(number.digits(), "anna");
            advanceTo("PT4H");
            TicketDetails resolved = actions.changeStatus(number.digits(), Status.RESOLVED, "anna");
            advanceTo("PT30H");
            TicketDetails reopened = actions.changeStatus(number.digits(), Status.OPEN, "anna");

            assertThat(clock(answered, ClockName.FIRST_RESPONSE).state()).isEqualTo(ClockView.State.MET);
            assertThat(clock(answered, ClockName.UPDATE).due()).contains(at("PT1H50M"));
            assertThat(answered.events()).filteredOn(event -> event.kind() == EventKind.CLOCK_MET).singleElement()
                    .satisfies(event -> assertThat(event.note()).contains("firstResponse met in time"));
            assertThat(resolved.clocks()).as("stopped by resolving, before the resolution was due").extracting(ClockView::state)
                    .containsExactly(ClockView.State.MET, ClockView.State.BREACHED, ClockView.State.MET);
            assertThat(resolved.summary().due()).isEmpty();
            assertThat(clock(reopened, ClockName.RESOLUTION).due()).contains(at("PT50H"));
            assertThat(clock(reopened, ClockName.RESOLUTION).state()).isEqualTo(ClockView.State.RUNNING);
        });
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aSeverityChangeRecomputesTheClocksFromTheStartAndRecordsTheOldAndNewDueTimes(TestDatabase.Kind kind)
            throws Exception {
        on(kind, (app, database) -> {
            TicketNumber number = open(app, 2);
            TicketActions actions = app.application().ticketActions();

            advanceTo("PT30M");
            TicketDetails raised = actions.changeSeverity(number.digits(), 1, "anna");
            advanceTo("PT2H");
            TicketDetails late = app.application().tickets().show(number.digits());

            assertThat(clock(raised, ClockName.FIRST_RESPONSE).due()).contains(at("PT1H"));
            assertThat(raised.summary().severity()).isEqualTo(1);
            assertThat(raised.events()).filteredOn(event -> event.kind() == EventKind.CLOCK_MOVED)
                    .filteredOn(event -> event.note().orElseThrow().startsWith("firstResponse")).singleElement()
                    .satisfies(event -> {
                        assertThat(event.actor()).isEqualTo("anna");
                        assertThat(event.oldValue()).contains(at("PT4H").toString());
                        assertThat(event.newValue()).contains(at("PT1H").toString());
                    });
            assertThat(late.summary().due()).hasValueSatisfying(nearest -> {
                assertThat(nearest.name()).isEqualTo(ClockName.FIRST_RESPONSE);
                assertThat(nearest.state()).isEqualTo(ClockView.State.BREACHED);
                assertThat(nearest.remaining()).contains(Duration.ofHours(-1));
            });
        });
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void changesTheTicketDoesNotAllowAreRefusedAndChangeNothing(TestDatabase.Kind kind) throws Exception {
        on(kind, (app, database) -> {
            TicketNumber number = open(app, 1);
            TicketActions actions = app.application().ticketActions();
            actions.changeStatus(number.digits(), Status.RESOLVED, "anna");

            assertThatThrownBy(() -> actions.changeStatus(number.digits(), Status.WAITING_FOR_CUSTOMER, "anna"))
                    .isInstanceOfSatisfying(Refused.class, refused -> assertThat(refused.refusal())
                            .isEqualTo(new Refusal.Unchanged(number, "is resolved: it cannot become waiting for customer")));
            assertThatThrownBy(() -> actions.changeStatus(number.digits(), Status.RESOLVED, "anna"))
                    .isInstanceOfSatisfying(Refused.class, refused -> assertThat(refused.refusal())
                            .isEqualTo(new Refusal.Unchanged(number, "is resolved already")));
            assertThatThrownBy(() -> actions.changeSeverity(number.digits(), 1, "anna"))
                    .isInstanceOfSatisfying(Refused.class, refused -> assertThat(refused.refusal())
                            .isEqualTo(new Refusal.Unchanged(number, "is severity 1 already")));
            String mistyped = number.digits().substring(0, 5) + (char) ('0' + (number.digits().charAt(5) - '0' + 1) % 10);
            assertThatThrownBy(() -> actions.changeSeverity(mistyped, 2, "anna"))
                    .isInstanceOfSatisfying(Refused.class, refused -> assertThat(refused.refusal())
                            .isEqualTo(new Refusal.NotATicketNumber(mistyped)));
            assertThat(app.application().tickets().show(number.digits()).events()).extracting(EventView::kind)
                    .as("the confirmation, then resolving and the customer's notice of it")
                    .containsExactly(EventKind.CREATED, EventKind.REPLY_QUEUED, EventKind.STATUS_CHANGED, EventKind.REPLY_QUEUED);
        });
    }
}
