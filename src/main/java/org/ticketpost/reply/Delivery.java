package org.ticketpost.reply;

/** What the mail server made of one mail. */
public sealed interface Delivery {

    /** The server took the mail: it is the server's to deliver now. */
    record Accepted() implements Delivery {
    }

    /**
     * Not sent, for a reason that may pass: the server could not be reached, did not answer in
     * time, or answered 4xx; also a refusal of our own account or sender, which the operator mends.
     */
    record Deferred(String reason) implements Delivery {
    }

    /** Refused for good: a 5xx for this recipient or this mail. Sending it again would fail the same way. */
    record Refused(String reason) implements Delivery {
    }
}
