package org.ticketpost.sla;

import java.time.Duration;

/** How long a target allows: time on the wall clock, or time counted on a calendar's business hours. */
public sealed interface SlaDuration {

    /**
     * A time as an ISO-8601 duration such as PT4H or P5D in config/sla-plans.yaml: elapsed time on a
     * 24x7 calendar, that much working time on business hours (PT4H: four working hours).
     */
    record ClockTime(Duration duration) implements SlaDuration {
        public ClockTime {
            if (duration.isNegative() || duration.isZero()) {
                throw new IllegalArgumentException("a target lasts longer than zero, was " + duration);
            }
        }

        @Override
        public String toString() {
            return duration.toString();
        }
    }

    /** Hours or days counted only within the business hours of the target's calendar ("3 business days"). */
    record BusinessTime(int amount, Unit unit) implements SlaDuration {

        public enum Unit { HOURS, DAYS }

        public BusinessTime {
            if (amount <= 0) {
                throw new IllegalArgumentException("a target lasts longer than zero, was " + amount + " business " + unit);
            }
        }

        @Override
        public String toString() {
            String unitName = unit == Unit.HOURS ? "hour" : "day";
            return amount + " business " + unitName + (amount == 1 ? "" : "s");
        }
    }
}
