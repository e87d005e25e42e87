package org.ticketpost.ops;

/**
 * Tells how one part of the service is: the database, the mail server replies go through, a
 * mailbox, an LMTP listener. A check that throws counts as down, with the exception's message.
 */
@FunctionalInterface
public interface HealthCheck {

    Health check();
}
