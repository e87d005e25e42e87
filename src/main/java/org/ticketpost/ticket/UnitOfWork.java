package org.ticketpost.ticket;

import java.util.function.Function;

/** Runs work in one transaction: when it returns, everything the work stored is committed; when it throws, nothing is. */
public interface UnitOfWork {

    <T> T inTransaction(Function<Stores, T> work);
}
