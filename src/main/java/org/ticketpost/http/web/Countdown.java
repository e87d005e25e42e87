package org.ticketpost.http.web;

import java.time.Duration;
import java.util.Optional;
import org.ticketpost.desk.ClockView;

/**
 * An SLA clock as the page shows it: the time left when the page was made, which page.js counts
 * down each second while the clock runs; negative, and red, once it is breached.
 *
 * @param clock           which clock: "first response", "update", "resolution"
 * @param state           running, paused, met or breached: the CSS class and what page.js does with it
 * @param text            the time left as the page was made: "2d 03:04:05", "-00:12:30"
 * @param remainingMillis the same in milliseconds, for page.js
 */
record Countdown(String clock, String state, String text, long remainingMillis) {

    static final Countdown NONE = new Countdown("", "none", "-", 0);

    static Countdown of(Optional<ClockView> clock) {
        return clock.map(Countdown::of).orElse(NONE);
    }

    static Countdown of(ClockView clock) {
        Optional<Duration> remaining = clock.remaining();
        String state = remaining.isPresent() && remaining.get().isNegative() ? "breached" : clock.state().label();
        return new Countdown(clock.name().words(), state, remaining.map(Countdown::text).orElse(clock.state().label()),
                remaining.map(Duration::toMillis).orElse(0L));
    }

    /** Whether page.js counts it down: only a running clock's time passes. */
    public boolean ticking() {
        return !"paused".equals(state) && !"met".equals(state) && !"none".equals(state);
    }

    /** As page.js writes it too: days, then hours, minutes and seconds; a minus sign once overdue. */
    static String text(Duration remaining) {
        long seconds = Math.abs(remaining.toSeconds());
        long days = seconds / 86_400;
        String clock = String.format("%02d:%02d:%02d", seconds % 86_400 / 3_600, seconds % 3_600 / 60, seconds % 60);
        return (remaining.isNegative() ? "-" : "") + (days > 0 ? days + "d " : "") + clock;
    }
}
