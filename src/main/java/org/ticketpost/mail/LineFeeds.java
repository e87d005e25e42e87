package org.ticketpost.mail;

/** CRLF and a lone CR as LF, which is what the rest of Ticketpost reads; one pass, no copy when there is nothing to do. */
final class LineFeeds {

    private LineFeeds() {
    }

    /**
     * The same on the bytes of a text in a charset where CR and LF are single bytes (all but
     * UTF-16 and UTF-32), in place, before they become characters. Returns the new length.
     */
    static int of(byte[] bytes, int length) {
        int out = 0;
        int from = 0;
        while (from < length) {
            int cr = from;
            while (cr < length && bytes[cr] != '\r') {
                cr++;
            }
            if (out != from) {
                System.arraycopy(bytes, from, bytes, out, cr - from);
            }
            out += cr - from;
            if (cr == length) {
                break;
            }
            if (cr + 1 >= length || bytes[cr + 1] != '\n') {
                bytes[out++] = '\n';   // a lone CR; a CR before LF is simply left out
            }
            from = cr + 1;
        }
        return out;
    }

    static boolean areSingleBytesIn(String charsetName) {
        return !charsetName.startsWith("UTF-16") && !charsetName.startsWith("UTF-32");
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
