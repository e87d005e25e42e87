package org.ticketpost.http.api;

import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.ticketpost.desk.Refused;
import org.ticketpost.desk.TicketActions;
import org.ticketpost.json.TicketJson;
import org.ticketpost.ticket.Status;

/** POST /api/tickets/{number}/status {"status": "waiting"}: waiting pauses the SLA clocks, open resumes them, resolved stops them. */
final class StatusChange implements TicketChange<StatusChange.Body> {

    record Body(String status) {
    }

    /** The words of tickets status. */
    private static final Map<String, Status> WORDS = Map.of("waiting", Status.WAITING_FOR_CUSTOMER, "open", Status.OPEN,
            "resolved", Status.RESOLVED);

    @Override
    public String name() {
        return "status";
    }

    @Override
    public Class<Body> body() {
        return Body.class;
    }

    @Override
    public TicketJson apply(TicketActions actions, String number, Body body, String actor) throws Refused, BadRequest {
        Status next = body.status() == null ? null : WORDS.get(body.status().strip().toLowerCase(Locale.ROOT));
        if (next == null) {
            throw new BadRequest("status must be one of " + WORDS.keySet().stream().sorted().collect(Collectors.joining(", "))
                    + (body.status() == null ? "" : ", was '" + body.status() + "'"));
        }
        return TicketJson.of(actions.changeStatus(number, next, actor));
    }
}
