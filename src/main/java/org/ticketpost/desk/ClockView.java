package org.ticketpost.desk;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.ticketpost.ticket.ClockName;
import org.ticketpost.ticket.ClockState;
import org.ticketpost.ticket.TicketClock;

/**
 * One SLA clock as engineers see it at a moment.
 *
 * @param due       when it runs out, or when it was due once met; none while paused
 * @param remaining until due on the wall clock while it runs, or the counted time left while it is
 *                  paused; negative when it is breached; none once met or stopped
 */
public record ClockView(ClockName name, State state, Optional<Instant> due, Optional<Duration> remaining) {

    /** A stopped clock is met, or breached when it had run out: the ticket was resolved. */
    public enum State {
        RUNNING, PAUSED, MET, BREACHED;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** The clock that runs out first: the pending one with the least time remaining. */
    static Optional<ClockView> nearest(Map<ClockName, TicketClock> clocks, Instant now) {
        return clocks.entrySet().stream()
                .map(clock -> of(clock.getKey(), clock.getValue(), now))
                .filter(clock -> clock.remaining().isPresent())
                .min(Comparator.comparing(clock -> clock.remaining().orElseThrow()));
    }

    static ClockView of(ClockName name, TicketClock clock, Instant now) {
        Optional<Duration> remaining = switch (clock.state()) {
            case RUNNING -> clock.due().map(due -> Duration.between(now, due));
            case PAUSED -> clock.leftWhilePaused();
            case MET, STOPPED -> Optional.empty();
        };
        return new ClockView(name, state(clock, now), clock.due(), remaining);
    }

    private static State state(TicketClock clock, Instant now) {
        if (clock.breached(now)) {
            return State.BREACHED;
        }
        return clock.state() == ClockState.RUNNING ? State.RUNNING : clock.state() == ClockState.PAUSED ? State.PAUSED : State.MET;
    }
}
