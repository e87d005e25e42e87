package org.ticketpost.http.api;

/** A request the API cannot read: a query parameter or a body that is wrong, said in one sentence. */
final class BadRequest extends Exception {

    BadRequest(String message) {
        super(message, null, false, false);   // the client's mistake, not a fault: no stack trace
    }
}
