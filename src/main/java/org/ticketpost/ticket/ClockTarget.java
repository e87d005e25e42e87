package org.ticketpost.ticket;

import java.time.Duration;
import java.time.Instant;

/**
 * One target of a ticket's service level: how much counted time it allows, and how time is
 * counted on the calendar it counts on (every hour, or business hours only).
 */
public interface ClockTarget {

    /** The counted time the target allows, from start to due. */
    Duration allowed();

    /** When {@code timeLeft} of counted time, from {@code start}, has run out; before {@code start} when it is negative. */
    Instant deadline(Instant start, Duration timeLeft);

    /** The counted time from {@code from} to {@code to}; negative when {@code to} is earlier. */
    Duration elapsed(Instant from, Instant to);
}
