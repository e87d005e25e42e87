package org.ticketpost.http.api;

import org.ticketpost.desk.Refused;
import org.ticketpost.desk.TicketActions;
import org.ticketpost.desk.TicketDetails;

/**
 * One change an engineer makes to a ticket: POST /api/tickets/{number}/{name} with a JSON body
 * bound to the record {@code B}, answered with the ticket as it is afterwards. A further change
 * is a class like {@link StatusChange}, one line in {@link EngineersApi#CHANGES} and its entry in
 * openapi.yaml.
 *
 * @param <B> the body, a record; Jackson refuses an unknown key or a value of the wrong type
 */
interface TicketChange<B> {

    /** The last part of its path: "status". */
    String name();

    Class<B> body();

    /**
     * @param actor the signed-in engineer's name, which the ticket's history records
     * @throws BadRequest for a body whose values are missing or out of range
     */
    TicketDetails apply(TicketActions actions, String number, B body, String actor) throws Refused, BadRequest;
}
