package org.ticketpost.reply;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.ticketpost.ticket.OutboxEntry;
import org.ticketpost.ticket.StoreConflictException;
import org.ticketpost.ticket.Stores;
import org.ticketpost.ticket.UnitOfWork;

/**
 * Sends the outbox, a batch per pass: takes the due mails in one short transaction, sends each
 * outside any transaction, over one connection to the mail server, and records the results of the
 * batch in one short transaction. Dispatchers in one process or in several on one database never
 * take the same mail. One that ends between sending mails and recording them (killed, or its
 * database gone) leaves them held until the lease runs out; they are then sent again, with the same
 * Message-ID and return path. A mail may go out twice, never not at all.
 *
 * <p>By default each pass opens its connection and closes it at its end. One told to
 * {@link #keepingConnectionFor keep it} sends the next passes on it too, and hangs up once it has
 * been idle that long, after a pass where anything went wrong, and on {@link #hangUp()}.
 *
 * <p>One {@link #takingFresh taking fresh replies} sends first those that intake in its process has
 * just committed, written held for it: a pass of them only records its results, and looks for due
 * mails in the outbox at most once a second.
 */
public final class OutboxDispatcher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxDispatcher.class);

    /** What one pass did: mails taken, and of them sent, deferred to a later attempt, and failed for good. */
    public record Pass(int taken, int sent, int deferred, int failed) {
    }

    /** A mail a pass holds, and when its hold on it ends. */
    private record Held(long id, Instant until) {
    }

    /** The mails a pass holds: taken fresh from intake, they may have holds of several lengths. */
    private record Lease(List<Held> held) {
    }

    /** A mail taken for sending, read inside the transaction that took it. */
    private record Taken(long id, String kind, String recipient, Optional<OutboundMail> mail) {
    }

    /**
     * How long the service keeps an idle connection to the mail server: longer than the gaps in a
     * stream of mail, shorter than the five minutes after which RFC 5321 lets a server hang up.
     */
    public static final Duration DEFAULT_KEEP_OPEN = Duration.ofSeconds(30);

    /**
     * How often a pass that has fresh replies looks for due mails in the outbox as well: an
     * engineer's answer, a retry, or a reply written by another process must not wait for a stream
     * of mail to end. A pass without fresh replies always looks.
     */
    static final Duration LOOK_AT_LEAST_EVERY = Duration.ofSeconds(1);

    private final UnitOfWork database;
    private final MailSender sender;
    private final Clock clock;
    private final OutboxPolicy policy;
    private final Duration keepOpen;
    private final FreshReplies fresh;
    private Instant lookedAt = Instant.MIN;
    private volatile boolean closed;
    private final Object leaseLock = new Object();
    /** The mails of the pass under way, until they are recorded or given back, and the end of their lease. */
    private Lease inHand;
    private MailSender.Batch connection;
    private Instant lastSent;

    public OutboxDispatcher(UnitOfWork database, MailSender sender, Clock clock, OutboxPolicy policy) {
        this(database, sender, clock, policy, Duration.ZERO, new FreshReplies(policy.lease()));
    }

    private OutboxDispatcher(UnitOfWork database, MailSender sender, Clock clock, OutboxPolicy policy, Duration keepOpen,
            FreshReplies fresh) {
        this.database = database;
        this.sender = sender;
        this.clock = clock;
        this.policy = policy;
        this.keepOpen = keepOpen;
        this.fresh = fresh;
    }

    /**
     * The same dispatcher, keeping its connection open across passes until it has been idle this
     * long: a pass woken for one or two mails then costs no connection, greeting or login. Its
     * passes must then come from one thread, and its owner {@link #hangUp() hangs up} at the end.
     */
    public OutboxDispatcher keepingConnectionFor(Duration idle) {
        if (idle.isNegative() || idle.isZero()) {
            throw new IllegalArgumentException("the time to keep a connection must be positive, was " + idle);
        }
        return new OutboxDispatcher(database, sender, clock, policy, idle, fresh);
    }

    /**
     * The same dispatcher, sending first the replies this process's intake hands it as it commits
     * them, which it opens for that: they need no claim. Its passes must then come from one thread.
     */
    public OutboxDispatcher takingFresh(FreshReplies replies) {
        replies.open();
        return new OutboxDispatcher(database, sender, clock, policy, keepOpen, replies);
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
        Instant until = leaseFrom(now);
        List<Taken> taken = new ArrayList<>();
        List<Held> held = new ArrayList<>();
        for (FreshReplies.Fresh reply : fresh.take(policy.batchSize(), now)) {
            taken.add(new Taken(reply.id(), reply.kind(), reply.mail().to(), Optional.of(reply.mail())));
            held.add(new Held(reply.id(), reply.heldUntil()));
        }
        if (taken.isEmpty() || !now.isBefore(lookedAt.plus(LOOK_AT_LEAST_EVERY))) {
            lookedAt = now;
            for (Taken mail : inTransaction(stores -> stores.outbox().claimDue(now, policy.batchSize(), until).stream()
                    .map(OutboxDispatcher::taken).toList())) {
                taken.add(mail);
                held.add(new Held(mail.id(), until));
            }
        }
        if (taken.isEmpty()) {
            if (connection != null && !now.isBefore(lastSent.plus(keepOpen))) {
                hangUp();
            }
            return new Pass(0, 0, 0, 0);
        }
        List<Result> results = new ArrayList<>();
        boolean allAccepted = true;
        hold(new Lease(held));
        try {
            MailSender.Batch batch = connection();
            for (int i = 0; i < taken.size(); i++) {
                if (stopping.getAsBoolean()) {
                    giveBack(taken.subList(i, taken.size()));
                    break;
                }
                Taken mail = taken.get(i);
                Delivery delivery = mail.mail().map(outbound -> send(batch, outbound))
                        .orElse(new Delivery.Refused("stored without a Message-ID"));
                allAccepted &= delivery instanceof Delivery.Accepted;
                results.add(new Result(mail, delivery));
            }
            lastSent = clock.instant();
        } finally {
            letGo();
            if (!allAccepted || keepOpen.isZero() || results.size() < taken.size()) {
                hangUp();   // a fresh start after a failure, or at the end of a pass that keeps nothing
            }
        }
        int sent = 0;
        int deferred = 0;
        int failed = 0;
        for (Delivery recorded : record(results)) {
            if (recorded instanceof Delivery.Accepted) {
                sent++;
            } else if (recorded instanceof Delivery.Deferred) {
                deferred++;
            } else {
                failed++;
            }
        }
        return new Pass(taken.size(), sent, deferred, failed);
    }

    /**
     * Extends the lease on the mails of the pass under way to a full lease from now, however long a
     * slow mail server takes with them: a sender that is alive keeps them, and the mails of one that
     * died go to the others a lease later. For another thread than the pass's, every third of a
     * lease; between passes it does nothing.
     *
     * @throws org.ticketpost.ticket.StoreException when the database fails: the lease runs out as it was
     */
    public void renewLease() {
        synchronized (leaseLock) {   // the pass records its mails only once no renewal is under way
            if (inHand == null || closed) {
                return;
            }
            Lease lease = inHand;
            Instant until = leaseFrom(clock.instant());
            Map<Instant, List<Long>> byHold = lease.held().stream()
                    .collect(Collectors.groupingBy(Held::until, Collectors.mapping(Held::id, Collectors.toList())));
            int extended = inTransaction(stores -> byHold.entrySet().stream()
                    .mapToInt(hold -> stores.outbox().extendClaim(hold.getValue(), hold.getKey(), until)).sum());
            if (extended < lease.held().size()) {
                LOG.warn("{} of the {} replies in hand were no longer held for this sender: another may send them as well",
                        lease.held().size() - extended, lease.held().size());
            }
            inHand = new Lease(lease.held().stream().map(mail -> new Held(mail.id(), until)).toList());
        }
    }

    /** How long a lease taken or renewed now lasts; in milliseconds, which every database keeps exactly: it names the lease. */
    private Instant leaseFrom(Instant now) {
        return now.plus(policy.lease()).truncatedTo(ChronoUnit.MILLIS);
    }

    private void hold(Lease lease) {
        synchronized (leaseLock) {
            inHand = lease;
        }
    }

    /** The pass is about to record or give back its mails: no renewal from now on. */
    private void letGo() {
        synchronized (leaseLock) {
            inHand = null;
        }
    }

    /** Ends the connection kept open, if any; the next pass opens a new one. On the thread that sends, or after it ended. */
    public void hangUp() {
        if (connection != null) {
            try {
                connection.close();
            } finally {
                connection = null;
            }
        }
    }

    private MailSender.Batch connection() {
        if (connection == null) {
            connection = sender.batch();
        }
        return connection;
    }

    /** A mail sent and what the server made of it, to be recorded. */
    private record Result(Taken mail, Delivery delivery) {
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
     * Records the results of a batch in one transaction; a temporary failure past the policy's limits
     * becomes a failure for good, which goes on the ticket's history too.
     */
    private List<Delivery> record(List<Result> results) {
        if (results.isEmpty()) {
            return List.of();
        }
        Instant now = clock.instant();
        Function<Stores, List<Recorded>> work = stores -> results.stream()
                .map(result -> stores.outbox().find(result.mail().id())
                        .map(entry -> apply(entry, result.delivery(), now))
                        .orElse(new Recorded(result.delivery(), Optional.empty())))
                .toList();
        List<Recorded> recorded;
        try {
            recorded = inTransaction(work);
        } catch (StoreConflictException e) {
            // a failure goes on its ticket, which a customer's reply may have changed at that moment:
            // once more, on the ticket as it is now
            recorded = inTransaction(work);
        }
        List<Delivery> deliveries = new ArrayList<>();
        for (int i = 0; i < results.size(); i++) {
            log(results.get(i).mail(), recorded.get(i));
            deliveries.add(recorded.get(i).delivery());
        }
        return deliveries;
    }

    private static void log(Taken mail, Recorded recorded) {
        String what = mail.kind() + " " + mail.mail().map(OutboundMail::messageId).orElse("#" + mail.id()) + " to " + mail.recipient();
        if (recorded.delivery() instanceof Delivery.Accepted) {
            LOG.info("sent {}", what);
        } else if (recorded.delivery() instanceof Delivery.Deferred deferred) {
            LOG.warn("{} not sent, next attempt at {}: {}", what, recorded.nextAttempt().orElseThrow(), deferred.reason());
        } else {
            LOG.error("{} will not be sent: {}", what, ((Delivery.Refused) recorded.delivery()).reason());
        }
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
        letGo();
        Instant now = clock.instant();
        inTransaction(stores -> {
            stores.outbox().release(untried.stream().map(Taken::id).toList(), now);
            return null;
        });
    }

    /**
     * Takes no more fresh replies from intake, and makes those handed over and not sent due at once,
     * for the sender that runs next; on the thread that sends, or after it ended.
     *
     * @throws org.ticketpost.ticket.StoreException when the database fails: they fall due when their hold ends
     */
    public void giveBackFresh() {
        List<Long> left = fresh.close().stream().map(FreshReplies.Fresh::id).toList();
        if (!left.isEmpty()) {
            Instant now = clock.instant();
            inTransaction(stores -> {
                stores.outbox().release(left, now);
                return null;
            });
        }
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
        return new Taken(entry.id(), entry.kind(), entry.recipient(), OutboundMail.of(entry));
    }
}
