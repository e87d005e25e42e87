package org.ticketpost.sla;

import java.time.Duration;
import java.time.Instant;

/**
 * The hours in which SLA clocks run: around the clock, or a {@link BusinessCalendar}. A clock
 * counts working time, the time that passes while the calendar is open; every due time is
 * reckoned from it, so that a clock paused and resumed keeps exactly the time it had left:
 * <pre>{@code
 * Duration allowed = calendar.workingTime(target);                       // the whole target
 * Duration left = allowed.minus(calendar.workingTimeBetween(started, paused));
 * Instant due = calendar.plusWorkingTime(resumed, left);                  // when left is positive
 * }</pre>
 */
public sealed interface SlaCalendar permits SlaCalendar.AroundTheClock, BusinessCalendar {

    /** The name config/sla-plans.yaml gives it. */
    String name();

    /**
     * How much working time a target allows on this calendar: the duration itself around the
     * clock; on business hours see {@link BusinessCalendar#workingTime(SlaDuration)}.
     *
     * @throws IllegalArgumentException for business hours or days on a calendar without business hours
     */
    Duration workingTime(SlaDuration target);

    /**
     * When the working time runs out that starts at {@code start}: the due time of a target
     * started then.
     *
     * @param workingTime zero or more
     * @throws IllegalArgumentException for a negative working time
     */
    Instant plusWorkingTime(Instant start, Duration workingTime);

    /** The due time of a target started at {@code start}: {@code plusWorkingTime(start, workingTime(target))}. */
    default Instant plus(Instant start, SlaDuration target) {
        return plusWorkingTime(start, workingTime(target));
    }

    /**
     * The working time from {@code from} to {@code to}: what a clock used up between them. Negative
     * when {@code to} is before {@code from}, as {@link Duration#between} is.
     */
    Duration workingTimeBetween(Instant from, Instant to);

    /** Every hour of every day counts, holidays included (24x7): working time is elapsed time. */
    record AroundTheClock(String name) implements SlaCalendar {

        @Override
        public Duration workingTime(SlaDuration target) {
            if (target instanceof SlaDuration.ClockTime clockTime) {
                return clockTime.duration();
            }
            throw new IllegalArgumentException(target + " needs a calendar with business hours, not " + name);
        }

        @Override
        public Instant plusWorkingTime(Instant start, Duration workingTime) {
            if (workingTime.isNegative()) {
                throw new IllegalArgumentException("working time is zero or more, was " + workingTime);
            }
            return start.plus(workingTime);
        }

        @Override
        public Duration workingTimeBetween(Instant from, Instant to) {
            return Duration.between(from, to);
        }
    }
}
