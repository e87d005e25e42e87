package org.ticketpost.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.ticketpost.sla.SlaDuration.BusinessTime;

/**
 * The rules a clock relies on, for any start and any working time, on calendars that meet the
 * changes of the clocks and holidays: in Berlin (office hours, Easter and Christmas), in Tokyo, and
 * a Sunday-night calendar whose hours contain the change itself.
 */
class BusinessCalendarPropertiesTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final EnumSet<DayOfWeek> WEEKDAYS = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);

    private static final List<BusinessCalendar> CALENDARS = List.of(
            new BusinessCalendar("berlin", BERLIN, WEEKDAYS, LocalTime.of(8, 0), LocalTime.of(18, 0), Set.of(
                    new Holiday.FromEaster(-2), new Holiday.FromEaster(1), new Holiday.EveryYear(MonthDay.of(12, 24)),
                    new Holiday.EveryYear(MonthDay.of(12, 25)), new Holiday.EveryYear(MonthDay.of(12, 26)),
                    new Holiday.OnDate(LocalDate.of(2027, 5, 3)))),
            new BusinessCalendar("tokyo", ZoneId.of("Asia/Tokyo"), WEEKDAYS, LocalTime.of(9, 30), LocalTime.of(17, 15), Set.of()),
            new BusinessCalendar("nights", BERLIN, EnumSet.of(DayOfWeek.SUNDAY), LocalTime.of(0, 0), LocalTime.of(6, 0), Set.of()));

    @Property
    void theWorkingTimeUpToTheDueTimeIsTheWorkingTimeAdded(@ForAll("calendars") BusinessCalendar calendar,
            @ForAll("instants") Instant start, @ForAll("workingTimes") Duration workingTime) {
        Instant due = calendar.plusWorkingTime(start, workingTime);

        assertThat(calendar.workingTimeBetween(start, due)).isEqualTo(workingTime);
    }

    @Property
    void aDueTimeLiesWithinBusinessHoursOrAtTheirEnd(@ForAll("calendars") BusinessCalendar calendar,
            @ForAll("instants") Instant start, @ForAll("workingTimes") Duration workingTime) {
        LocalDateTime due = LocalDateTime.ofInstant(calendar.plusWorkingTime(start, workingTime), calendar.zone());

        assertThat(calendar.isWorkingDay(due.toLocalDate())).as("%s is a working day", due).isTrue();
        assertThat(due.toLocalTime()).isBetween(calendar.from(), calendar.until());
    }

    @Property
    void aPauseOverAWeekendCostsNoBusinessTime(@ForAll("weekdayCalendars") BusinessCalendar calendar,
            @ForAll("instants") Instant someDay, @ForAll @IntRange(min = 0, max = 600) int minutesAfterClosing,
            @ForAll @IntRange(min = 0, max = 600) int minutesBeforeOpening, @ForAll("workingTimesLeft") Duration left) {
        LocalDate friday = LocalDate.ofInstant(someDay, calendar.zone()).with(TemporalAdjusters.nextOrSame(DayOfWeek.FRIDAY));
        Instant paused = ZonedDateTime.of(friday, calendar.until(), calendar.zone()).plusMinutes(minutesAfterClosing).toInstant();
        Instant resumed = ZonedDateTime.of(friday.plusDays(3), calendar.from(), calendar.zone()).minusMinutes(minutesBeforeOpening)
                .toInstant();

        assertThat(calendar.workingTimeBetween(paused, resumed)).isZero();
        assertThat(calendar.plusWorkingTime(resumed, left)).isEqualTo(calendar.plusWorkingTime(paused, left));
    }

    @Property
    void addingInTwoStepsIsAddingOnce(@ForAll("calendars") BusinessCalendar calendar, @ForAll("instants") Instant start,
            @ForAll("workingTimes") Duration first, @ForAll("workingTimes") Duration second) {
        Instant inTwoSteps = calendar.plusWorkingTime(calendar.plusWorkingTime(start, first), second);

        assertThat(inTwoSteps).isEqualTo(calendar.plusWorkingTime(start, first.plus(second)));
    }

    @Property
    void businessDaysAddUpLikeTheirHours(@ForAll("calendars") BusinessCalendar calendar, @ForAll("instants") Instant start,
            @ForAll @IntRange(min = 1, max = 25) int days, @ForAll @IntRange(min = 1, max = 25) int more) {
        Instant inTwoSteps = calendar.plus(calendar.plus(start, new BusinessTime(days, BusinessTime.Unit.DAYS)),
                new BusinessTime(more, BusinessTime.Unit.DAYS));

        assertThat(inTwoSteps).isEqualTo(calendar.plus(start, new BusinessTime(days + more, BusinessTime.Unit.DAYS)));
        assertThat(inTwoSteps).isEqualTo(calendar.plusWorkingTime(start, calendar.workingDay().multipliedBy(days + more)));
    }

    @Property
    void workingTimeBetweenAddsUpOverAnInstantBetween(@ForAll("calendars") BusinessCalendar calendar,
            @ForAll("instants") Instant one, @ForAll("instants") Instant two, @ForAll("instants") Instant three) {
        List<Instant> sorted = java.util.stream.Stream.of(one, two, three).sorted().toList();

        assertThat(calendar.workingTimeBetween(sorted.get(0), sorted.get(1)).plus(calendar.workingTimeBetween(sorted.get(1), sorted.get(2))))
                .isEqualTo(calendar.workingTimeBetween(sorted.get(0), sorted.get(2)))
                .isEqualTo(calendar.workingTimeBetween(sorted.get(2), sorted.get(0)).negated());
    }

    @Property
    void aroundTheClockIsPlainInstantArithmetic(@ForAll("instants") Instant start, @ForAll("instants") Instant end,
            @ForAll("workingTimes") Duration duration) {
        SlaCalendar aroundTheClock = new SlaCalendar.AroundTheClock("24x7");

        assertThat(aroundTheClock.plusWorkingTime(start, duration)).isEqualTo(start.plus(duration));
        assertThat(aroundTheClock.workingTimeBetween(start, end)).isEqualTo(Duration.between(start, end));
        if (!duration.isZero()) {
            assertThat(aroundTheClock.plus(start, new SlaDuration.ClockTime(duration))).isEqualTo(start.plus(duration));
        }
    }

    @Provide
    Arbitrary<BusinessCalendar> calendars() {
        return Arbitraries.of(CALENDARS);
    }

    @Provide
    Arbitrary<BusinessCalendar> weekdayCalendars() {
        return Arbitraries.of(CALENDARS.stream().filter(calendar -> calendar.days().equals(WEEKDAYS)).toList());
    }

    /** Time left on a clock that runs: with none left, it is due when it stops, not when it resumes. */
    @Provide
    Arbitrary<Duration> workingTimesLeft() {
        return workingTimes().filter(duration -> !duration.isZero());
    }

    /** 2024 to 2030, to the second: leap years, both changes of the clocks each year, Easter early and late. */
    @Provide
    Arbitrary<Instant> instants() {
        return Arbitraries.longs().between(Instant.parse("2024-01-01T00:00:00Z").getEpochSecond(),
                Instant.parse("2031-01-01T00:00:00Z").getEpochSecond()).map(Instant::ofEpochSecond);
    }

    /** Zero to 400 working hours (40 business days of 10 hours), to the second, often a whole number of hours. */
    @Provide
    Arbitrary<Duration> workingTimes() {
        Arbitrary<Duration> seconds = Arbitraries.longs().between(0, Duration.ofHours(400).toSeconds()).map(Duration::ofSeconds);
        Arbitrary<Duration> hours = Arbitraries.longs().between(0, 400).map(Duration::ofHours);
        return Arbitraries.oneOf(seconds, hours);
    }
}
