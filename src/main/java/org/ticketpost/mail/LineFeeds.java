package org.ticketpost.mail;

/** CRLF and a lone CR as LF, which is what the rest of Ticketpost reads; one pass, no copy when there is nothing to do. */
final class LineFeeds {

    private LineFeeds() {
    }

    static String of(String text) {
        if (text.indexOf('\r') < 0) {
            return text;
        }
        StringBuilder lines = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != '\r') {
                lines.append(c);
            } else if (i + 1 >= text.length() || text.charAt(i + 1) != '\n') {
                lines.append('\n');
            }
        }
        return lines.toString();
    }
}
