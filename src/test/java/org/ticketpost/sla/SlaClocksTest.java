package org.ticketpost.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.ticketpost.ticket.ClockName;
import org.ticketpost.ticket.ClockState;
import org.ticketpost.ticket.EventKind;
import org.ticketpost.ticket.SenderRule;
import org.ticketpost.ticket.Status;
import org.ticketpost.ticket.SupportKey;
import org.ticketpost.ticket.Ticket;
import org.ticketpost.ticket.TicketClock;
import org.ticketpost.ticket.TicketEvent;
import org.ticketpost.ticket.TicketNumber;

/** The rules of a ticket's SLA clocks, on the wall clock of 24x7 targets. */
class SlaClocksTest {

    private static final Instant OPENED = Instant.parse("2026-11-16T08:00:00Z");
    private static final SlaCalendar ALWAYS = new SlaCalendar.AroundTheClock("24x7");
    private static final BusinessCalendar OFFICE = new BusinessCalendar("business", ZoneId.of("Europe/Berlin"),
            EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), LocalTime.of(8, 0), LocalTime.of(18, 0), Set.of());

    /** As the shipped advanced plan for Severity 1 and 2; Severity 3 has a first-response target only. */
    private static final SlaPlans PLANS = new SlaPlans(List.of(new SlaPlan("advanced", Map.of(
            1, targets(ALWAYS, "PT1H", "PT1H", "P1D"),
            2, targets(ALWAYS, "PT4H", "PT8H", "P5D"),
            3, targets(ALWAYS, "PT2H", null, null),
            4, new Targets(OFFICE, Optional.of(new SlaDuration.BusinessTime(1, SlaDuration.BusinessTime.Unit.DAYS)),
                    Optional.empty(), Optional.empty(), Targets.DEFAULT_WARN_AT_PERCENT)))));

    private static Targets targets(SlaCalendar calendar, String firstResponse, String update, String resolution) {
        return new Targets(calendar, clockTime(firstResponse), clockTime(update), clockTime(resolution),
                Targets.DEFAULT_WARN_AT_PERCENT);
    }

    private static Optional<SlaDuration> clockTime(String duration) {
        return Optional.ofNullable(duration).map(text -> new SlaDuration.ClockTime(Duration.parse(text)));
    }

    private static Ticket opened(int severity) {
        SupportKey key = new SupportKey("OXSK-1111-2222", "Example Corp", "advanced", List.of(new SenderRule("example.com")),
                null, OPENED);
        Ticket ticket = new Ticket(new TicketNumber(10000), "Calendar", "jane@example.com", key, severity, "en", Map.of(), OPENED);
        ticket.openClocks(PLANS, OPENED);
        return ticket;
    }

    private static Instant at(String afterOpening) {
        return OPENED.plus(Duration.parse(afterOpening));
    }

    private static TicketClock clock(Ticket ticket, ClockName name) {
        return ticket.clocks().get(name);
    }

    private static List<TicketEvent> events(Ticket ticket, EventKind kind) {
        return ticket.events().stream().filter(event -> event.kind() == kind).toList();
    }

    @Test
    void aNewTicketRunsAClockForEachTargetOfItsPlanAndSeverityDueFromItsOpening() {
        Ticket outage = opened(1);
        Ticket minor = opened(3);

        assertThat(outage.clocks()).containsOnlyKeys(ClockName.FIRST_RESPONSE, ClockName.UPDATE, ClockName.RESOLUTION);
        assertThat(clock(outage, ClockName.FIRST_RESPONSE).due()).contains(at("PT1H"));
        assertThat(clock(outage, ClockName.UPDATE).due()).contains(at("PT1H"));
        assertThat(clock(outage, ClockName.RESOLUTION).due()).contains(at("PT24H"));
        assertThat(outage.nextDueAt()).contains(at("PT1H"));
        assertThat(minor.clocks()).as("no update interval and no resolution target: no clock for them")
                .containsOnlyKeys(ClockName.FIRST_RESPONSE);
    }

    @Test
    void theSchedulerIsToldToWarnAtThreeQuartersOfATargetThenAtItsBreach() {
        Ticket outage = opened(1);

        assertThat(clock(outage, ClockName.FIRST_RESPONSE).warnAt()).contains(at("PT45M"));
        assertThat(clock(outage, ClockName.FIRST_RESPONSE).nextAlertAt()).contains(at("PT45M"));
        assertThat(clock(outage, ClockName.RESOLUTION).nextAlertAt()).contains(at("PT18H"));
    }

    @Test
    void waitingForTheCustomerPausesTheClocksWithTheTimeLeftAndTheReplyResumesThem() {
        Ticket ticket = opened(1);

        ticket.changeStatus(Status.WAITING_FOR_CUSTOMER, "engineer", at("PT20M"), PLANS);
        TicketClock paused = clock(ticket, ClockName.FIRST_RESPONSE);
        ticket.customerReplied("jane@example.com", at("PT3H"), "Re: Calendar", PLANS);

        assertThat(paused.state()).isEqualTo(ClockState.PAUSED);
        assertThat(paused.leftWhilePaused()).contains(Duration.ofMinutes(40));
        assertThat(paused.due()).isEmpty();
        assertThat(paused.nextAlertAt()).as("nothing to warn of while paused").isEmpty();
        assertThat(ticket.status()).isEqualTo(Status.OPEN);
        assertThat(clock(ticket, ClockName.FIRST_RESPONSE).state()).isEqualTo(ClockState.RUNNING);
        assertThat(clock(ticket, ClockName.FIRST_RESPONSE).due()).contains(at("PT3H40M"));
        assertThat(clock(ticket, ClockName.RESOLUTION).due()).contains(at("PT26H40M"));
        assertThat(ticket.nextDueAt()).contains(at("PT3H40M"));
    }

    @Test
    void whileWaitingNoClockIsDueAndOpeningAgainResumesThem() {
        Ticket ticket = opened(2);

        ticket.changeStatus(Status.WAITING_FOR_CUSTOMER, "engineer", at("PT1H"), PLANS);
        Optional<Instant> dueWhileWaiting = ticket.nextDueAt();
        ticket.changeStatus(Status.OPEN, "engineer", at("PT2H"), PLANS);

        assertThat(dueWhileWaiting).isEmpty();
        assertThat(clock(ticket, ClockName.FIRST_RESPONSE).due()).contains(at("PT5H"));
        assertThat(clock(ticket, ClockName.UPDATE).due()).contains(at("PT9H"));
    }

    @Test
    void theFirstAnswerMeetsTheFirstResponseInTimeAndStartsTheNextUpdateInterval() {
        Ticket ticket = opened(1);

        ticket.customerAnswered("engineer", at("PT50M"), PLANS);

        TicketClock firstResponse = clock(ticket, ClockName.FIRST_RESPONSE);
        assertThat(firstResponse.state()).isEqualTo(ClockState.MET);
        assertThat(firstResponse.breached(at("PT2H"))).isFalse();
        assertThat(firstResponse.nextAlertAt()).isEmpty();
        assertThat(clock(ticket, ClockName.UPDATE).due()).contains(at("PT1H50M"));
        assertThat(ticket.nextDueAt()).contains(at("PT1H50M"));
        assertThat(events(ticket, EventKind.CLOCK_MET)).singleElement().satisfies(event -> {
            assertThat(event.actor()).isEqualTo("engineer");
            assertThat(event.note()).contains("firstResponse met in time");
            assertThat(event.oldValue()).contains(at("PT1H").toString());
        });
    }

    @Test
    void aLateFirstAnswerIsRecordedLate() {
        Ticket ticket = opened(1);

        ticket.customerAnswered("engineer", at("PT1H15M"), PLANS);
        ticket.customerAnswered("engineer", at("PT2H"), PLANS);

        assertThat(clock(ticket, ClockName.FIRST_RESPONSE).breached(at("PT2H"))).isTrue();
        assertThat(events(ticket, EventKind.CLOCK_MET)).as("met once").singleElement()
                .satisfies(event -> assertThat(event.note()).contains("firstResponse met late"));
        assertThat(clock(ticket, ClockName.UPDATE).due()).contains(at("PT3H"));
    }

    @Test
    void aRunningClockPastItsDueTimeIsBreached() {
        Ticket ticket = opened(1);

        assertThat(clock(ticket, ClockName.FIRST_RESPONSE).breached(at("PT1H"))).isFalse();
        assertThat(clock(ticket, ClockName.FIRST_RESPONSE).breached(at("PT1H1S"))).isTrue();
    }

    @Test
    void aSeverityChangeCountsTheNewTargetsFromTheTicketsStartLessTheTimeSpentWaiting() {
        Ticket ticket = opened(2);
        ticket.changeStatus(Status.WAITING_FOR_CUSTOMER, "engineer", at("PT20M"), PLANS);
        ticket.changeStatus(Status.OPEN, "engineer", at("PT50M"), PLANS);

        ticket.changeSeverity(1, "engineer", at("PT1H"), PLANS);

        // 30 minutes of the first response used while running: 30 of Severity 1's hour are left
        assertThat(clock(ticket, ClockName.FIRST_RESPONSE).due()).contains(at("PT1H30M"));
        assertThat(clock(ticket, ClockName.RESOLUTION).due()).contains(at("PT24H30M"));
        assertThat(ticket.nextDueAt()).contains(at("PT1H30M"));
        assertThat(ticket.severity()).isEqualTo(1);
        assertThat(events(ticket, EventKind.CLOCK_MOVED)).extracting(event -> event.note().orElseThrow())
                .containsExactly("firstResponse, severity 2 -> 1", "update, severity 2 -> 1", "resolution, severity 2 -> 1");
        assertThat(events(ticket, EventKind.CLOCK_MOVED).get(0).oldValue()).contains(at("PT4H30M").toString());
        assertThat(events(ticket, EventKind.CLOCK_MOVED).get(0).newValue()).contains(at("PT1H30M").toString());
        assertThat(events(ticket, EventKind.CLOCK_MOVED)).allSatisfy(event -> assertThat(event.actor()).isEqualTo("engineer"));
    }

    @Test
    void aSeverityWithoutATargetDropsItsClockAndAStricterOneCanBeBreachedAtOnce() {
        Ticket ticket = opened(2);

        ticket.changeSeverity(3, "engineer", at("PT3H"), PLANS);

        assertThat(ticket.clocks()).containsOnlyKeys(ClockName.FIRST_RESPONSE);
        assertThat(clock(ticket, ClockName.FIRST_RESPONSE).due()).contains(at("PT2H"));
        assertThat(clock(ticket, ClockName.FIRST_RESPONSE).breached(at("PT3H"))).isTrue();
    }

    @Test
    void resolvingStopsTheClocksAndReopeningResumesTheResolutionWithWhatWasLeft() {
        Ticket ticket = opened(1);
        ticket.customerAnswered("engineer", at("PT10M"), PLANS);

        ticket.changeStatus(Status.RESOLVED, "engineer", at("PT4H"), PLANS);
        TicketClock stopped = clock(ticket, ClockName.RESOLUTION);
        ticket.customerReplied("jane@example.com", at("PT30H"), "Re: still broken", PLANS);

        assertThat(stopped.state()).isEqualTo(ClockState.STOPPED);
        assertThat(stopped.nextAlertAt()).isEmpty();
        assertThat(ticket.status()).isEqualTo(Status.OPEN);
        assertThat(clock(ticket, ClockName.RESOLUTION).state()).isEqualTo(ClockState.RUNNING);
        assertThat(clock(ticket, ClockName.RESOLUTION).due()).contains(at("PT50H"));
        assertThat(clock(ticket, ClockName.FIRST_RESPONSE).state()).as("met before, met still").isEqualTo(ClockState.MET);
    }

    @Test
    void closingStopsEveryClockForGood() {
        Ticket ticket = opened(1);

        ticket.changeStatus(Status.CLOSED, "engineer", at("PT2H"), PLANS);

        assertThat(ticket.clocks().values()).extracting(TicketClock::state).containsOnly(ClockState.STOPPED);
        assertThat(ticket.nextDueAt()).isEmpty();
        assertThat(clock(ticket, ClockName.FIRST_RESPONSE).breached(at("PT2H"))).as("stopped an hour after it was due").isTrue();
        assertThat(clock(ticket, ClockName.RESOLUTION).breached(at("PT2H"))).isFalse();
    }

    @Test
    void aTargetInBusinessDaysIsDueAfterThatManyWorkingDays() {
        Instant fridayFivePm = Instant.parse("2026-11-20T16:00:00Z");   // 17:00 in Berlin

        Ticket ticket = opened(4);
        Budget oneBusinessDay = Budget.of(OFFICE, new SlaDuration.BusinessTime(1, SlaDuration.BusinessTime.Unit.DAYS));

        // one working day of ten hours: Friday 17:00-18:00, then Monday 08:00-17:00 in Berlin
        assertThat(oneBusinessDay.deadline(fridayFivePm, oneBusinessDay.allowed())).isEqualTo(Instant.parse("2026-11-23T16:00:00Z"));
        assertThat(oneBusinessDay.elapsed(fridayFivePm, Instant.parse("2026-11-23T16:00:00Z"))).isEqualTo(Duration.ofHours(10));
        assertThat(ticket.clocks()).containsOnlyKeys(ClockName.FIRST_RESPONSE);
    }
}
