package org.ticketpost.cli;

import org.ticketpost.json.JsonText;

/** The JSON the command line prints: the same as the HTTP API writes ({@link JsonText}). */
final class Json {

    private Json() {
    }

    /** One line, as a program reads a line per result. */
    static String line(Object value) {
        return JsonText.line(value);
    }

    /** Indented, for a document a person may read too. */
    static String pretty(Object value) {
        return JsonText.pretty(value);
    }
}
