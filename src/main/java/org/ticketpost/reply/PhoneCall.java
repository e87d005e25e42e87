package org.ticketpost.reply;

import java.time.Instant;

/**
 * A customer's call about a ticket, as the engineer who took it wrote it down.
 *
 * @param caller   who phoned, as they gave their name
 * @param note     what they said
 * @param engineer who took the call
 */
public record PhoneCall(String caller, String note, String engineer, Instant at) {
}
