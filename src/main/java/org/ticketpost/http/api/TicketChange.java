package org.ticketpost.http.api;

import org.ticketpost.desk.Refused;
import org.ticketpost.desk.TicketActions;
import org.ticketpost.json.TicketJson;

/**
 * One change an engineer makes to a ticket: POST /api/tickets/{number}/{name} with a JSON body
 * bound to the record {@code B}, answered with the ticket as it is afterwards ({@link TicketJson})
 * or, where the change has more to say, an object that holds it. A further change is a class like
 * {@link StatusChange}, one line in {@link EngineersApi#CHANGES} and its entry in openapi.yaml.
 *
 * @param <B> the body, a record; Jackson refuses an unknown key or a value of the wrong type
 */
interface TicketChange<B> {

    /** The last part of its path: "status". */
    String name();

    Class<B> body();

    /** Whether the request may leave the body out, for a change that needs no values: read as {}. */
    default boolean bodyOptional() {
        return false;
    }

    /**
     * @param actor the signed-in engineer's name, which the ticket's history records
     * @return the body of the answer, written as JSON
     * @throws BadRequest for a body whose values are missing or out of range
     */
    Object apply(TicketActions actions, String number, B body, String actor) throws Refused, BadRequest;
}
