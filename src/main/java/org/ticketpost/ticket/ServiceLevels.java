package org.ticketpost.ticket;

/** The service levels of the configured plans: what a ticket's clocks count against. */
public interface ServiceLevels {

    /** {@link ServiceLevel#NONE} for a plan the configuration no longer has. */
    ServiceLevel of(String plan, int severity);
}
