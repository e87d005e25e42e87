package org.ticketpost.intake;

import java.time.Instant;
import java.util.Optional;
import org.ticketpost.ticket.Message;
import org.ticketpost.ticket.Stores;

/** Auto-replies, bounces, list mail and our own mail coming back are kept on record and never answered. */
final class MachineMail implements IntakeStep {

    private final IntakeRules rules;
    private final MailRecords records;

    MachineMail(IntakeRules rules, MailRecords records) {
        this.rules = rules;
        this.records = records;
    }

    @Override
    public Optional<Outcome> decide(InboundMail mail, Stores stores, Instant now) {
        Optional<String> reason = mail.automatic().or(() -> mail.from()
                .filter(from -> from.address().equalsIgnoreCase(rules.ownAddress()))
                .map(from -> "sent from Ticketpost's own address"));
        if (reason.isEmpty()) {
            return Optional.empty();
        }
        Message message = records.received(mail, Message.Handling.IGNORED, null, null, now);
        message.markAutomatic(reason.get());
        stores.messages().add(message);
        return Optional.of(new Outcome.Ignored(reason.get()));
    }
}
