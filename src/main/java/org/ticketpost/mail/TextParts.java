package org.ticketpost.mail;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The readable text parts of one multipart, combined as a mail program shows them:
 * of alternatives the plain text (the HTML when the plain one is empty), of other
 * multiparts every inline text in order.
 */
final class TextParts {

    /** A text as found: plain, or HTML turned into text only when needed, for that is costly. */
    static final class Text {
        private final String content;
        private final boolean html;
        private String plain;

        Text(String content, boolean html) {
            this.content = content;
            this.html = html;
        }

        boolean html() {
            return html;
        }

        String plain() {
            if (plain == null) {
                plain = html ? HtmlText.of(content) : content;
            }
            return plain;
        }

        boolean isBlank() {
            return plain().isBlank();
        }
    }

    private final boolean alternative;
    private final List<Text> texts = new ArrayList<>();

    TextParts(String subtype) {
        this.alternative = "alternative".equalsIgnoreCase(subtype);
    }

    void add(Text text) {
        texts.add(text);
    }

    Optional<Text> combined() {
        if (texts.isEmpty()) {
            return Optional.empty();
        }
        if (alternative) {
            return texts.stream().filter(text -> !text.html() && !text.isBlank()).findFirst()
                    .or(() -> texts.stream().filter(text -> text.html() && !text.isBlank()).findFirst())
                    .or(() -> Optional.of(texts.get(0)));
        }
        if (texts.size() == 1) {
            return Optional.of(texts.get(0));
        }
        StringBuilder joined = new StringBuilder();
        for (Text text : texts) {
            String plain = text.plain().strip();
            if (!plain.isEmpty()) {
                joined.append(joined.length() == 0 ? "" : "\n\n").append(plain);
            }
        }
        return Optional.of(new Text(joined.toString(), false));
    }
}
