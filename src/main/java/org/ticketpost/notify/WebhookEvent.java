package org.ticketpost.notify;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * Something a webhook receiver is told of: a record whose components become the "data" of the
 * JSON body, as Jackson writes them (an Instant as ISO-8601 text), all but the kind.
 */
public interface WebhookEvent {

    /** What happened, such as "sla.breached": the body's "event", by which a receiver tells events apart. */
    @JsonIgnore   // the body's "event" says it once
    String kind();
}
