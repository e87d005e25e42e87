package org.ticketpost.reply;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.ticketpost.ticket.Message;
import org.ticketpost.ticket.OutboxEntry;
import org.ticketpost.ticket.StoreConflictException;
import org.ticketpost.ticket.Stores;
import org.ticketpost.ticket.UnitOfWork;

/**
 * Sends the outbox, a batch per pass: takes the due mails in one short transaction, sends each
 * outside any transaction, over one connection to the mail server, and records each result in a
 * short one of its own. Dispatchers in one process or in several on one database never take the
 * same mail. One that ends between sending a mail and recording it (killed, or its database gone)
 * leaves the mail held until the lease runs out; it is then sent again, with the same Message-ID
 * and return path. A mail may go out twice, never not at all.
 */
public final class OutboxDispatcher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxDispatcher.class);

    /** What one pass did: mails taken, and of them sent, deferred to a later attempt, and failed for good. */
    public record Pass(int taken, int sent, int deferred, int failed) {
    }

    /** A mail taken for sending, read inside the transaction that took it. */
    private record Taken(long id, String kind, String recipient, Optional<OutboundMail> mail) {
    }

    private final UnitOfWork database;
    private final MailSender sender;
    private final Clock clock;
    private final OutboxPolicy policy;
    private volatile boolean closed;

    public OutboxDispatcher(UnitOfWork database, MailSender sender, Clock clock, OutboxPolicy policy) {
        this.database = database;
        this.sender = sender;
        this.clock = clock;
        this.policy = policy;
    }

    public OutboxPolicy policy() {
        return policy;
    }

    /** One pass: sends up to a batch of due mails, oldest first. */
    public Pass sendDue() {
        return sendDue(() -> false);
    }

    /**
     * One pass, to be cut short.
     *
     * @param stopping asked first and before each mail; once it says so, the mails not tried yet are given
     *                 back, due at once, for this or another process to send
     * @throws org.ticketpost.ticket.StoreException when the database fails; a mail taken and not
     *                 recorded is sent again once its lease has run out
     */
    public Pass sendDue(BooleanSupplier stopping) {
        if (stopping.getAsBoolean()) {
            return new Pass(0, 0, 0, 0);
        }
        Instant now = clock.instant();
        List<Taken> taken = inTransaction(stores -> stores.outbox()
                .claimDue(now, policy.batchSize(), now.plus(policy.lease())).stream()
                .map(OutboxDispatcher::taken).toList());
        if (taken.isEmpty()) {
            return new Pass(0, 0, 0, 0);
        }
        int sent = 0;
        int deferred = 0;
        int failed = 0;
        try (MailSender.Batch batch = sender.batch()) {
            for (int i = 0; i < taken.size(); i++) {
                if (stopping.getAsBoolean()) {
                    giveBack(taken.subList(i, taken.size()));
                    break;
                }
                Taken mail = taken.get(i);
                Delivery delivery = mail.mail().map(outbound -> send(batch, outbound))
                        .orElse(new Delivery.Refused("stored without a Message-ID"));
                Delivery recorded = record(mail, delivery);
                if (recorded instanceof Delivery.Accepted) {
                    sent++;
                } else if (recorded instanceof Delivery.Deferred) {
                    deferred++;
                } else {
                    failed++;
                }
            }
        }
        return new Pass(taken.size(), sent, deferred, failed);
    }

    private static Delivery send(MailSender.Batch batch, OutboundMail mail) {
        try {
            return batch.send(mail);
        } catch (RuntimeException e) {
            // a fault of this one mail must not hold up the others; it is retried, then given up
            return new Delivery.Deferred("could not be sent: " + e);
        }
    }

    /**
     * Records the result; a temporary failure past the policy's limits becomes a failure for good,
     * which goes on the ticket's history too.
     */
    private Delivery record(Taken mail, Delivery delivery) {
        Instant now = clock.instant();
        Function<Stores, Recorded> work = stores -> stores.outbox().find(mail.id())
                .map(entry -> apply(entry, delivery, now))
                .orElse(new Recorded(delivery, Optional.empty()));
        Recorded recorded;
        try {
            recorded = inTransaction(work);
        } catch (StoreConflictException e) {
            // a failure goes on its ticket, which a customer's reply may have changed at that moment:
            // once more, on the ticket as it is now
            recorded = inTransaction(work);
        }
        String what = mail.kind() + " " + mail.mail().map(OutboundMail::messageId).orElse("#" + mail.id()) + " to " + mail.recipient();
        if (recorded.delivery() instanceof Delivery.Accepted) {
            LOG.info("sent {}", what);
        } else if (recorded.delivery() instanceof Delivery.Deferred deferred) {
            LOG.warn("{} not sent, next attempt at {}: {}", what, recorded.nextAttempt().orElseThrow(), deferred.reason());
        } else {
            LOG.error("{} will not be sent: {}", what, ((Delivery.Refused) recorded.delivery()).reason());
        }
        return recorded.delivery();
    }

    private record Recorded(Delivery delivery, Optional<Instant> nextAttempt) {
    }

    private Recorded apply(OutboxEntry entry, Delivery delivery, Instant now) {
        if (delivery instanceof Delivery.Accepted) {
            entry.markSent(now);
            return new Recorded(delivery, Optional.empty());
        }
        String reason;
        if (delivery instanceof Delivery.Deferred deferred) {
            int failedAttempts = entry.attempts() + 1;
            Optional<Instant> next = policy.nextAttempt(failedAttempts, entry.attemptsSince(), now);
            if (next.isPresent()) {
                entry.markDeferred(deferred.reason(), next.get());
                return new Recorded(delivery, next);
            }
            reason = deferred.reason() + " (given up after " + failedAttempts + " attempts)";
        } else {
            reason = ((Delivery.Refused) delivery).reason();
        }
        if (entry.markFailed(reason, now)) {
            entry.message().ticket().ifPresent(ticket -> ticket.replyFailed(entry.kind(), entry.recipient(), reason, now));
        }
        return new Recorded(new Delivery.Refused(reason), Optional.empty());
    }

    private void giveBack(List<Taken> untried) {
        Instant now = clock.instant();
        inTransaction(stores -> {
            stores.outbox().release(untried.stream().map(Taken::id).toList(), now);
            return null;
        });
    }

    /**
     * From now on it leaves the database alone: a pass still sending, past its owner's patience,
     * records nothing after the database may have been closed (or, lazily, opened again). Its mail
     * is sent again after its lease.
     */
    @Override
    public void close() {
        closed = true;
    }

    private <T> T inTransaction(Function<Stores, T> work) {
        if (closed) {
            throw new IllegalStateException("the outbox sender is closed");
        }
        return database.inTransaction(work);
    }

    private static Taken taken(OutboxEntry entry) {
        Message message = entry.message();
        String from = message.fromAddress().orElse("");
        Optional<OutboundMail> mail = message.messageId().map(messageId -> new OutboundMail(messageId, from,
                message.fromName().orElse(""), entry.recipient(), entry.recipientName(), entry.returnPath().orElse(from),
                message.subject(), message.body(), message.inReplyTo(), message.references(), message.autoSubmitted(),
                message.language(), message.createdAt()));
        return new Taken(entry.id(), entry.kind(), entry.recipient(), mail);
    }
}
