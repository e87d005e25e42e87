package org.ticketpost.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;
import java.util.TimeZone;
import org.junit.jupiter.api.Test;
import org.ticketpost.sla.SlaDuration.BusinessTime;
import org.ticketpost.sla.SlaDuration.BusinessTime.Unit;

/** Worked examples of business-time arithmetic, dates written out, on the default calendar of the product specification. */
class BusinessCalendarTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    /** Monday to Friday 08:00 to 18:00 Europe/Berlin. */
    private static final BusinessCalendar OFFICE = office(Set.of());

    @Test
    void aRequestOnFridayAt17WithOneBusinessDayIsDueOnMondayAt17() {
        Instant friday = berlin("2026-11-06T17:00");

        assertThat(OFFICE.plus(friday, days(1))).isEqualTo(berlin("2026-11-09T17:00"));
        assertThat(OFFICE.workingTimeBetween(friday, berlin("2026-11-09T17:00"))).isEqualTo(Duration.ofHours(10));
    }

    @Test
    void fourBusinessHoursFromFridayAt16EndOnMondayAt10() {
        assertThat(OFFICE.plus(berlin("2026-11-06T16:00"), hours(4))).isEqualTo(berlin("2026-11-09T10:00"));
    }

    @Test
    void anIsoDurationOnBusinessHoursCountsWorkingHours() {
        assertThat(OFFICE.plus(berlin("2026-11-06T16:00"), new SlaDuration.ClockTime(Duration.ofHours(4))))
                .isEqualTo(berlin("2026-11-09T10:00"));
    }

    @Test
    void aRequestOutsideBusinessHoursStartsCountingAtTheNextOpening() {
        assertThat(OFFICE.plus(berlin("2026-11-07T11:30"), hours(2))).as("Saturday").isEqualTo(berlin("2026-11-09T10:00"));
        assertThat(OFFICE.plus(berlin("2026-11-09T06:00"), hours(2))).as("Monday early").isEqualTo(berlin("2026-11-09T10:00"));
        assertThat(OFFICE.plus(berlin("2026-11-09T19:00"), hours(2))).as("Monday late").isEqualTo(berlin("2026-11-10T10:00"));
    }

    @Test
    void aTargetThatRunsOutAtClosingIsDueAtClosingNotTheNextMorning() {
        assertThat(OFFICE.plus(berlin("2026-11-09T08:00"), days(1))).isEqualTo(berlin("2026-11-09T18:00"));
        assertThat(OFFICE.plus(berlin("2026-11-07T10:00"), days(1))).as("Saturday").isEqualTo(berlin("2026-11-09T18:00"));
        assertThat(OFFICE.plus(berlin("2026-11-09T16:00"), hours(2))).isEqualTo(berlin("2026-11-09T18:00"));
    }

    @Test
    void twentyBusinessDaysSkipWeekendsAndTheHolidaysOfChristmasAndNewYear() {
        BusinessCalendar office = office(Set.of(new Holiday.EveryYear(MonthDay.of(12, 24)), new Holiday.EveryYear(MonthDay.of(12, 25)),
                new Holiday.EveryYear(MonthDay.of(12, 26)), new Holiday.OnDate(LocalDate.of(2026, 12, 31)),
                new Holiday.EveryYear(MonthDay.of(1, 1))));

        assertThat(office.plus(berlin("2026-12-07T10:00"), days(20))).isEqualTo(berlin("2027-01-08T10:00"));
        assertThat(office.plus(berlin("2026-12-23T12:00"), days(1))).isEqualTo(berlin("2026-12-28T12:00"));
    }

    @Test
    void goodFridayAndEasterMondayMoveWithEaster() {
        BusinessCalendar office = office(Set.of(new Holiday.FromEaster(-2), new Holiday.FromEaster(1)));

        // Easter Sunday 2026 is 5 April: Thursday 2 April, then Tuesday 7 April
        assertThat(office.plus(berlin("2026-04-02T17:00"), days(1))).isEqualTo(berlin("2026-04-07T17:00"));
        // Easter Sunday 2027 is 28 March: the same days of 2026 are working days then
        assertThat(office.plus(berlin("2027-04-01T17:00"), days(1))).isEqualTo(berlin("2027-04-02T17:00"));
        assertThat(office.isWorkingDay(LocalDate.of(2027, 3, 26))).as("Good Friday 2027").isFalse();
        assertThat(office.isWorkingDay(LocalDate.of(2027, 3, 29))).as("Easter Monday 2027").isFalse();
    }

    @Test
    void easterSundayIsTheWesternOne() {
        assertThat(Holiday.easterSunday(2024)).isEqualTo(LocalDate.of(2024, 3, 31));
        assertThat(Holiday.easterSunday(2025)).isEqualTo(LocalDate.of(2025, 4, 20));
        assertThat(Holiday.easterSunday(2026)).isEqualTo(LocalDate.of(2026, 4, 5));
        assertThat(Holiday.easterSunday(2038)).isEqualTo(LocalDate.of(2038, 4, 25));   // the latest possible
        assertThat(Holiday.easterSunday(2285)).isEqualTo(LocalDate.of(2285, 3, 22));   // the earliest possible
    }

    @Test
    void acrossTheChangeToSummerTimeABusinessDayEndsAtTheSameLocalHour() {
        Instant friday = Instant.parse("2026-03-27T16:00:00Z");   // 17:00 CET

        Instant due = OFFICE.plus(friday, days(1));

        assertThat(due).isEqualTo(Instant.parse("2026-03-30T15:00:00Z"));   // 17:00 CEST
        assertThat(OFFICE.workingTimeBetween(berlin("2026-03-27T08:00"), berlin("2026-03-30T18:00"))).isEqualTo(Duration.ofHours(20));
    }

    @Test
    void acrossTheChangeToWinterTimeABusinessDayEndsAtTheSameLocalHour() {
        Instant friday = Instant.parse("2026-10-23T15:00:00Z");   // 17:00 CEST

        assertThat(OFFICE.plus(friday, days(1))).isEqualTo(Instant.parse("2026-10-26T16:00:00Z"));   // 17:00 CET
    }

    @Test
    void hoursAcrossAChangeOfTheClocksCountTheTimeThatReallyPasses() {
        BusinessCalendar sundayNights = new BusinessCalendar("nights", BERLIN, EnumSet.of(DayOfWeek.SUNDAY),
                LocalTime.of(0, 0), LocalTime.of(6, 0), Set.of());

        assertThat(sundayNights.workingTimeBetween(berlin("2026-03-28T12:00"), berlin("2026-03-30T00:00")))
                .as("00:00 to 06:00 when the clocks skip 02:00 to 03:00").isEqualTo(Duration.ofHours(5));
        assertThat(sundayNights.workingTimeBetween(berlin("2026-10-24T12:00"), berlin("2026-10-26T00:00")))
                .as("00:00 to 06:00 when the clocks go through 02:00 to 03:00 twice").isEqualTo(Duration.ofHours(7));
        assertThat(sundayNights.plusWorkingTime(berlin("2026-03-29T00:00"), Duration.ofHours(5))).isEqualTo(berlin("2026-03-29T06:00"));
    }

    @Test
    void theCalendarsZoneCountsNotTheServers() {
        BusinessCalendar tokyo = new BusinessCalendar("tokyo", ZoneId.of("Asia/Tokyo"), EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
                LocalTime.of(9, 0), LocalTime.of(17, 0), Set.of());
        TimeZone server = TimeZone.getDefault();
        try {
            TimeZone.setDefault(TimeZone.getTimeZone("America/Los_Angeles"));   // Thursday there when it is Friday in Tokyo

            Instant due = tokyo.plus(Instant.parse("2026-03-27T07:00:00Z"), hours(2));   // Friday 16:00 in Tokyo

            assertThat(due).isEqualTo(Instant.parse("2026-03-30T01:00:00Z"));   // Monday 10:00 in Tokyo
        } finally {
            TimeZone.setDefault(server);
        }
    }

    @Test
    void aPauseOverAWeekendCostsNoBusinessTime() {
        assertThat(OFFICE.workingTimeBetween(berlin("2026-11-06T18:00"), berlin("2026-11-09T08:00"))).isEqualTo(Duration.ZERO);
        assertThat(OFFICE.workingTimeBetween(berlin("2026-11-06T17:00"), berlin("2026-11-09T09:00"))).isEqualTo(Duration.ofHours(2));
    }

    @Test
    void timeMeasuredBackwardsIsNegative() {
        assertThat(OFFICE.workingTimeBetween(berlin("2026-11-09T09:00"), berlin("2026-11-06T17:00"))).isEqualTo(Duration.ofHours(-2));
    }

    @Test
    void aYearOfWorkingTimeIsMeasuredDayByDay() {
        // 2027 has 261 weekdays of 10 hours each
        assertThat(OFFICE.workingTimeBetween(berlin("2027-01-01T00:00"), berlin("2028-01-01T00:00"))).isEqualTo(Duration.ofHours(2610));
    }

    @Test
    void aHolidayOnTheOnlyWorkingDayOfTheWeekMovesTheDueTimeAWeek() {
        BusinessCalendar mondays = new BusinessCalendar("mondays", BERLIN, EnumSet.of(DayOfWeek.MONDAY), LocalTime.of(8, 0),
                LocalTime.of(18, 0), Set.of(new Holiday.FromEaster(1)));

        assertThat(mondays.plus(berlin("2026-04-06T09:00"), hours(1))).as("Easter Monday").isEqualTo(berlin("2026-04-13T09:00"));
    }

    @Test
    void aCalendarWhoseHolidaysCoverEveryWorkingDayFailsRatherThanCountingForever() {
        Set<Holiday> everyDay = new HashSet<>();
        for (LocalDate day = LocalDate.of(2024, 1, 1); day.getYear() == 2024; day = day.plusDays(1)) {
            everyDay.add(new Holiday.EveryYear(MonthDay.from(day)));
        }
        BusinessCalendar never = new BusinessCalendar("never", BERLIN, EnumSet.of(DayOfWeek.MONDAY), LocalTime.of(8, 0),
                LocalTime.of(18, 0), everyDay);

        assertThatThrownBy(() -> never.plus(berlin("2026-01-01T00:00"), hours(1)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("never: no business hours in 3660 days");
    }

    @Test
    void aNegativeWorkingTimeIsRefused() {
        assertThatThrownBy(() -> OFFICE.plusWorkingTime(berlin("2026-11-09T09:00"), Duration.ofHours(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aroundTheClockIsPlainElapsedTimeAndRefusesBusinessTime() {
        SlaCalendar aroundTheClock = new SlaCalendar.AroundTheClock("24x7");
        Instant saturday = Instant.parse("2026-03-28T11:00:00Z");

        assertThat(aroundTheClock.plus(saturday, new SlaDuration.ClockTime(Duration.ofHours(24))))
                .isEqualTo(Instant.parse("2026-03-29T11:00:00Z"));   // 12:00 CET, then 13:00 CEST on the wall
        assertThatThrownBy(() -> aroundTheClock.plus(saturday, days(1))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("1 business day needs a calendar with business hours, not 24x7");
    }

    static BusinessCalendar office(Set<Holiday> holidays) {
        return new BusinessCalendar("business", BERLIN, EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), LocalTime.of(8, 0),
                LocalTime.of(18, 0), holidays);
    }

    private static Instant berlin(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(BERLIN).toInstant();
    }

    private static BusinessTime days(int amount) {
        return new BusinessTime(amount, Unit.DAYS);
    }

    private static BusinessTime hours(int amount) {
        return new BusinessTime(amount, Unit.HOURS);
    }
}
