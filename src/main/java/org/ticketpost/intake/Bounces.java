package org.ticketpost.intake;

import java.time.Instant;
import java.util.Optional;
import org.ticketpost.ticket.Message;
import org.ticketpost.ticket.OutboxEntry;
import org.ticketpost.ticket.Stores;
import org.ticketpost.ticket.Ticket;

/**
 * The bounce of a mail Ticketpost sent: that mail is marked bounced and not sent again, its
 * ticket's history says so, and the bounce is kept with the ticket, never answered. The mail is
 * found by the return path of its own that the bounce was delivered to, else by the Message-ID of
 * the mail the bounce returns. Both are random: a forged bounce cannot name a mail its sender did
 * not get. A bounce that names no mail of Ticketpost's is machine mail like any other.
 */
final class Bounces implements IntakeStep {

    private final IntakeRules rules;
    private final MailRecords records;

    Bounces(IntakeRules rules, MailRecords records) {
        this.rules = rules;
        this.records = records;
    }

    @Override
    public Optional<Outcome> decide(InboundMail mail, Stores stores, Instant now) {
        Optional<Bounce> bounce = mail.bounce();
        Optional<OutboxEntry> returned = bounce.flatMap(report -> returned(report, stores));
        if (returned.isEmpty()) {
            return Optional.empty();
        }
        OutboxEntry entry = returned.get();
        String reason = bounce.get().reason();
        String what = entry.kind() + " to " + entry.recipient();
        Optional<Ticket> ticket = entry.message().ticket();
        Message message = records.received(mail, Message.Handling.IGNORED, ticket.orElse(null), null, now);
        message.markAutomatic("bounce of the " + what);
        stores.messages().add(message);
        if (entry.markBounced(reason, now)) {
            ticket.ifPresent(bounced -> bounced.replyBounced(entry.kind(), entry.recipient(), reason, now));
        }
        return Optional.of(new Outcome.Ignored("bounce of the " + what + ": " + reason));
    }

    private Optional<OutboxEntry> returned(Bounce bounce, Stores stores) {
        return bounce.addressedTo().stream()
                .filter(rules.returnPath()::namesOneMail)
                .map(stores.outbox()::findByReturnPath)
                .flatMap(Optional::stream)
                .findFirst()
                .or(() -> bounce.returnedIds().stream()
                        .map(stores.outbox()::findByMessageId)
                        .flatMap(Optional::stream)
                        .findFirst());
    }
}
