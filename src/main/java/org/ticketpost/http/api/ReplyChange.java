package org.ticketpost.http.api;

import org.ticketpost.desk.Refused;
import org.ticketpost.desk.TicketActions;
import org.ticketpost.json.TicketJson;

/**
 * POST /api/tickets/{number}/reply {"message": "...", "internal": false}: an answer goes to the
 * customer through the outbox, threaded on their latest mail; an internal note stays with the
 * ticket and sends nothing. An empty message is the desk's to refuse (422), as on the command line.
 */
final class ReplyChange implements TicketChange<ReplyChange.Body> {

    /** @param internal a note for the engineers only; false when left out */
    record Body(String message, Boolean internal) {
    }

    @Override
    public String name() {
        return "reply";
    }

    @Override
    public Class<Body> body() {
        return Body.class;
    }

    @Override
    public TicketJson apply(TicketActions actions, String number, Body body, String actor) throws Refused {
        if (Boolean.TRUE.equals(body.internal())) {
            return TicketJson.of(actions.addNote(number, actor, body.message()));
        }
        return TicketJson.of(actions.answer(number, actor, body.message()));
    }
}
