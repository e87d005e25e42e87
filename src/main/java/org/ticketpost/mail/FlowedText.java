package org.ticketpost.mail;

/**
 * Undoes format=flowed (RFC 3676): a line ending in a space goes on in the next line of
 * the same quote depth. Without this, text from mail programs that send flowed text
 * arrives with its long lines cut in two.
 */
final class FlowedText {

    private FlowedText() {
    }

    static String unflow(String text, boolean deleteSpace) {
        StringBuilder out = new StringBuilder(text.length());
        boolean continuing = false;
        int continuingDepth = 0;
        String[] lines = text.split("\n", -1);
        // a text ending in a line break yields an empty last element, which is no line of its own
        int count = lines[lines.length - 1].isEmpty() ? lines.length - 1 : lines.length;
        for (int i = 0; i < count; i++) {
            String line = lines[i];
            int depth = 0;
            while (depth < line.length() && line.charAt(depth) == '>') {
                depth++;
            }
            String content = line.substring(depth);
            if (content.startsWith(" ")) {
                content = content.substring(1);   // space-stuffing
            }
            boolean soft = content.endsWith(" ") && !content.equals("-- ");
            if (soft && deleteSpace) {
                content = content.substring(0, content.length() - 1);
            }
            if (continuing && depth != continuingDepth) {
                out.append('\n');
                continuing = false;
            }
            if (!continuing && depth > 0) {
                out.append(">".repeat(depth)).append(' ');
            }
            out.append(content);
            if (!soft) {
                out.append('\n');
            }
            continuing = soft;
            continuingDepth = depth;
        }
        return out.toString();
    }
}
