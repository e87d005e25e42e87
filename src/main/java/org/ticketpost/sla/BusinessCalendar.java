package org.ticketpost.sla;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;
import java.util.Set;

/**
 * Business hours: the clocks run on the working days from {@code from} until {@code until}, local
 * time in {@code zone} (never the server's), except on holidays.
 *
 * <p>Working time is counted on the clock, in the hours that lie between a day's opening and its
 * closing; where the clocks change within business hours that day holds an hour more or less. A
 * count that starts outside business hours starts at the next opening. A due time lies within
 * business hours or exactly at a day's closing: a target that runs out at 18:00 is due at 18:00
 * that day, not at 08:00 the next morning.
 */
public record BusinessCalendar(String name, ZoneId zone, Set<DayOfWeek> days, LocalTime from, LocalTime until,
        Set<Holiday> holidays) implements SlaCalendar {

    /** Beyond this many days without an opening the holidays cover every working day: no due time would ever come. */
    private static final int LONGEST_CLOSURE_DAYS = 3660;

    public BusinessCalendar {
        days = Set.copyOf(days);
        holidays = Set.copyOf(holidays);
        if (days.isEmpty()) {
            throw new IllegalArgumentException(name + ": business hours need at least one working day");
        }
        if (!from.isBefore(until)) {
            throw new IllegalArgumentException(name + ": business hours end after they begin, not at " + until + " after " + from);
        }
    }

    /** One working day's hours, as written (until − from, 10 hours for 08:00 to 18:00): what one business day counts. */
    public Duration workingDay() {
        return Duration.between(from, until);
    }

    /**
     * A business day counts {@link #workingDay()}, a business hour one hour, and an ISO-8601
     * duration (PT4H) that much working time: on business hours every target counts working time.
     */
    @Override
    public Duration workingTime(SlaDuration target) {
        if (target instanceof SlaDuration.BusinessTime business) {
            return business.unit() == SlaDuration.BusinessTime.Unit.DAYS ? workingDay().multipliedBy(business.amount())
                    : Duration.ofHours(business.amount());
        }
        return ((SlaDuration.ClockTime) target).duration();
    }

    public boolean isWorkingDay(LocalDate day) {
        return days.contains(day.getDayOfWeek()) && holidays.stream().noneMatch(holiday -> holiday.fallsOn(day));
    }

    @Override
    public Instant plusWorkingTime(Instant start, Duration workingTime) {
        if (workingTime.isNegative()) {
            throw new IllegalArgumentException("working time is zero or more, was " + workingTime);
        }
        Duration left = workingTime;
        int closedDays = 0;
        // from the day before: a change of the clocks may move a closing past midnight
        for (LocalDate day = LocalDate.ofInstant(start, zone).minusDays(1); ; day = day.plusDays(1)) {
            Optional<Opening> opening = openingOn(day).filter(hours -> !hours.closes().isBefore(start));
            if (opening.isEmpty()) {
                if (++closedDays > LONGEST_CLOSURE_DAYS) {
                    throw new IllegalStateException(name + ": no business hours in " + LONGEST_CLOSURE_DAYS + " days after " + start);
                }
                continue;
            }
            closedDays = 0;
            Instant counting = later(start, opening.get().opens());
            Duration open = Duration.between(counting, opening.get().closes());
            if (left.compareTo(open) <= 0) {
                return counting.plus(left);   // at the closing at the latest: "end of day", not the next morning
            }
            left = left.minus(open);
        }
    }

    @Override
    public Duration workingTimeBetween(Instant from, Instant to) {
        if (to.isBefore(from)) {
            return workingTimeBetween(to, from).negated();
        }
        Duration total = Duration.ZERO;
        LocalDate last = LocalDate.ofInstant(to, zone);
        for (LocalDate day = LocalDate.ofInstant(from, zone).minusDays(1); !day.isAfter(last); day = day.plusDays(1)) {
            Optional<Opening> opening = openingOn(day);
            if (opening.isPresent()) {
                Instant counted = later(from, opening.get().opens());
                Instant until = to.isBefore(opening.get().closes()) ? to : opening.get().closes();
                if (counted.isBefore(until)) {
                    total = total.plus(Duration.between(counted, until));
                }
            }
        }
        return total;
    }

    private record Opening(Instant opens, Instant closes) {
    }

    /** A working day's hours as instants; a local time the clocks skip counts from the hour after the change. */
    private Optional<Opening> openingOn(LocalDate day) {
        if (!isWorkingDay(day)) {
            return Optional.empty();
        }
        Instant opens = ZonedDateTime.of(day, from, zone).toInstant();
        Instant closes = ZonedDateTime.of(day, until, zone).toInstant();
        return opens.isBefore(closes) ? Optional.of(new Opening(opens, closes)) : Optional.empty();
    }

    private static Instant later(Instant one, Instant other) {
        return one.isAfter(other) ? one : other;
    }
}
