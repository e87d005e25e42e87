package org.ticketpost.ticket;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** The mails waiting to be sent. */
public interface OutboxRepository {

    void add(OutboxEntry entry);

    /** Waiting mails (neither sent nor failed) whose next attempt is due, oldest first. */
    List<OutboxEntry> due(Instant now, int limit);

    /**
     * Takes the waiting mails that are due, oldest first, for one sender: each is held until then
     * (see {@link OutboxEntry#claimUntil}). Mails another sender is taking at the same moment are
     * passed over, not waited for, so that two senders never take the same mail. The mails come
     * with their message.
     */
    List<OutboxEntry> claimDue(Instant now, int limit, Instant until);

    Optional<OutboxEntry> find(long id);

    /** Makes the waiting ones of these mails due now: a sender that stops gives back what it took but did not try. */
    void release(Collection<Long> ids, Instant now);

    /** The mails still waiting, read from the index the sender uses, so that it costs no more than what waits. */
    OutboxBacklog backlog();

    /** How many automatic mails went to this address since then: what keeps two auto-responders from looping. */
    long countTo(String recipient, Instant since);
}
