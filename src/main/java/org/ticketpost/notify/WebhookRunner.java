package org.ticketpost.notify;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.ticketpost.ops.Poller;

/**
 * Makes the queued webhook calls while the service runs: a pass every few seconds, and one at
 * once when woken (after the SLA scheduler queued calls), on one thread of its own, so passes
 * never overlap. Started and closed once, as one of the service's long-running parts.
 */
public final class WebhookRunner implements AutoCloseable {

    /** A call whose retry fell due, or queued by another process, waits no longer than this. */
    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(5);

    private final WebhookSender sender;
    private final Poller poller;

    /** @param grace how long {@link #close()} waits for the call under way; one still under way after it is made again after its lease */
    public WebhookRunner(WebhookSender sender, Duration interval, Duration grace) {
        this.sender = sender;
        this.poller = new Poller("webhook sender", "the call in hand is made again after its lease", this::sendWhileDue, interval, grace);
    }

    public void start() {
        poller.start();
    }

    /** Makes the calls due now rather than at the next poll; a wake while one is already waiting adds nothing. */
    public void wake() {
        poller.wake();
    }

    /** Finishes the call under way, gives the rest of its batch back, and returns within the grace. */
    @Override
    public void close() {
        try {
            poller.stop();
        } finally {
            sender.close();
        }
    }

    private void sendWhileDue(BooleanSupplier stopping) {
        WebhookSender.Pass pass;
        do {
            pass = sender.sendDue(stopping);
        } while (!stopping.getAsBoolean() && pass.taken() == sender.batchSize());
    }
}
