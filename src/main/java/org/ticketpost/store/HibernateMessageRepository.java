package org.ticketpost.store;

import java.util.List;
import java.util.Optional;
import org.hibernate.Session;
import org.ticketpost.ticket.Message;
import org.ticketpost.ticket.MessageRepository;
import org.ticketpost.ticket.Ticket;

final class HibernateMessageRepository implements MessageRepository {

    private final Session session;

    HibernateMessageRepository(Session session) {
        this.session = session;
    }

    @Override
    public Optional<Message> findByKey(String messageKey) {
        return session.createSelectionQuery("from Message where messageKey = :key", Message.class)
                .setParameter("key", messageKey)
                .uniqueResultOptional();
    }

    @Override
    public void add(Message message) {
        session.persist(message);
    }

    @Override
    public List<Message> ofTicket(Ticket ticket) {
        return session.createSelectionQuery("from Message where ticket = :ticket order by createdAt, id", Message.class)
                .setParameter("ticket", ticket)
                .getResultList();
    }
}
