package org.ticketpost.intake;

import org.ticketpost.ticket.Stores;

/**
 * What a door stores about a mail in the transaction that commits the mail's outcome: both are
 * committed together or neither is, at the cost of one durable commit.
 */
@FunctionalInterface
public interface WithOutcome {

    /** Nothing beside the outcome. */
    WithOutcome NOTHING = (outcome, stores) -> { };

    /** Runs inside intake's transaction, once the outcome is decided; it may run again where intake retries the mail. */
    void store(Outcome outcome, Stores stores);
}
