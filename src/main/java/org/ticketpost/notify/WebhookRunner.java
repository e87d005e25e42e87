package org.ticketpost.notify;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes the queued webhook calls while the service runs: a pass every few seconds, and one at
 * once when woken (after the SLA scheduler queued calls), on one thread of its own, so passes
 * never overlap. Started and closed once, as one of the service's long-running parts.
 */
public final class WebhookRunner implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookRunner.class);

    /** A call whose retry fell due, or queued by another process, waits no longer than this. */
    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(5);

    private final WebhookSender sender;
    private final Duration interval;
    private final Duration grace;
    private final AtomicBoolean wakeQueued = new AtomicBoolean();
    private volatile boolean stopping;
    private boolean failing;
    private ScheduledExecutorService thread;

    /** @param grace how long {@link #close()} waits for the call under way; one still under way after it is made again after its lease */
    public WebhookRunner(WebhookSender sender, Duration interval, Duration grace) {
        this.sender = sender;
        this.interval = interval;
        this.grace = grace;
    }

    public synchronized void start() {
        if (thread != null) {
            throw new IllegalStateException("started already");
        }
        thread = Executors.newSingleThreadScheduledExecutor(work -> {
            Thread calls = new Thread(work, "webhook-sender");
            calls.setDaemon(true);   // a call stuck past the grace must not keep the JVM from ending
            return calls;
        });
        thread.scheduleWithFixedDelay(this::sendWhileDue, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Makes the calls due now rather than at the next poll; a wake while one is already waiting adds nothing. */
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

    /** Finishes the call under way, gives the rest of its batch back, and returns within the grace. */
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
            // never interrupted: an interrupt may close H2's file under a transaction
            if (!running.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("webhook sender still calling after {}; that call is made again after its lease", grace);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            sender.close();
        }
    }

    private synchronized ScheduledExecutorService running() {
        return thread;
    }

    /** Never throws: a failed pass would end the schedule. The database being down is said once, and its return. */
    private void sendWhileDue() {
        try {
            WebhookSender.Pass pass;
            do {
                pass = sender.sendDue(() -> stopping);
            } while (!stopping && pass.taken() == sender.batchSize());
            if (failing) {
                LOG.info("webhook sender works again");
                failing = false;
            }
        } catch (RuntimeException e) {
            if (stopping) {
                LOG.warn("webhook sender stopped with a call in hand, which is made again after its lease: {}", e.getMessage());
            } else if (!failing) {
                LOG.error("webhook sender failed, trying again every {}: {}", interval, e.toString());
                failing = true;
            }
        }
    }
}
