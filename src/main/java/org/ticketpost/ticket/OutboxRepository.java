package org.ticketpost.ticket;

import java.time.Instant;
import java.util.List;

/** The mails waiting to be sent. */
public interface OutboxRepository {

    void add(OutboxEntry entry);

    /** Unsent mails whose next attempt is due, oldest first. */
    List<OutboxEntry> due(Instant now, int limit);

    /** How many automatic mails went to this address since then: what keeps two auto-responders from looping. */
    long countTo(String recipient, Instant since);
}
