package org.ticketpost.ticket;

/** The database or the file store failed: unreachable, full, or refusing a write. Nothing of the failed work was kept. */
public class StoreException extends RuntimeException {
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
