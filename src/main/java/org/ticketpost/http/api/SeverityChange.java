package org.ticketpost.http.api;

import org.ticketpost.desk.Refused;
import org.ticketpost.desk.TicketActions;
import org.ticketpost.json.TicketJson;

/** POST /api/tickets/{number}/severity {"severity": 1}: the SLA clocks count against the new severity's targets. */
final class SeverityChange implements TicketChange<SeverityChange.Body> {

    record Body(Integer severity) {
    }

    @Override
    public String name() {
        return "severity";
    }

    @Override
    public Class<Body> body() {
        return Body.class;
    }

    @Override
    public TicketJson apply(TicketActions actions, String number, Body body, String actor) throws Refused, BadRequest {
        if (body.severity() == null || body.severity() < 1 || body.severity() > 4) {
            throw new BadRequest("severity must be a whole number from 1 to 4"
                    + (body.severity() == null ? "" : ", was " + body.severity()));
        }
        return TicketJson.of(actions.changeSeverity(number, body.severity(), actor));
    }
}
