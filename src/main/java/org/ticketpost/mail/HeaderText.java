package org.ticketpost.mail;

/** Header values as people see them: one line, whatever an encoded word smuggled in. */
final class HeaderText {

    private HeaderText() {
    }

    /**
     * The text with every control character but TAB (CR, LF, NUL, DEL, C1) made a space. An encoded
     * CR LF in a subject or a name would otherwise forge lines wherever the value is printed,
     * and NUL is refused by PostgreSQL.
     */
    static String oneLine(String text) {
        if (text == null) {
            return null;
        }
        int i = 0;
        while (i < text.length() && !isControl(text.charAt(i))) {
            i++;
        }
        if (i == text.length()) {
            return text;
        }
        StringBuilder line = new StringBuilder(text);
        for (; i < line.length(); i++) {
            if (isControl(line.charAt(i))) {
                line.setCharAt(i, ' ');
            }
        }
        return line.toString();
    }

    private static boolean isControl(char c) {
        return c != '\t' && Character.isISOControl(c);
    }
}
