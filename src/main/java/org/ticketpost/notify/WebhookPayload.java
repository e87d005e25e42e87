package org.ticketpost.notify;

import java.time.Instant;

/**
 * The JSON body of a webhook call.
 *
 * @param delivery the delivery id, also sent as X-Ticketpost-Delivery: the same on every attempt
 * @param event    the event's kind
 * @param time     when the event was queued
 * @param data     the event's own fields
 */
record WebhookPayload(String delivery, String event, Instant time, WebhookEvent data) {
}
