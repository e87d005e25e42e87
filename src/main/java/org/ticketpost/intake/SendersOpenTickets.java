package org.ticketpost.intake;

import java.util.List;
import java.util.Optional;
import org.ticketpost.ticket.Stores;
import org.ticketpost.ticket.SupportKey;
import org.ticketpost.ticket.Ticket;

/**
 * The open tickets an answer may list to a sender: only those the sender may write into (as
 * {@link Ticket#isParticipant} decides), and of those only the ones the answer's recipient may
 * write into too, so that a forged From with a Reply-To elsewhere shows no one another
 * customer's tickets.
 */
final class SendersOpenTickets {

    /** An answer lists the newest ones; a mail is no place for a long list. */
    static final int LISTED = 20;

    private SendersOpenTickets() {
    }

    static List<Ticket> of(Optional<EmailAddress> sender, String recipient, Stores stores) {
        if (sender.isEmpty()) {
            return List.of();
        }
        String address = sender.get().address();
        List<SupportKey> keys = stores.keys().all().stream().filter(key -> key.allows(address)).toList();
        return stores.tickets().openOf(address, keys, LISTED).stream()
                .filter(ticket -> ticket.isParticipant(address) && ticket.isParticipant(recipient))
                .toList();
    }
}
