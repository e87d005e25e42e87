package org.ticketpost.intake;

import java.time.Instant;
import java.util.Optional;
import org.ticketpost.ticket.Stores;

/** The same mail delivered twice (same Message-ID, or same bytes when it has none) never makes two tickets. */
final class Duplicates implements IntakeStep {

    @Override
    public Optional<Outcome> decide(InboundMail mail, Stores stores, Instant now) {
        return stores.messages().findByKey(mail.messageKey()).map(earlier -> new Outcome.Duplicate(earlier.ticket()));
    }
}
