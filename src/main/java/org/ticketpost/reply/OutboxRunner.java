package org.ticketpost.reply;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.ticketpost.ops.Poller;

/**
 * Sends the outbox while the service runs: a pass every few seconds, and one when woken (after
 * intake has committed a reply; {@link #GATHER} later, for the replies committed meanwhile to
 * join it), on one thread of its own, so passes never overlap. A pass sends batch after batch
 * while whole batches are due. A dispatcher that keeps its connection open keeps it from pass to
 * pass, and hangs up when the runner closes. Started and closed once, as one of the service's
 * long-running parts.
 */
public final class OutboxRunner implements AutoCloseable {

    /** A reply that missed its wake (written by another process) waits no longer than this. */
    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(5);

    /** Long enough for a mail server that answers to take one mail; short enough for a service to stop at once. */
    public static final Duration DEFAULT_GRACE = Duration.ofSeconds(5);

    /**
     * How long a wake waits for more replies to join its pass. Under a stream of mail, passes of one
     * reply each cost two commits per reply; a few hundredths of a second on every reply's way out buys fewer.
     */
    static final Duration GATHER = Duration.ofMillis(20);

    private static final Logger LOG = LoggerFactory.getLogger(OutboxDispatcher.class);

    private final OutboxDispatcher dispatcher;
    private final Poller poller;
    /** Renews the lease on the mails of the pass under way, beside it: a slow mail server must not let it run out. */
    private final ScheduledExecutorService leases = Executors.newSingleThreadScheduledExecutor(work -> {
        Thread thread = new Thread(work, "outbox-lease");
        thread.setDaemon(true);
        return thread;
    });

    /**
     * @param interval how often it looks for due mails
     * @param grace    how long {@link #close()} waits for the mail being sent; a mail still in hand
     *                 after it is sent again once its lease has run out
     */
    public OutboxRunner(OutboxDispatcher dispatcher, Duration interval, Duration grace) {
        this.dispatcher = dispatcher;
        this.poller = new Poller("outbox sender", "the mail in hand is sent again after its lease", this::sendWhileDue, interval, grace)
                .gatheringWakesFor(GATHER);
    }

    public void start() {
        long renewEvery = dispatcher.policy().lease().dividedBy(3).toMillis();
        leases.scheduleWithFixedDelay(this::renewLease, renewEvery, renewEvery, TimeUnit.MILLISECONDS);
        poller.start();
    }

    /** The replies intake handed over and not sent are due at once, for the next sender, rather than after their hold. */
    private void giveBackFresh() {
        try {
            dispatcher.giveBackFresh();
        } catch (RuntimeException e) {
            LOG.warn("the replies not sent yet were not given back: {}; they are sent after {}", e.getMessage(), dispatcher.policy().lease());
        }
    }

    /** A failure must not end the schedule. */
    private void renewLease() {
        try {
            dispatcher.renewLease();
        } catch (RuntimeException e) {
            LOG.warn("the lease on the replies in hand was not extended: {}; another sender may send them again after {}",
                    e.getMessage(), dispatcher.policy().lease());
        }
    }

    /** Sends what is due now rather than at the next poll; a wake while one is already waiting adds nothing. */
    public void wake() {
        poller.wake();
    }

    /**
     * Finishes the mail in hand, gives the rest of its batch back, and returns within the grace. A
     * send still waiting for the server then goes on, on its daemon thread, until its timeout, but
     * its result is no longer recorded: the database is the service's to close now.
     */
    @Override
    public void close() {
        try {
            if (poller.stop()) {
                dispatcher.hangUp();   // its thread has ended: the connection it kept is ours to end
                giveBackFresh();
            }
        } finally {
            leases.shutdownNow();   // a send still under way keeps its mails no longer than their lease
            dispatcher.close();
        }
    }

    private void sendWhileDue(BooleanSupplier stopping) {
        OutboxDispatcher.Pass pass;
        do {
            pass = dispatcher.sendDue(stopping);
        } while (!stopping.getAsBoolean() && pass.taken() >= dispatcher.policy().batchSize());
    }
}
