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

    /** Every waiting mail, due or not, by next attempt; with its message and ticket. */
    List<OutboxEntry> waiting(int limit);

    /** Mails failed for good or bounced, the latest first; with their message and ticket. */
    List<OutboxEntry> undelivered(int limit);

    /**
     * Takes the waiting mails that are due, oldest first, for one sender: each is held until then
     * (see {@link OutboxEntry#claimUntil}). Mails another sender is taking at the same moment are
     * passed over, not waited for, so that two senders never take the same mail. The mails come
     * with their message.
     */
    List<OutboxEntry> claimDue(Instant now, int limit, Instant until);

    /**
     * Extends a sender's hold on mails it took and has not recorded yet, where it still holds them:
     * held until {@code heldUntil}, and neither sent, failed nor bounced meanwhile.
     *
     * @return how many it still held, now until {@code until}
     */
    int extendClaim(Collection<Long> ids, Instant heldUntil, Instant until);

    Optional<OutboxEntry> find(long id);

    /** The mail sent with this envelope sender, in lower case, when no other was: a return path of one mail's own. */
    Optional<OutboxEntry> findByReturnPath(String returnPath);

    /** The mail sent with this Message-ID, without angle brackets. */
    Optional<OutboxEntry> findByMessageId(String messageId);

    /** Makes the waiting ones of these mails due now: a sender that stops gives back what it took but did not try. */
    void release(Collection<Long> ids, Instant now);

    /** The mails still waiting, read from the index the sender uses, so that it costs no more than what waits. */
    OutboxBacklog backlog();

    /**
     * How many automatic mails went to this mailbox since then, counting its tagged forms
     * (jane+1@example.com for jane@example.com): what keeps two auto-responders from looping.
     */
    long countToMailbox(String mailbox, Instant since);

    /** How many automatic mails went to any address at this domain since then. */
    long countToDomain(String domain, Instant since);
}
