package org.ticketpost.store;

import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import java.util.function.Function;
import org.hibernate.SessionFactory;
import org.hibernate.exception.ConstraintViolationException;
import org.ticketpost.ticket.StoreConflictException;
import org.ticketpost.ticket.StoreException;
import org.ticketpost.ticket.Stores;
import org.ticketpost.ticket.UnitOfWork;

/** One Hibernate session and transaction per unit of work. */
final class HibernateUnitOfWork implements UnitOfWork {

    private final SessionFactory sessionFactory;

    HibernateUnitOfWork(SessionFactory sessionFactory) {
        this.sessionFactory = sessionFactory;
    }

    @Override
    public <T> T inTransaction(Function<Stores, T> work) {
        try {
            return sessionFactory.fromTransaction(session -> work.apply(new SessionStores(session)));
        } catch (ConstraintViolationException | OptimisticLockException | org.hibernate.StaleStateException e) {
            throw new StoreConflictException("a concurrent change: " + Database.rootMessage(e), e);
        } catch (PersistenceException e) {
            throw new StoreException("the database failed: " + Database.rootMessage(e), e);
        }
    }
}
