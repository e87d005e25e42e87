package org.ticketpost.sla;

/** The hours in which SLA clocks run: around the clock, or a {@link BusinessCalendar}. */
public sealed interface SlaCalendar permits SlaCalendar.AroundTheClock, BusinessCalendar {

    /** The name config/sla-plans.yaml gives it. */
    String name();

    /** Every hour of every day counts, holidays included (24x7). */
    record AroundTheClock(String name) implements SlaCalendar {
    }
}
