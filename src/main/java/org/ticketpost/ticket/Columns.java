package org.ticketpost.ticket;

/**
 * Text as the database keeps it. A mail may carry a subject, a name or a Track-ID of any
 * length; refusing to store it would fail its delivery again on every retry, so what does not
 * fit its column is cut, marked with an ellipsis. NUL, which PostgreSQL refuses, is dropped.
 */
final class Columns {

    private Columns() {
    }

    static String fit(String value, int length) {
        String text = value == null || value.indexOf('\0') < 0 ? value : value.replace("\0", "");
        if (text == null || text.length() <= length) {
            return text;
        }
        int end = length - 1;
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end) + "…";
    }

    /** A column without a length limit. */
    static String text(String value) {
        return fit(value, Integer.MAX_VALUE);
    }
}
