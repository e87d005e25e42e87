package org.ticketpost.ticket;

import java.time.ZoneId;
import java.util.Optional;

/** What a ticket's plan promises at its severity: a target per clock, and when to warn before one is missed. */
public interface ServiceLevel {

    /** No promise: a ticket whose plan is not configured runs no clock. */
    ServiceLevel NONE = new ServiceLevel() {
        @Override
        public Optional<ClockTarget> target(ClockName clock) {
            return Optional.empty();
        }

        @Override
        public int warnAtPercent() {
            return 100;
        }
    };

    /** None where the plan sets no such target, e.g. no update interval below Severity 2. */
    Optional<ClockTarget> target(ClockName clock);

    /** How much of a target may pass before the on-call engineers are warned. */
    int warnAtPercent();

    /**
     * The zone of the business hours the clocks count on, in which a customer reads their due
     * times; none around the clock, where no zone is the plan's own.
     */
    default Optional<ZoneId> zone() {
        return Optional.empty();
    }
}
