package org.ticketpost.ticket;

import java.util.List;
import java.util.Optional;

/** The mails received and sent. */
public interface MessageRepository {

    /**
     * Whether a mail with this key (Message-ID, or content hash) came before, and the ticket it went to.
     * Asked for every mail, so it reads no more than that.
     */
    Optional<Earlier> findByKey(String messageKey);

    /** A mail received before: the ticket it is on, if any. */
    record Earlier(Optional<TicketNumber> ticket) {
    }

    void add(Message message);

    /** A ticket's mails, oldest first. */
    List<Message> ofTicket(Ticket ticket);
}
