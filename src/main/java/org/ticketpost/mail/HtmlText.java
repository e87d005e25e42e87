package org.ticketpost.mail;

import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;
import org.jsoup.select.NodeFilter;

/**
 * The text a person reads in an HTML mail: paragraphs and line breaks kept, lists as
 * "- " items, quoted mail (blockquote) as "> " lines so that it is recognised as a quote.
 */
final class HtmlText {

    private static final Set<String> BLOCKS = Set.of(
            "p", "div", "section", "article", "header", "footer", "table", "tr", "ul", "ol", "li", "dl", "dt", "dd",
            "h1", "h2", "h3", "h4", "h5", "h6", "pre", "blockquote", "hr", "address", "center", "form", "fieldset");
    private static final Set<String> SKIPPED = Set.of("head", "script", "style", "title", "template", "noscript");
    /**
     * Longer HTML is read as the sequence of tags it is written in, not built into the tree a
     * browser builds: that costs more than linear time on deeply nested tables, lists and pre
     * elements (1.5 MB of nested tables took a minute), while a person writes far less. All the text
     * is kept; only paragraphs and list items that a browser would close on its own may run on.
     */
    static final int TREE_LIMIT = 256 * 1024;
    /** Deeper quotes are marked as this deep: each level would add two characters to every line. */
    private static final int QUOTE_MARKS_LIMIT = 8;

    private HtmlText() {
    }

    static String of(String html) {
        Writer writer = new Writer();
        Node root = html.length() <= TREE_LIMIT ? Jsoup.parse(html).body() : Parser.xmlParser().parseInput(html, "");
        root.filter(writer);
        return writer.text();
    }

    private static final class Writer implements NodeFilter {
        private final StringBuilder out = new StringBuilder();
        private int quoteDepth;
        private int preDepth;
        private boolean lineStart = true;
        private boolean pendingSpace;

        @Override
        public FilterResult head(Node node, int depth) {
            if (node instanceof TextNode text) {
                write(preDepth > 0 ? text.getWholeText() : text.text(), preDepth > 0);
            } else if (node instanceof Element element) {
                String tag = element.normalName();
                if (SKIPPED.contains(tag)) {
                    return FilterResult.SKIP_ENTIRELY;
                }
                if (tag.equals("br")) {
                    newLine();
                } else if (BLOCKS.contains(tag)) {
                    newLine();
                }
                if (tag.equals("blockquote")) {
                    quoteDepth++;
                } else if (tag.equals("pre")) {
                    preDepth++;
                } else if (tag.equals("li")) {
                    write("- ", true);
                } else if (tag.equals("td") || tag.equals("th")) {
                    pendingSpace = !lineStart;
                }
            }
            return FilterResult.CONTINUE;
        }

        @Override
        public FilterResult tail(Node node, int depth) {
            if (node instanceof Element element) {
                String tag = element.normalName();
                if (BLOCKS.contains(tag)) {
                    newLine();
                }
                if (tag.equals("blockquote")) {
                    quoteDepth--;
                } else if (tag.equals("pre")) {
                    preDepth--;
                } else if (tag.equals("p") || tag.startsWith("h") && tag.length() == 2) {
                    out.append(quotePrefix()).append('\n');   // a paragraph ends with an empty line
                }
            }
            return FilterResult.CONTINUE;
        }

        private void write(String text, boolean verbatim) {
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == '\n' && verbatim) {
                    newLine();
                } else if (Character.isWhitespace(c) && !verbatim) {
                    pendingSpace = !lineStart;
                } else {
                    if (lineStart) {
                        out.append(quotePrefix());
                        lineStart = false;
                    } else if (pendingSpace) {
                        out.append(' ');
                    }
                    pendingSpace = false;
                    out.append(c == '\u00a0' ? ' ' : c);
                }
            }
        }

        private void newLine() {
            if (!lineStart) {
                out.append('\n');
                lineStart = true;
            }
            pendingSpace = false;
        }

        private String quotePrefix() {
            return "> ".repeat(Math.min(quoteDepth, QUOTE_MARKS_LIMIT));
        }

        String text() {
            return out.toString().replaceAll("(?m)^(> )*\\s+$", "").replaceAll("\n{3,}", "\n\n").strip();
        }
    }
}
