package org.ticketpost.desk;

import java.time.Instant;
import org.ticketpost.notify.WebhookEvent;
import org.ticketpost.reply.PhoneCall;
import org.ticketpost.ticket.Ticket;

/**
 * A phone escalation as a webhook receiver reads it ("ticket.escalated"). Texts typed by people
 * are cut to what the ticket's history keeps, so that the call always fits the webhook queue.
 *
 * @param ticket   the ticket number with its check digit, as engineers read it out
 * @param caller   who phoned
 * @param note     what they said
 * @param engineer who took the call and escalated the ticket
 * @param time     when the ticket was escalated
 */
public record EscalationEvent(String kind, String ticket, int severity, String customer, String subject, String caller,
        String note, String engineer, Instant time) implements WebhookEvent {

    public static final String ESCALATED = "ticket.escalated";

    private static final int LONGEST_SUBJECT = 1000;
    private static final int LONGEST_CALLER = 200;
    private static final int LONGEST_NOTE = 2000;

    static EscalationEvent of(Ticket ticket, PhoneCall call) {
        return new EscalationEvent(ESCALATED, ticket.number().digits(), ticket.severity(), ticket.customer(),
                cut(ticket.subject(), LONGEST_SUBJECT), cut(call.caller(), LONGEST_CALLER), cut(call.note(), LONGEST_NOTE),
                call.engineer(), call.at());
    }

    private static String cut(String text, int length) {
        return text.codePointCount(0, text.length()) <= length ? text
                : text.substring(0, text.offsetByCodePoints(0, length - 1)) + "…";
    }
}
