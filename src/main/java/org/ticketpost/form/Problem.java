package org.ticketpost.form;

import java.util.Locale;

/**
 * One thing wrong with a support request, for the customer to put right.
 *
 * @param field   the template field's name
 * @param value   what the customer wrote, or null when nothing
 * @param message a sentence in the mail's language
 */
public record Problem(String field, Code code, String value, String message) {

    public enum Code {
        MISSING, NOT_ALLOWED, INVALID, PLACEHOLDER, UNKNOWN_KEY, EXPIRED_KEY, DISABLED_KEY, SENDER_NOT_ALLOWED;

        /** The stable code used in JSON and templates, e.g. {@code not_allowed}. */
        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
