package org.ticketpost.notify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Instant;
import java.util.UUID;
import org.ticketpost.ticket.Stores;
import org.ticketpost.ticket.WebhookDelivery;

/**
 * Queues webhook calls: one call per event, in the caller's transaction, so the call is made
 * (by {@link WebhookSender}) exactly when the event was committed. Where no webhook.url is
 * configured it queues nothing.
 */
public final class Webhooks {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    /** The longest body the queue holds (webhook_delivery.payload). */
    private static final int LONGEST_BODY = 10_000;

    private static final Webhooks NONE = new Webhooks(false);

    private final boolean enabled;

    private Webhooks(boolean enabled) {
        this.enabled = enabled;
    }

    /** Queues nothing: no webhook is configured. */
    public static Webhooks none() {
        return NONE;
    }

    public static Webhooks enabled() {
        return new Webhooks(true);
    }

    public boolean isEnabled() {
        return enabled;
    }

    /** Queues a call telling of the event, due at once; a no-op where no webhook is configured. */
    public void queue(Stores stores, WebhookEvent event, Instant now) {
        if (!enabled) {
            return;
        }
        String id = UUID.randomUUID().toString();
        String body = body(new WebhookPayload(id, event.kind(), now, event));
        stores.webhooks().add(new WebhookDelivery(id, event.kind(), body, now, 0));
    }

    static String body(WebhookPayload payload) {
        String body;
        try {
            body = JSON.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write " + payload.event() + " as JSON: " + e.getOriginalMessage(), e);
        }
        if (body.length() > LONGEST_BODY) {
            throw new IllegalArgumentException(payload.event() + " is " + body.length() + " characters of JSON, more than "
                    + LONGEST_BODY);
        }
        return body;
    }
}
