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
        // the attachments with their mails: loaded one mail at a time, a ticket of 200 mails cost 200 more queries
        return session.createSelectionQuery("from Message m left join fetch m.attachments attachment"
                        + " where m.ticket = :ticket order by m.createdAt, m.id, attachment.id", Message.class)
                .setParameter("ticket", ticket)
                .getResultList();
    }
}
