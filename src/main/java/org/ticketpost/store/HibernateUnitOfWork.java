package org.ticketpost.store;

import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import java.util.function.Function;
import java.util.function.Supplier;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.exception.ConstraintViolationException;
import org.ticketpost.ticket.SharedTransaction;
import org.ticketpost.ticket.StoreConflictException;
import org.ticketpost.ticket.StoreException;
import org.ticketpost.ticket.Stores;
import org.ticketpost.ticket.Transactions;

/** One Hibernate session and transaction per unit of work, or one for several where they share it. */
final class HibernateUnitOfWork implements Transactions {

    private final SessionFactory sessionFactory;

    HibernateUnitOfWork(SessionFactory sessionFactory) {
        this.sessionFactory = sessionFactory;
    }

    @Override
    public <T> T inTransaction(Function<Stores, T> work) {
        return translated(() -> sessionFactory.fromTransaction(session -> work.apply(new SessionStores(session))));
    }

    @Override
    public SharedTransaction shared() {
        return translated(() -> {
            Session session = sessionFactory.openSession();
            try {
                session.beginTransaction();
                return new Shared(session);
            } catch (RuntimeException e) {
                session.close();
                throw e;
            }
        });
    }

    /** The store's own exceptions for Hibernate's: a conflict with a concurrent change, or a failed database. */
    private static <T> T translated(Supplier<T> work) {
        try {
            return work.get();
        } catch (ConstraintViolationException | OptimisticLockException | org.hibernate.StaleStateException e) {
            throw new StoreConflictException("a concurrent change: " + Database.rootMessage(e), e);
        } catch (PersistenceException e) {
            throw new StoreException("the database failed: " + Database.rootMessage(e), e);
        }
    }

    /**
     * One session for all units: each is flushed when done, so that the next one's queries see
     * its rows, and then detached, so that no flush checks the entities of the units before.
     */
    private static final class Shared implements SharedTransaction {
        private final Session session;
        private boolean spoilt;

        Shared(Session session) {
            this.session = session;
        }

        @Override
        public <T> T inTransaction(Function<Stores, T> work) {
            if (spoilt) {
                throw new StoreException("an earlier unit of this shared transaction failed: it is rolled back", null);
            }
            try {
                return translated(() -> {
                    T result = work.apply(new SessionStores(session));
                    session.flush();
                    session.clear();
                    return result;
                });
            } catch (RuntimeException e) {
                spoilt = true;   // the session may hold half of the unit: none of it may be committed
                throw e;
            }
        }

        @Override
        public void commit() {
            if (spoilt) {
                throw new StoreException("a unit of this shared transaction failed: it is rolled back", null);
            }
            spoilt = true;   // committed or failed, it takes no more units
            translated(() -> {
                session.getTransaction().commit();
                return null;
            });
        }

        @Override
        public void close() {
            try {
                if (session.getTransaction().isActive()) {
                    session.getTransaction().rollback();
                }
            } catch (PersistenceException e) {
                // the database went away: it rolls back by itself
            } finally {
                session.close();
            }
        }
    }
}
