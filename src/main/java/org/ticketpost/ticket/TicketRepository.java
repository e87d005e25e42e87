package org.ticketpost.ticket;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** The tickets. */
public interface TicketRepository {

    /** A new number from the database sequence: unique however many processes open tickets at once. */
    TicketNumber nextNumber();

    void add(Ticket ticket);

    Optional<Ticket> find(TicketNumber number);

    /** The ticket that a mail with one of these Message-IDs, received or sent, belongs to. */
    Optional<Ticket> findByMessageIds(Collection<String> messageIds);

    /**
     * The tickets the query asks for at {@code now}: the escalated first, then the nearest SLA due time, then the newest,
     * their clocks and assignees loaded.
     */
    List<Ticket> list(TicketQuery query, Instant now);

    /**
     * Takes the tickets with a clock whose warning or breach is due by now, the earliest alert
     * first, at most {@code limit} clocks' worth: each is locked until the transaction ends, and
     * tickets another transaction holds are passed over, not waited for, so that two schedulers
     * never alert the same clock. Reads only the clocks that are due, from their index.
     */
    List<Ticket> claimAlertsDue(Instant now, int limit);

    /** Tickets not yet resolved that this address opened or that belong to one of these keys, newest first. */
    List<Ticket> openOf(String reporter, Collection<SupportKey> keys, int limit);
}
