package org.ticketpost.ticket;

/** The SLA clocks a ticket can have, one per target of its plan. */
public enum ClockName {
    FIRST_RESPONSE("firstResponse"), UPDATE("update"), RESOLUTION("resolution");

    private final String label;

    ClockName(String label) {
        this.label = label;
    }

    /** "firstResponse", as config/sla-plans.yaml names the target. */
    public String label() {
        return label;
    }
}
