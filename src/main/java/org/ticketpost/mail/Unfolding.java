package org.ticketpost.mail;

/** A header field's lines joined back into one (RFC 5322 §2.2.3): line breaks go, the spaces after them stay. */
final class Unfolding {

    private Unfolding() {
    }

    static String unfold(String value) {
        if (value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
            return value;
        }
        StringBuilder line = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\r' || c == '\n') {
                boolean folded = i + 1 < value.length() && (value.charAt(i + 1) == ' ' || value.charAt(i + 1) == '\t'
                        || (c == '\r' && value.charAt(i + 1) == '\n'));
                if (!folded) {
                    line.append(' ');   // a break that folds nothing still separates words
                }
            } else {
                line.append(c);
            }
        }
        return line.toString();
    }
}
