package org.ticketpost.ticket;

/** The SLA clocks a ticket can have, one per target of its plan. */
public enum ClockName {
    FIRST_RESPONSE("firstResponse", "first response"), UPDATE("update", "update"), RESOLUTION("resolution", "resolution");

    private final String label;
    private final String words;

    ClockName(String label, String words) {
        this.label = label;
        this.words = words;
    }

    /** "first response", as a sentence of the history or a mail names it. */
    public String words() {
        return words;
    }

    /** "firstResponse", as config/sla-plans.yaml names the target. */
    public String label() {
        return label;
    }
}
