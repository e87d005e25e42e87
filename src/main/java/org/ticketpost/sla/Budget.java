package org.ticketpost.sla;

import java.time.Duration;
import java.time.Instant;
import org.ticketpost.ticket.ClockTarget;

/**
 * What one target allows: the calendar it counts on and how much of its working time (every
 * hour around the clock; only business hours on a business calendar, {@code PT4H} as well as
 * "4 business hours"). Every deadline and every time left of a ticket's clocks is counted
 * here, so that the clocks never count on their own.
 */
public final class Budget implements ClockTarget {

    private final SlaCalendar countsOn;
    private final Duration allowed;

    private Budget(SlaCalendar countsOn, Duration allowed) {
        this.countsOn = countsOn;
        this.allowed = allowed;
    }

    /** @param calendar the calendar of the target's severity */
    public static Budget of(SlaCalendar calendar, SlaDuration target) {
        return new Budget(calendar, calendar.workingTime(target));
    }

    /** The calendar the time is counted on. */
    public SlaCalendar countsOn() {
        return countsOn;
    }

    @Override
    public Duration allowed() {
        return allowed;
    }

    /**
     * When {@code timeLeft} of working time runs out from {@code start}. A clock already overdue
     * has negative time left, which no calendar counts backwards: its due time lies that much
     * elapsed time before the start, which keeps it overdue by as much as it was.
     */
    @Override
    public Instant deadline(Instant start, Duration timeLeft) {
        if (timeLeft.isNegative()) {
            return start.plus(timeLeft);
        }
        return countsOn.plusWorkingTime(start, timeLeft);
    }

    @Override
    public Duration elapsed(Instant from, Instant to) {
        return countsOn.workingTimeBetween(from, to);
    }

    @Override
    public String toString() {
        return allowed + " on " + countsOn.name();
    }
}
