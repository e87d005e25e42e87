package org.ticketpost.sla;

import java.time.Duration;
import java.time.Instant;
import org.ticketpost.ticket.ClockTarget;

/**
 * What one target allows: the calendar it counts on and how much counted time. A target given
 * as clock time ({@code PT4H}) counts every hour, whatever its calendar; one given in business
 * hours or days counts only the working time of its business calendar. Every deadline and every
 * time left of a ticket's clocks is counted here, so that the clocks never count on their own.
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
        if (target instanceof SlaDuration.ClockTime clockTime) {
            return new Budget(new SlaCalendar.AroundTheClock(calendar.name()), clockTime.duration());
        }
        SlaDuration.BusinessTime business = (SlaDuration.BusinessTime) target;
        BusinessCalendar hours = (BusinessCalendar) calendar;   // Targets allows business time on business calendars only
        Duration unit = business.unit() == SlaDuration.BusinessTime.Unit.HOURS
                ? Duration.ofHours(1)
                : Duration.between(hours.from(), hours.until());   // a business day is one working day's hours
        return new Budget(hours, unit.multipliedBy(business.amount()));
    }

    /** The calendar the time is counted on: around the clock for a target in clock time. */
    public SlaCalendar countsOn() {
        return countsOn;
    }

    @Override
    public Duration allowed() {
        return allowed;
    }

    @Override
    public Instant deadline(Instant start, Duration timeLeft) {
        if (countsOn instanceof BusinessCalendar business) {
            return businessHours(business).deadline(start, timeLeft);
        }
        return start.plus(timeLeft);
    }

    @Override
    public Duration elapsed(Instant from, Instant to) {
        if (countsOn instanceof BusinessCalendar business) {
            return businessHours(business).elapsed(from, to);
        }
        return Duration.between(from, to);
    }

    /**
     * THE ONE PLACE where time is counted on business hours: the calendar's own arithmetic
     * (its deadline after an amount of working time, and the working time between two moments)
     * is called from here. Until business calendars count, a target in business time has no
     * deadline and opens no clock (see {@code TicketClocks}).
     */
    private static ClockTarget businessHours(BusinessCalendar calendar) {
        throw new UnsupportedOperationException(calendar.name() + ": counting business hours is not supported");
    }

    @Override
    public String toString() {
        return allowed + " on " + countsOn.name();
    }
}
