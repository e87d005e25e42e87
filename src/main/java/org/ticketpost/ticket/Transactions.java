package org.ticketpost.ticket;

/** The database's transactions: one for each unit of work, or one that several units share. */
public interface Transactions extends UnitOfWork {

    /**
     * A transaction for several units of work, committed together: one commit instead of one for each.
     *
     * @throws StoreException the database cannot begin one
     */
    SharedTransaction shared();
}
