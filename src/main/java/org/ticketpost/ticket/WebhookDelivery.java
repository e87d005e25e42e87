package org.ticketpost.ticket;

import java.time.Instant;

/**
 * A webhook call to be made: its JSON body, fixed when it was queued, so that every attempt
 * sends the same bytes under the same delivery id.
 *
 * @param id        the delivery id, by which a receiver drops a call it had already
 * @param event     what happened, such as "sla.breached"
 * @param attempts  the attempts made so far, each of which failed
 */
public record WebhookDelivery(String id, String event, String payload, Instant createdAt, int attempts) {
}
