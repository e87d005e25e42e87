package org.ticketpost.mail;

import java.util.Optional;

/**
 * Reads the value of a structured header field (RFC 5322 §3.2): words and quoted strings, with
 * the white space and comments between them skipped. Comments nest, and a backslash quotes the
 * character after it, in a comment as in a quoted string.
 */
final class FieldCursor {

    private final String text;
    private int at;

    FieldCursor(String text) {
        this.text = text;
    }

    boolean atEnd() {
        skipSpaceAndComments();
        return at >= text.length();
    }

    /** Whether the next character, after white space and comments, is this one; it is then read. */
    boolean take(char c) {
        skipSpaceAndComments();
        if (at < text.length() && text.charAt(at) == c) {
            at++;
            return true;
        }
        return false;
    }

    boolean next(char c) {
        skipSpaceAndComments();
        return at < text.length() && text.charAt(at) == c;
    }

    /**
     * A quoted string without its quotes, or the characters up to white space, a comment, a quote
     * or one of the stops; empty where there is none, or where a quoted string does not end.
     */
    Optional<String> value(String stops) {
        skipSpaceAndComments();
        if (at < text.length() && text.charAt(at) == '"') {
            return quoted();
        }
        int start = at;
        while (at < text.length()) {
            char c = text.charAt(at);
            if (Character.isWhitespace(c) || c == '(' || c == '"' || stops.indexOf(c) >= 0) {
                break;
            }
            at++;
        }
        return at > start ? Optional.of(text.substring(start, at)) : Optional.empty();
    }

    /** A quoted string that does not end is left unread: what follows its quote is no value. */
    private Optional<String> quoted() {
        int quote = at;
        StringBuilder value = new StringBuilder();
        for (at++; at < text.length(); at++) {
            char c = text.charAt(at);
            if (c == '"') {
                at++;
                return Optional.of(value.toString());
            }
            if (c == '\\' && at + 1 < text.length()) {
                c = text.charAt(++at);
            }
            value.append(c);
        }
        at = quote;
        return Optional.empty();
    }

    private void skipSpaceAndComments() {
        int depth = 0;
        while (at < text.length()) {
            char c = text.charAt(at);
            if (c == '(') {
                depth++;
            } else if (c == ')' && depth > 0) {
                depth--;
            } else if (c == '\\' && depth > 0) {
                at++;
            } else if (depth == 0 && !Character.isWhitespace(c)) {
                return;
            }
            at++;
        }
    }
}
