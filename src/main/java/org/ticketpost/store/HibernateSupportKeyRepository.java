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

    /** Looked up for every mail: the id by plain SQL, the key by its id, which Hibernate loads the cheapest way. */
    @Override
    public Optional<SupportKey> find(String key) {
        return Jdbc.query(session, "select id from support_key where key_value = ?", statement -> statement.setString(1, key),
                        row -> row.getLong(1))
                .map(id -> session.find(SupportKey.class, id));
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
