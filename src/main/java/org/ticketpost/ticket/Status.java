package org.ticketpost.ticket;

import java.util.Locale;

/** Where a ticket stands: new → open → waiting for customer ⇄ open → resolved → closed. */
public enum Status {
    NEW, OPEN, WAITING_FOR_CUSTOMER, RESOLVED, CLOSED;

    /** Still to be worked on; counted in the engineers' list. */
    public boolean isOpen() {
        return this != RESOLVED && this != CLOSED;
    }

    /** The lifecycle: forward to resolved and closed, back and forth between open and waiting; closed is final. */
    public boolean canBecome(Status next) {
        return switch (this) {
            case NEW -> next != NEW;
            case OPEN -> next == WAITING_FOR_CUSTOMER || next == RESOLVED || next == CLOSED;
            case WAITING_FOR_CUSTOMER -> next == OPEN || next == RESOLVED || next == CLOSED;
            case RESOLVED -> next == OPEN || next == CLOSED;
            case CLOSED -> false;
        };
    }

    /** "waiting for customer", as people say it. */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
