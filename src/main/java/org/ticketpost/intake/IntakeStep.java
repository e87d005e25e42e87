package org.ticketpost.intake;

import java.time.Instant;
import java.util.Optional;
import org.ticketpost.ticket.Stores;

/** One step of intake: it decides what happens to a mail, or returns empty to pass it on to the next. */
interface IntakeStep {
    Optional<Outcome> decide(InboundMail mail, Stores stores, Instant now);
}
