package org.ticketpost.notify;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.ticketpost.reply.OutboxPolicy;
import org.ticketpost.ticket.Stores;
import org.ticketpost.ticket.UnitOfWork;
import org.ticketpost.ticket.WebhookDelivery;

/**
 * Makes the queued webhook calls, a batch per pass: takes the due calls in one short
 * transaction, POSTs each outside any transaction and records its result at once. Senders in one
 * process or in several on one database never take the same call. A sender that ends between a
 * call and its record leaves the call held until its lease runs out; it is then made again, with
 * the same body and delivery id, which the receiver drops: a call may come twice, never not at all.
 *
 * <p>A 2xx answer delivers the call; 429, a 5xx or no answer (refused, timed out) has it tried again
 * after a doubling wait, until webhook.max-age after the event; any other answer fails it for good.
 */
public final class WebhookSender implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookSender.class);

    /** What one pass did: calls taken, and of them delivered, to be tried again, and failed for good. */
    public record Pass(int taken, int sent, int retrying, int failed) {
    }

    /** What became of one call. */
    private sealed interface Outcome permits Delivered, Retry, Refused {
    }

    private record Delivered() implements Outcome {
    }

    private record Retry(String reason) implements Outcome {
    }

    private record Refused(String reason) implements Outcome {
    }

    private final UnitOfWork database;
    private final WebhookSettings settings;
    private final OutboxPolicy policy;
    private final HttpClient client;
    private final Clock clock;
    private volatile boolean closed;

    public WebhookSender(UnitOfWork database, WebhookSettings settings, Clock clock) {
        this.database = database;
        this.settings = settings;
        this.policy = settings.policy();
        this.clock = clock;
        // HTTP/1.1: a plain http:// receiver is not asked to upgrade to HTTP/2, which some handle badly
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(settings.timeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    int batchSize() {
        return policy.batchSize();
    }

    /**
     * One pass, to be cut short.
     *
     * @param stopping asked before each call; once it says so, the calls not made yet are given back, due at once
     * @throws org.ticketpost.ticket.StoreException when the database fails; a call made and not
     *                 recorded is made again once its lease has run out
     */
    public Pass sendDue(BooleanSupplier stopping) {
        if (stopping.getAsBoolean()) {
            return new Pass(0, 0, 0, 0);
        }
        Instant now = clock.instant();
        List<WebhookDelivery> taken = inTransaction(stores -> stores.webhooks().claimDue(now, policy.batchSize(),
                now.plus(policy.lease())));
        int sent = 0;
        int retrying = 0;
        int failed = 0;
        for (int i = 0; i < taken.size(); i++) {
            if (stopping.getAsBoolean()) {
                List<String> untried = taken.subList(i, taken.size()).stream().map(WebhookDelivery::id).toList();
                inTransaction(stores -> {
                    stores.webhooks().release(untried, clock.instant());
                    return null;
                });
                break;
            }
            Outcome outcome = record(taken.get(i), post(taken.get(i)));
            if (outcome instanceof Delivered) {
                sent++;
            } else if (outcome instanceof Retry) {
                retrying++;
            } else {
                failed++;
            }
        }
        return new Pass(taken.size(), sent, retrying, failed);
    }

    private Outcome post(WebhookDelivery delivery) {
        String timestamp = Long.toString(clock.instant().getEpochSecond());
        HttpRequest request = HttpRequest.newBuilder(settings.url())
                .timeout(settings.timeout())
                .header("Content-Type", "application/json; charset=utf-8")
                .header("User-Agent", "Ticketpost-Webhook")
                .header("X-Ticketpost-Event", delivery.event())
                .header("X-Ticketpost-Delivery", delivery.id())
                .header("X-Ticketpost-Timestamp", timestamp)
                .header("X-Ticketpost-Signature", WebhookSignature.of(settings.secret(), timestamp, delivery.payload()))
                .POST(HttpRequest.BodyPublishers.ofString(delivery.payload()))
                .build();
        try {
            int status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status >= 200 && status < 300) {
                return new Delivered();
            }
            return status == 429 || status >= 500 ? new Retry("HTTP " + status) : new Refused("HTTP " + status);
        } catch (IOException e) {
            return new Retry(e.getMessage() == null ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + ": "
                    + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Retry("interrupted");
        }
    }

    /** Records the outcome, a retry past webhook.max-age as a failure for good, and logs it. */
    private Outcome record(WebhookDelivery delivery, Outcome outcome) {
        if (closed) {
            return outcome;   // the database is the service's to close now: the call is made again after its lease
        }
        Instant now = clock.instant();
        String what = "webhook " + delivery.event() + " " + delivery.id() + " to " + settings.shown();
        if (outcome instanceof Delivered) {
            inTransaction(stores -> {
                stores.webhooks().markSent(delivery.id(), now);
                return null;
            });
            LOG.info("sent {}", what);
            return outcome;
        }
        if (outcome instanceof Retry retry) {
            int failedAttempts = delivery.attempts() + 1;
            Optional<Instant> next = policy.nextAttempt(failedAttempts, delivery.createdAt(), now);
            if (next.isPresent()) {
                inTransaction(stores -> {
                    stores.webhooks().markRetry(delivery.id(), retry.reason(), next.get());
                    return null;
                });
                LOG.warn("{} not delivered, next attempt at {}: {}", what, next.get(), retry.reason());
                return outcome;
            }
            outcome = new Refused(retry.reason() + " (given up after " + failedAttempts + " attempts in " + settings.maxAge() + ")");
        }
        String reason = ((Refused) outcome).reason();
        inTransaction(stores -> {
            stores.webhooks().markFailed(delivery.id(), reason, now);
            return null;
        });
        LOG.error("{} will not be delivered: {}", what, reason);
        return outcome;
    }

    private <T> T inTransaction(Function<Stores, T> work) {
        return database.inTransaction(work);
    }

    /** From now on it records nothing: a call still under way past its owner's patience is made again after its lease. */
    @Override
    public void close() {
        closed = true;
    }
}
