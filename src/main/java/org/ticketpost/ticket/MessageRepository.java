package org.ticketpost.ticket;

import java.util.List;
import java.util.Optional;

/** The mails received and sent. */
public interface MessageRepository {

    /** The received mail with this key (Message-ID, or content hash), if it came before. */
    Optional<Message> findByKey(String messageKey);

    void add(Message message);

    /** A ticket's mails, oldest first. */
    List<Message> ofTicket(Ticket ticket);
}
