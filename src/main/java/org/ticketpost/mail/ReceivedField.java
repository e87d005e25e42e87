package org.ticketpost.mail;

import java.util.Locale;
import java.util.Optional;

/** A Received field (RFC 5321 §4.4), as far as Ticketpost reads it: which host took the mail in. */
final class ReceivedField {

    private ReceivedField() {
    }

    /** The host after "by", in lower case without a final dot; empty where the field names none before its date. */
    static Optional<String> by(String value) {
        FieldCursor in = new FieldCursor(value);
        for (Optional<String> word = in.value(";"); word.isPresent(); word = in.value(";")) {
            if (word.get().equalsIgnoreCase("by")) {
                return in.value(";")
                        .map(host -> host.toLowerCase(Locale.ROOT))
                        .map(host -> host.endsWith(".") ? host.substring(0, host.length() - 1) : host)
                        .filter(host -> !host.isEmpty());
            }
        }
        return Optional.empty();
    }
}
