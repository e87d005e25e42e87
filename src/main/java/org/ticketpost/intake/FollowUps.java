package org.ticketpost.intake;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.ticketpost.ticket.Message;
import org.ticketpost.ticket.Stores;
import org.ticketpost.ticket.Ticket;

/**
 * A reply about a ticket, recognised by the ticket tag in the subject or by In-Reply-To and
 * References naming a mail of that ticket, goes onto that ticket when one of its participants
 * wrote it. From anyone else it is handled as new mail: quoting a ticket number must not let
 * a stranger write into another customer's ticket.
 */
final class FollowUps implements IntakeStep {

    private final IntakeRules rules;
    private final MailRecords records;

    FollowUps(IntakeRules rules, MailRecords records) {
        this.rules = rules;
        this.records = records;
    }

    @Override
    public Optional<Outcome> decide(InboundMail mail, Stores stores, Instant now) {
        Optional<String> sender = mail.from().map(EmailAddress::address);
        Optional<Ticket> ticket = ticketNamedBy(mail, stores)
                .filter(Ticket::acceptsMail)
                .filter(candidate -> sender.filter(candidate::isParticipant).isPresent());
        if (ticket.isEmpty()) {
            return Optional.empty();
        }
        Message message = records.received(mail, Message.Handling.FOLLOWUP, ticket.get(), ticket.get().language(), now);
        stores.messages().add(message);
        ticket.get().customerReplied(sender.get(), now, mail.subject(), rules.serviceLevels());
        return Optional.of(new Outcome.FollowedUp(ticket.get().number()));
    }

    private Optional<Ticket> ticketNamedBy(InboundMail mail, Stores stores) {
        Optional<Ticket> tagged = rules.tag().find(mail.subject()).flatMap(stores.tickets()::find);
        if (tagged.isPresent()) {
            return tagged;
        }
        List<String> thread = new ArrayList<>(mail.inReplyTo());
        thread.addAll(mail.references());
        return stores.tickets().findByMessageIds(thread);
    }
}
