package org.ticketpost.ticket;

/** Another transaction got there first (the same mail delivered twice at once, a ticket changed meanwhile); trying again settles it. */
public final class StoreConflictException extends StoreException {
    public StoreConflictException(String message, Throwable cause) {
        super(message, cause);
    }
}
