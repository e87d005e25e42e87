package org.ticketpost.store;

/** What benchmarks outside this package need of the store's internals. */
public final class StoreAccess {

    private StoreAccess() {
    }

    /** The SLA scheduler's claim, with the parameters :now and :limit. */
    public static String claimAlertsSql() {
        return HibernateTicketRepository.CLAIM_ALERTS;
    }
}
