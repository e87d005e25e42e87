package org.ticketpost.ticket;

import java.time.Duration;
import java.time.Instant;

/**
 * A warning or a breach of one of a ticket's SLA clocks, as its history recorded it and as the
 * on-call engineers hear of it.
 *
 * @param left        the counted time left when it was recorded; negative after a breach
 * @param percentUsed how much of the clock's allowed time was used by then
 */
public record SlaAlert(ClockName clock, boolean breach, Instant due, Duration left, long percentUsed) {

    /** "first response due in 15 min (75% used)", or "first response overdue since 2026-11-16T09:00:00Z". */
    public String shown() {
        return breach ? clock.words() + " overdue since " + due
                : clock.words() + " due in " + inWords(left) + " (" + percentUsed + "% used)";
    }

    /** "15 min", "2 h 5 min": counted time, which on a business calendar skips the closed hours. */
    public static String inWords(Duration duration) {
        long minutes = Math.max(0, duration.toMinutes());
        if (minutes < 60) {
            return minutes + " min";
        }
        return minutes / 60 + " h" + (minutes % 60 == 0 ? "" : " " + minutes % 60 + " min");
    }
}
