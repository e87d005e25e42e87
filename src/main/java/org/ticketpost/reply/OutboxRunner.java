package org.ticketpost.reply;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the outbox while the service runs: a pass every few seconds, and one at once when woken
 * (after intake has committed a reply), on one thread of its own, so passes never overlap. A pass
 * sends batch after batch while whole batches are due. A dispatcher that keeps its connection
 * open keeps it from pass to pass, and hangs up when the runner closes. Started and closed once,
 * as one of the service's long-running parts.
 */
public final class OutboxRunner implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxRunner.class);

    /** A reply that missed its wake (written by another process) waits no longer than this. */
    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(5);

    /** Long enough for a mail server that answers to take one mail; short enough for a service to stop at once. */
    public static final Duration DEFAULT_GRACE = Duration.ofSeconds(5);

    private final OutboxDispatcher dispatcher;
    private final Duration interval;
    private final Duration grace;
    private final AtomicBoolean wakeQueued = new AtomicBoolean();
    private volatile boolean stopping;
    private boolean failing;
    private ScheduledExecutorService thread;

    /**
     * @param interval how often it looks for due mails
     * @param grace    how long {@link #close()} waits for the mail being sent; a mail still in hand
     *                 after it is sent again once its lease has run out
     */
    public OutboxRunner(OutboxDispatcher dispatcher, Duration interval, Duration grace) {
        this.dispatcher = dispatcher;
        this.interval = interval;
        this.grace = grace;
    }

    public synchronized void start() {
        if (thread != null) {
            throw new IllegalStateException("started already");
        }
        thread = Executors.newSingleThreadScheduledExecutor(work -> {
            Thread sender = new Thread(work, "outbox-sender");
            sender.setDaemon(true);   // a send stuck past the grace must not keep the JVM from ending
            return sender;
        });
        thread.scheduleWithFixedDelay(this::sendWhileDue, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Sends what is due now rather than at the next poll; a wake while one is already waiting adds nothing. */
    public void wake() {
        ScheduledExecutorService running = running();
        if (running == null || stopping || !wakeQueued.compareAndSet(false, true)) {
            return;
        }
        try {
            running.execute(() -> {
                wakeQueued.set(false);
                sendWhileDue();
            });
        } catch (RejectedExecutionException e) {
            wakeQueued.set(false);   // closed meanwhile
        }
    }

    /**
     * Finishes the mail in hand, gives the rest of its batch back, and returns within the grace. A
     * send still waiting for the server then goes on, on its daemon thread, until its timeout, but
     * its result is no longer recorded: the database is the service's to close now.
     */
    @Override
    public void close() {
        ScheduledExecutorService running;
        synchronized (this) {
            stopping = true;
            running = thread;
        }
        if (running == null) {
            return;
        }
        running.shutdown();
        try {
            // never interrupted: an interrupt does not end a blocked SMTP read, and it may close H2's file under it
            if (running.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                dispatcher.hangUp();   // its thread has ended: the connection it kept is ours to end
            } else {
                LOG.warn("outbox sender still sending after {}; that mail is sent again after its lease", grace);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            dispatcher.close();
        }
    }

    private synchronized ScheduledExecutorService running() {
        return thread;
    }

    /** Never throws: a failed pass would end the schedule. The database being down is said once, and its return. */
    private void sendWhileDue() {
        try {
            OutboxDispatcher.Pass pass;
            do {
                pass = dispatcher.sendDue(() -> stopping);
            } while (!stopping && pass.taken() == dispatcher.policy().batchSize());
            if (failing) {
                LOG.info("outbox sender works again");
                failing = false;
            }
        } catch (RuntimeException e) {
            if (stopping) {
                LOG.warn("outbox sender stopped with a mail in hand, which is sent again after its lease: {}", e.getMessage());
            } else if (!failing) {
                LOG.error("outbox sender failed, trying again every {}: {}", interval, e.toString());
                failing = true;
            }
        }
    }
}
