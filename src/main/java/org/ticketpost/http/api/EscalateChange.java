package org.ticketpost.http.api;

import java.util.List;
import org.ticketpost.desk.Escalation;
import org.ticketpost.desk.Refused;
import org.ticketpost.desk.TicketActions;
import org.ticketpost.json.TicketJson;

/**
 * POST /api/tickets/{number}/escalate {"caller": "...", "note": "..."}: the customer phoned in
 * about an open Severity 1 or 2 ticket. Answered with the ticket and the addresses the on-call
 * notice was queued for, none when no one is on call, so that the engineer knows whether anyone hears of it.
 */
final class EscalateChange implements TicketChange<EscalateChange.Body> {

    /** @param caller who phoned; @param note what they said */
    record Body(String caller, String note) {
    }

    /** The answer: {"ticket": {...}, "told": ["oncall@example.com"]}. */
    record Answer(TicketJson ticket, List<String> told) {
    }

    @Override
    public String name() {
        return "escalate";
    }

    @Override
    public Class<Body> body() {
        return Body.class;
    }

    @Override
    public Answer apply(TicketActions actions, String number, Body body, String actor) throws Refused {
        Escalation escalation = actions.escalateByPhone(number, body.caller(), body.note(), actor);
        return new Answer(TicketJson.of(escalation.ticket()), escalation.told());
    }
}
