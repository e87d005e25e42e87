package org.ticketpost.store;

import java.util.List;
import java.util.Optional;
import org.hibernate.Session;
import org.ticketpost.ticket.Engineer;
import org.ticketpost.ticket.EngineerRepository;

final class HibernateEngineerRepository implements EngineerRepository {

    private final Session session;

    HibernateEngineerRepository(Session session) {
        this.session = session;
    }

    @Override
    public Optional<Engineer> find(String name) {
        return session.createSelectionQuery("from Engineer e where e.name = :name", Engineer.class)
                .setParameter("name", name).uniqueResultOptional();
    }

    @Override
    public Optional<Engineer> findByTokenHash(String tokenHash) {
        return session.createSelectionQuery("from Engineer e where e.tokenHash = :hash", Engineer.class)
                .setParameter("hash", tokenHash).uniqueResultOptional();
    }

    @Override
    public void add(Engineer engineer) {
        session.persist(engineer);
    }

    @Override
    public List<Engineer> all() {
        return session.createSelectionQuery("from Engineer e order by e.name", Engineer.class).getResultList();
    }
}
