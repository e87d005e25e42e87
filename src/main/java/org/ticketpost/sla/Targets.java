package org.ticketpost.sla;

import java.time.ZoneId;
import java.util.Optional;
import java.util.stream.Stream;
import org.ticketpost.ticket.ClockName;
import org.ticketpost.ticket.ClockTarget;
import org.ticketpost.ticket.ServiceLevel;

/**
 * What a plan promises for one severity. An absent target is no promise (Severity 4 has no
 * resolution target by default).
 *
 * @param calendar      the hours the clocks run in
 * @param firstResponse until the first answer to the customer
 * @param updateEvery   how often the customer hears of progress until resolution
 * @param resolution    until the ticket is resolved
 * @param warnAtPercent how much of a target may pass before the on-call engineers are warned
 */
public record Targets(SlaCalendar calendar, Optional<SlaDuration> firstResponse, Optional<SlaDuration> updateEvery,
        Optional<SlaDuration> resolution, int warnAtPercent) implements ServiceLevel {

    /** Warn when three quarters of a target are used up: a quarter is left to act. */
    public static final int DEFAULT_WARN_AT_PERCENT = 75;

    public Targets {
        if (warnAtPercent < 1 || warnAtPercent > 99) {
            throw new IllegalArgumentException("the warning comes at 1% to 99% of a target, was " + warnAtPercent + "%");
        }
        boolean businessTime = Stream.of(firstResponse, updateEvery, resolution)
                .flatMap(Optional::stream)
                .anyMatch(SlaDuration.BusinessTime.class::isInstance);
        if (businessTime && !(calendar instanceof BusinessCalendar)) {
            throw new IllegalArgumentException("business hours and days need a calendar with business hours, not " + calendar.name());
        }
    }

    /** The clock's target, counted on this severity's calendar. */
    @Override
    public Optional<ClockTarget> target(ClockName clock) {
        Optional<SlaDuration> target = switch (clock) {
            case FIRST_RESPONSE -> firstResponse;
            case UPDATE -> updateEvery;
            case RESOLUTION -> resolution;
        };
        return target.map(duration -> Budget.of(calendar, duration));
    }

    @Override
    public Optional<ZoneId> zone() {
        return calendar instanceof BusinessCalendar business ? Optional.of(business.zone()) : Optional.empty();
    }
}
