package org.ticketpost.ticket;

import java.util.function.Function;

/** Runs work in one transaction: when it returns, everything the work stored is committed; when it throws, nothing is. */
public interface UnitOfWork {

    <T> T inTransaction(Function<Stores, T> work);

    /**
     * A transaction for several units of work, committed together: one commit instead of one for each.
     *
     * @throws StoreException the database cannot begin one
     */
    SharedTransaction shared();
}
