package org.ticketpost.http.api;

import org.ticketpost.desk.Refused;
import org.ticketpost.desk.TicketActions;
import org.ticketpost.json.TicketJson;

/** POST /api/tickets/{number}/assign {"engineer": "jane.doe"}: to a registered engineer who is not disabled. */
final class AssignChange implements TicketChange<AssignChange.Body> {

    record Body(String engineer) {
    }

    @Override
    public String name() {
        return "assign";
    }

    @Override
    public Class<Body> body() {
        return Body.class;
    }

    @Override
    public TicketJson apply(TicketActions actions, String number, Body body, String actor) throws Refused, BadRequest {
        if (body.engineer() == null || body.engineer().isBlank()) {
            throw new BadRequest("engineer must name the engineer who takes the ticket");
        }
        return TicketJson.of(actions.assign(number, body.engineer(), actor));
    }
}
