package org.ticketpost.desk;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.ticketpost.ticket.SenderRule;
import org.ticketpost.ticket.SupportKey;

/**
 * A support key as an operator sees it, read inside its transaction.
 *
 * @param allow the addresses and domains that may open tickets with it
 */
public record KeyView(String key, String customer, String plan, Optional<LocalDate> validUntil, State state,
        List<String> allow, Instant created, Instant updated) {

    /** Whether the key opens tickets today. */
    public enum State {
        ACTIVE, DISABLED, EXPIRED;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public KeyView {
        allow = List.copyOf(allow);
    }

    static KeyView of(SupportKey key, LocalDate today) {
        State state = key.isDisabled() ? State.DISABLED
                : key.validUntil().filter(today::isAfter).isPresent() ? State.EXPIRED : State.ACTIVE;
        return new KeyView(key.key(), key.customer(), key.plan(), key.validUntil(), state,
                key.senderRules().stream().map(SenderRule::rule).toList(), key.createdAt(), key.updatedAt());
    }
}
