package org.ticketpost.desk;

/** A use case refused to do what was asked, for the reason its {@link Refusal} gives. */
public final class Refused extends Exception {

    private final transient Refusal refusal;

    public Refused(Refusal refusal) {
        super(refusal.toString(), null, false, false);   // expected, not a fault: no stack trace
        this.refusal = refusal;
    }

    public Refusal refusal() {
        return refusal;
    }
}
