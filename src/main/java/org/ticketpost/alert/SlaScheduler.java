package org.ticketpost.alert;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Looks for due SLA warnings and breaches while the service runs: a pass every interval, on a
 * thread of its own, so passes never overlap. A pass that queued mails wakes the outbox sender;
 * one that recorded alerts wakes the webhook sender.
 * A pass that fails (the database away) is logged once and tried again at the next interval.
 */
public final class SlaScheduler implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SlaScheduler.class);

    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(30);

    private final SlaAlerts alerts;
    private final Duration interval;
    private final Runnable mailsQueued;
    private final Runnable alertsRecorded;
    private boolean failing;
    private ScheduledExecutorService thread;

    /**
     * @param mailsQueued    told after a pass that queued mails, such as the outbox sender's wake
     * @param alertsRecorded told after a pass that recorded alerts, such as the webhook sender's wake
     */
    public SlaScheduler(SlaAlerts alerts, Duration interval, Runnable mailsQueued, Runnable alertsRecorded) {
        this.alerts = alerts;
        this.interval = interval;
        this.mailsQueued = mailsQueued;
        this.alertsRecorded = alertsRecorded;
    }

    public synchronized void start() {
        if (thread != null) {
            throw new IllegalStateException("started already");
        }
        thread = Executors.newSingleThreadScheduledExecutor(work -> {
            Thread scheduler = new Thread(work, "sla-scheduler");
            scheduler.setDaemon(true);
            return scheduler;
        });
        thread.scheduleWithFixedDelay(this::pass, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void pass() {
        try {
            SlaAlerts.Pass pass = alerts.recordDue();
            if (failing) {
                LOG.info("SLA scheduler works again");
                failing = false;
            }
            if (pass.alerts() > 0) {
                LOG.info("SLA scheduler recorded {} warnings and breaches, queued {} mails", pass.alerts(), pass.mails());
            }
            if (pass.mails() > 0) {
                mailsQueued.run();
            }
            if (pass.alerts() > 0) {
                alertsRecorded.run();
            }
        } catch (RuntimeException e) {
            if (!failing) {
                LOG.warn("SLA scheduler failed, trying again every {}: {}", interval, e.getMessage());
                failing = true;
            }
        }
    }

    /** Waits for a pass in progress, whose transaction ends either way. */
    @Override
    public synchronized void close() {
        if (thread == null) {
            return;
        }
        thread.shutdown();
        try {
            if (!thread.awaitTermination(10, TimeUnit.SECONDS)) {
                thread.shutdownNow();
            }
        } catch (InterruptedException e) {
            thread.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
