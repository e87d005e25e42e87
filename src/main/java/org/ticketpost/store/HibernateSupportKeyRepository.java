package org.ticketpost.store;

import java.util.List;
import java.util.Optional;
import org.hibernate.Session;
import org.ticketpost.ticket.SupportKey;
import org.ticketpost.ticket.SupportKeyRepository;

final class HibernateSupportKeyRepository implements SupportKeyRepository {

    private final Session session;

    HibernateSupportKeyRepository(Session session) {
        this.session = session;
    }

    @Override
    public Optional<SupportKey> find(String key) {
        return session.createSelectionQuery("from SupportKey k left join fetch k.senders where k.keyValue = :key", SupportKey.class)
                .setParameter("key", key)
                .uniqueResultOptional();
    }

    @Override
    public void add(SupportKey key) {
        session.persist(key);
    }

    @Override
    public List<SupportKey> all() {
        return session.createSelectionQuery("select distinct k from SupportKey k left join fetch k.senders order by k.keyValue", SupportKey.class).getResultList();
    }
}
