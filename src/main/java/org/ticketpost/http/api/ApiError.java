package org.ticketpost.http.api;

import io.javalin.http.HttpStatus;
import java.util.List;
import org.ticketpost.desk.Refusal;

/**
 * The body of every answer that is not a success: {"error": "no_such_ticket", "message": "there
 * is no ticket 1000017", "problems": []}. The code is for programs, the message for people;
 * problems lists each wrong value where there are several.
 */
record ApiError(String error, String message, List<String> problems) {

    ApiError {
        problems = List.copyOf(problems);
    }

    ApiError(String error, String message) {
        this(error, message, List.of());
    }

    /** An answer that is not a success: its status and its body. */
    record Answer(HttpStatus status, ApiError body) {
    }

    static Answer badRequest(String message) {
        return new Answer(HttpStatus.BAD_REQUEST, new ApiError("bad_request", message));
    }

    static Answer unauthenticated() {
        return new Answer(HttpStatus.UNAUTHORIZED, new ApiError("unauthenticated",
                "no engineer's API token: send the header 'Authorization: Bearer TOKEN' (ticketpost engineers token NAME issues one)"));
    }

    /** The database did not answer: the client may try again; nothing was changed. */
    static Answer unavailable() {
        return new Answer(HttpStatus.SERVICE_UNAVAILABLE, new ApiError("unavailable",
                "the database is unavailable; nothing was changed, try again later"));
    }

    /** A refusal of the desk, with the status that says what kind of refusal it is. */
    static Answer refused(Refusal refusal) {
        if (refusal instanceof Refusal.Unauthenticated) {
            return new Answer(HttpStatus.UNAUTHORIZED, new ApiError("unauthenticated", "the API token is not right (any more)"));
        }
        if (refusal instanceof Refusal.Forbidden disabled) {
            return new Answer(HttpStatus.FORBIDDEN, new ApiError("forbidden", "engineer " + disabled.name() + " is disabled"));
        }
        if (refusal instanceof Refusal.NotATicketNumber mistyped) {
            return new Answer(HttpStatus.BAD_REQUEST, new ApiError("not_a_ticket_number",
                    "'" + mistyped.text() + "' is not a ticket number (a digit is wrong or missing)"));
        }
        if (refusal instanceof Refusal.NoSuchTicket none) {
            return new Answer(HttpStatus.NOT_FOUND, new ApiError("no_such_ticket", "there is no ticket " + none.number()));
        }
        if (refusal instanceof Refusal.Unchanged unchanged) {
            return new Answer(HttpStatus.CONFLICT, new ApiError("refused", "ticket " + unchanged.number() + " " + unchanged.why()));
        }
        if (refusal instanceof Refusal.NotEscalable notEscalable) {
            return new Answer(HttpStatus.CONFLICT, new ApiError("refused", notEscalable(notEscalable)));
        }
        if (refusal instanceof Refusal.UnknownEngineer unknown) {
            String problem = "there is no engineer " + unknown.name();
            return new Answer(HttpStatus.UNPROCESSABLE_CONTENT, new ApiError("invalid", problem, List.of(problem)));
        }
        if (refusal instanceof Refusal.Invalid invalid) {
            return new Answer(HttpStatus.UNPROCESSABLE_CONTENT, new ApiError("invalid", String.join("; ", invalid.problems()),
                    invalid.problems()));
        }
        if (refusal instanceof Refusal.NoDatabase) {
            return new Answer(HttpStatus.SERVICE_UNAVAILABLE, new ApiError("unavailable", "there is no database yet"));
        }
        // the refusals of keys, engineers' accounts and the outbox, which the API does not ask for yet
        return new Answer(HttpStatus.UNPROCESSABLE_CONTENT, new ApiError("refused", refusal.toString()));
    }

    /** Why the ticket is not escalated by phone, and what to do instead, in this API's requests. */
    private static String notEscalable(Refusal.NotEscalable refused) {
        String ticket = "ticket " + refused.number() + " ";
        String path = "POST /api/tickets/" + refused.number();
        return switch (refused.reason()) {
            case SEVERITY -> ticket + "is severity " + refused.severity() + ": only Severity 1 and 2 tickets are escalated by phone."
                    + " If it is an outage or a severe disruption, raise the severity first with " + path
                    + "/severity {\"severity\": 2} (or 1), then escalate it";
            case RESOLVED -> ticket + "is resolved: only open tickets are escalated. If the problem is back, reopen it first with "
                    + path + "/status {\"status\": \"open\"}, then escalate it";
            case CLOSED -> ticket + "is closed and stays closed: the customer files a new ticket by mail, which can then"
                    + " be escalated";
            case ALREADY_ESCALATED -> ticket + "was escalated already at " + refused.since().map(Object::toString).orElse("?")
                    + ": the on-call engineers were told then and are not told again";
        };
    }
}
