package org.ticketpost.http.api;

import org.ticketpost.desk.Refused;
import org.ticketpost.desk.TicketActions;
import org.ticketpost.json.TicketJson;

/** POST /api/tickets/{number}/close, with no body or {}: for good; the customer's next mail opens a new ticket. */
final class CloseChange implements TicketChange<CloseChange.Body> {

    /** Closing takes no values. */
    record Body() {
    }

    @Override
    public String name() {
        return "close";
    }

    @Override
    public Class<Body> body() {
        return Body.class;
    }

    @Override
    public boolean bodyOptional() {
        return true;
    }

    @Override
    public TicketJson apply(TicketActions actions, String number, Body body, String actor) throws Refused {
        return TicketJson.of(actions.close(number, actor));
    }
}
