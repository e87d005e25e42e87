package org.ticketpost.store;

import java.util.List;
import java.util.Optional;
import org.hibernate.Session;
import org.ticketpost.ticket.Message;
import org.ticketpost.ticket.MessageRepository;
import org.ticketpost.ticket.Ticket;
import org.ticketpost.ticket.TicketNumber;

final class HibernateMessageRepository implements MessageRepository {

    private final Session session;

    HibernateMessageRepository(Session session) {
        this.session = session;
    }

    @Override
    public Optional<Earlier> findByKey(String messageKey) {
        return Jdbc.query(session, "select t.number from message m left join ticket t on t.id = m.ticket_id where m.message_key = ?",
                statement -> statement.setString(1, messageKey),
                row -> new Earlier(Optional.ofNullable(row.getString(1)).flatMap(TicketNumber::parse)));
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
