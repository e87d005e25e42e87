package org.ticketpost.http.web;

import org.ticketpost.desk.Refusal;

/** Why the desk refused, in the page's words. */
final class RefusalText {

    private RefusalText() {
    }

    static String of(Refusal refusal) {
        if (refusal instanceof Refusal.NotATicketNumber wrong) {
            return "'" + wrong.text() + "' is not a ticket number: its check digit does not match.";
        }
        if (refusal instanceof Refusal.NoSuchTicket missing) {
            return "There is no ticket " + missing.number() + ".";
        }
        if (refusal instanceof Refusal.Unchanged unchanged) {
            return "Ticket " + unchanged.number() + " " + unchanged.why() + ".";
        }
        if (refusal instanceof Refusal.NotEscalable notEscalable) {
            return notEscalable(notEscalable);
        }
        if (refusal instanceof Refusal.UnknownEngineer unknown) {
            return "There is no engineer " + unknown.name() + ".";
        }
        if (refusal instanceof Refusal.Invalid invalid) {
            return String.join("; ", invalid.problems()) + ".";
        }
        if (refusal instanceof Refusal.NoDatabase) {
            return "Nothing has been taken in yet: there is no database.";
        }
        return "Refused: " + refusal;
    }

    /** Why the ticket is not escalated by phone, and what to do instead on this page. */
    private static String notEscalable(Refusal.NotEscalable refused) {
        String ticket = "Not escalated: ticket " + refused.number() + " ";
        return switch (refused.reason()) {
            case SEVERITY -> ticket + "is Severity " + refused.severity() + ", and only Severity 1 and 2 tickets are escalated by"
                    + " phone. If it is an outage or a severe disruption, raise its severity first.";
            case RESOLVED -> ticket + "is resolved. If the problem is back, reopen it first.";
            case CLOSED -> ticket + "is closed for good: the customer files a new ticket by mail.";
            case ALREADY_ESCALATED -> ticket + "was escalated already" + refused.since().map(at -> " at " + at).orElse("")
                    + ": the on-call engineers were told then.";
        };
    }
}
