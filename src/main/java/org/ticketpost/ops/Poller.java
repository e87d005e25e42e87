package org.ticketpost.ops;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one sender's passes while the service runs: a pass every interval, and one when woken (at
 * once, or after a time that gathers wakes), on one thread of its own, so that passes never
 * overlap. A pass that fails (the database away) is logged once, and so is the return; closing
 * lets the pass in hand finish within a grace and never interrupts it, since an interrupt may
 * close H2's file under a transaction. The outbox sender and the webhook sender are the two.
 */
public final class Poller implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Poller.class);

    /** One pass: sends what is due, batch after batch, and stops early once told to. */
    @FunctionalInterface
    public interface Pass {
        void run(BooleanSupplier stopping);
    }

    private final String name;
    private final String inHand;
    private final Pass pass;
    private final Duration interval;
    private final Duration grace;
    private final Duration gather;
    private final AtomicBoolean wakeQueued = new AtomicBoolean();
    private volatile boolean stopping;
    private boolean failing;
    private ScheduledExecutorService thread;

    /**
     * @param name   what runs, as the log names it, e.g. "outbox sender"
     * @param inHand what becomes of work a pass still has in hand when it is stopped, for the log
     * @param grace  how long {@link #close()} waits for the pass in hand
     */
    public Poller(String name, String inHand, Pass pass, Duration interval, Duration grace) {
        this(name, inHand, pass, interval, grace, Duration.ZERO);
    }

    private Poller(String name, String inHand, Pass pass, Duration interval, Duration grace, Duration gather) {
        this.name = name;
        this.inHand = inHand;
        this.pass = pass;
        this.interval = interval;
        this.grace = grace;
        this.gather = gather;
    }

    /**
     * The same poller, starting the pass a wake asks for this long after the wake: the wakes of
     * the commits meanwhile join it, and one pass takes what they queued in one transaction rather
     * than a pass with two transactions for each.
     */
    public Poller gatheringWakesFor(Duration gather) {
        return new Poller(name, inHand, pass, interval, grace, gather);
    }

    public synchronized void start() {
        if (thread != null) {
            throw new IllegalStateException("started already");
        }
        thread = Executors.newSingleThreadScheduledExecutor(work -> {
            Thread worker = new Thread(work, name.replace(' ', '-'));
            worker.setDaemon(true);   // a pass stuck past the grace must not keep the JVM from ending
            return worker;
        });
        thread.scheduleWithFixedDelay(this::passOnce, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Runs a pass now, or after the time it gathers wakes, rather than at the next interval; a wake
     * while one is already waiting adds nothing.
     */
    public void wake() {
        ScheduledExecutorService running = running();
        if (running == null || stopping || !wakeQueued.compareAndSet(false, true)) {
            return;
        }
        try {
            running.schedule(() -> {
                wakeQueued.set(false);
                passOnce();
            }, gather.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            wakeQueued.set(false);   // closed meanwhile
        }
    }

    /** Stops as {@link #close()} does. @return whether the thread ended: what its passes kept open is then the caller's to end */
    public boolean stop() {
        ScheduledExecutorService running;
        synchronized (this) {
            stopping = true;
            running = thread;
        }
        if (running == null) {
            return true;
        }
        running.shutdown();
        try {
            if (running.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                return true;
            }
            LOG.warn("{} still at work after {}; {}", name, grace, inHand);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return false;
    }

    /** Stops, letting the pass in hand finish within the grace. */
    @Override
    public void close() {
        stop();
    }

    private synchronized ScheduledExecutorService running() {
        return thread;
    }

    /** Never throws: a failed pass would end the schedule. */
    private void passOnce() {
        try {
            pass.run(() -> stopping);
            if (failing) {
                LOG.info("{} works again", name);
                failing = false;
            }
        } catch (RuntimeException e) {
            if (stopping) {
                LOG.warn("{} stopped with work in hand; {}: {}", name, inHand, e.getMessage());
            } else if (!failing) {
                LOG.error("{} failed, trying again every {}: {}", name, interval, e.toString());
                failing = true;
            }
        }
    }
}
