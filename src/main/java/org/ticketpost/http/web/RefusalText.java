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
        if (refusal instanceof Refusal.Invalid invalid) {
            return String.join("; ", invalid.problems()) + ".";
        }
        if (refusal instanceof Refusal.NoDatabase) {
            return "Nothing has been taken in yet: there is no database.";
        }
        return "Refused: " + refusal;
    }
}
