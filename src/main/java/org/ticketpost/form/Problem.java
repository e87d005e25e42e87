package org.ticketpost.form;

import java.util.Locale;

/**
 * One thing wrong with a support request, for the customer to put right.
 *
 * @param field   the template field's name; {@code from} for a problem with the sender's address
 * @param value   what the customer wrote, or null when nothing; for a sender not authenticated, what the
 *                receiving mail server's results lacked
 * @param message a sentence in the mail's language
 */
public record Problem(String field, Code code, String value, String message) {

    public enum Code {
        MISSING, NOT_ALLOWED, INVALID, PLACEHOLDER, UNKNOWN_KEY, EXPIRED_KEY, DISABLED_KEY, SENDER_NOT_ALLOWED,
        /** The receiving mail server could not confirm that the mail comes from the domain of its From address. */
        SENDER_NOT_AUTHENTICATED;

        /** The stable code used in JSON and templates, e.g. {@code not_allowed}. */
        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
