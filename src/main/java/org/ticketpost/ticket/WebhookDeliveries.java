package org.ticketpost.ticket;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

/** The webhook calls waiting to be made, and how each went. */
public interface WebhookDeliveries {

    /** Queues the call, due at once. */
    void add(WebhookDelivery delivery);

    /**
     * Takes the waiting calls that are due, oldest first, for one sender, and holds them for it
     * until {@code until}: one it does not record by then is due again. Calls another sender is
     * taking at the same moment are passed over, not waited for, so two senders never take the same.
     */
    List<WebhookDelivery> claimDue(Instant now, int limit, Instant until);

    void markSent(String id, Instant at);

    /** One more failed attempt; the call is tried again at {@code next}. */
    void markRetry(String id, String error, Instant next);

    /** One more failed attempt, after which the call is given up. */
    void markFailed(String id, String error, Instant at);

    /** Makes the waiting ones of these calls due now: a sender that stops gives back what it took but did not try. */
    void release(Collection<String> ids, Instant now);
}
