package org.ticketpost.http.web;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import org.ticketpost.ticket.Status;

/** An option of a select: the value sent, the words shown. */
record Choice(String value, String label) {

    static Choice of(Status status) {
        return new Choice(status.name().toLowerCase(Locale.ROOT), status.label());
    }

    /** The status a select sent: "waiting_for_customer"; none for anything else. */
    static Optional<Status> status(String value) {
        return Arrays.stream(Status.values()).filter(status -> status.name().equalsIgnoreCase(value)).findFirst();
    }
}
