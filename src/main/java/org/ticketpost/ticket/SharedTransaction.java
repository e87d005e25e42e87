package org.ticketpost.ticket;

/**
 * One transaction for several units of work, as for a batch of mails taken in together: each
 * unit's work sees what the ones before it stored, and nothing is committed before
 * {@link #commit()}. Once a unit fails, the transaction is spoilt: every further unit throws, and
 * closing it rolls back what the earlier ones stored.
 */
public interface SharedTransaction extends UnitOfWork, AutoCloseable {

    /**
     * Commits what every unit stored.
     *
     * @throws StoreException the commit failed: nothing is stored
     */
    void commit();

    /** Rolls back what is not committed, and ends the transaction. */
    @Override
    void close();
}
