package org.ticketpost.ops;

import java.time.Duration;

/**
 * What the service counts for the operator's metrics, told by the part where it happens: intake
 * for each mail delivered, the outbox sender for each mail it handed over or could not, a
 * mailbox reader or an LMTP listener for each connection it had to make again. Plain Java, so
 * that those parts know nothing of the metrics library behind it.
 */
public interface ServiceMetrics {

    /** Counts nothing: for the commands, which end before anyone could read a count. */
    ServiceMetrics NONE = new ServiceMetrics() {
    };

    /**
     * One mail delivered, whichever door it came through.
     *
     * @param outcome as the delivery's log line names it: ticket, followup, rejected, ignored,
     *                duplicate, not_a_mail or try_again
     * @param took    from its first byte to its commit (or its refusal)
     */
    default void delivered(String outcome, Duration took) {
    }

    /** The mail server took a reply. */
    default void sent() {
    }

    /**
     * The mail server did not take a reply.
     *
     * @param forGood whether it refused it for good; otherwise it is tried again later
     */
    default void sendFailed(boolean forGood) {
    }

    /**
     * A door lost its connection and made it again.
     *
     * @param door such as "imap", "pop3" or "smtp"
     */
    default void reconnected(String door) {
    }
}
