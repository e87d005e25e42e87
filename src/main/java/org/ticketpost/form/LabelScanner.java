package org.ticketpost.form;

import java.nio.CharBuffer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the template's labels in a text, one per line or run together on one line.
 *
 * <p>A label is a known label followed by a colon, or a line holding nothing but a label.
 * A label at the start of a line always counts. Further labels on the same line count
 * only in template order, which is how a template flattened into one paragraph reads;
 * "open the mail module: nothing happens" inside a description therefore stays text. A
 * line whose first label is not at its start counts only when at least two labels follow
 * each other in template order. When a field's label appears more than once, the first at
 * the start of a line wins, and the others are part of whatever value they stand in.
 */
final class LabelScanner {

    /** A label found in the text: the value starts at {@code valueStart}. */
    record Occurrence(LabelIndex.Entry entry, int labelStart, int valueStart, boolean lineStart) {
        FieldSpec field() {
            return entry.field();
        }
    }

    private final LabelIndex labels;

    LabelScanner(LabelIndex labels) {
        this.labels = labels;
    }

    /** The chosen label of each field found, in text order. */
    List<Occurrence> scan(String text) {
        Map<String, Occurrence> chosen = new LinkedHashMap<>();
        int[] wordStarts = new int[labels.maxWords()];
        Colons colons = new Colons(text);
        int lineStart = 0;
        while (lineStart <= text.length()) {
            int lineEnd = text.indexOf('\n', lineStart);
            if (lineEnd < 0) {
                lineEnd = text.length();
            }
            for (Occurrence found : accepted(onLine(text, lineStart, lineEnd, colons, wordStarts))) {
                Occurrence earlier = chosen.get(found.field().name());
                if (earlier == null || (found.lineStart() && !earlier.lineStart())) {
                    chosen.put(found.field().name(), found);
                }
            }
            lineStart = lineEnd + 1;
        }
        List<Occurrence> inTextOrder = new ArrayList<>(chosen.values());
        inTextOrder.sort(Comparator.comparingInt(Occurrence::labelStart));
        return inTextOrder;
    }

    private static List<Occurrence> accepted(List<Occurrence> line) {
        if (line.isEmpty()) {
            return line;
        }
        List<Occurrence> chain = new ArrayList<>();
        chain.add(line.get(0));
        for (Occurrence next : line.subList(1, line.size())) {
            if (next.entry().order() > chain.get(chain.size() - 1).entry().order()) {
                chain.add(next);
            }
        }
        return chain.get(0).lineStart() || chain.size() >= 2 ? chain : List.of();
    }

    private List<Occurrence> onLine(String text, int lineStart, int lineEnd, Colons colons, int[] wordStarts) {
        List<Occurrence> found = new ArrayList<>(0);
        for (int colon = colons.from(lineStart); colon < lineEnd; colon = colons.from(colon + 1)) {
            labelBefore(text, lineStart, colon, wordStarts).ifPresent(found::add);
        }
        if (found.isEmpty()) {
            labelAlone(text, lineStart, lineEnd).ifPresent(found::add);
        }
        return found;
    }

    /**
     * The colons of a text, each looked for once. Looking afresh on every line would read a
     * text without colons to its end once per line: 200,000 short lines took a minute.
     */
    private static final class Colons {
        private static final int NONE = Integer.MAX_VALUE;

        private final String text;
        private int next = -1;

        Colons(String text) {
            this.text = text;
        }

        /** The first colon at or after this position, or a position beyond any line when there is none. */
        int from(int position) {
            if (next < position) {
                int found = text.indexOf(':', position);
                next = found < 0 ? NONE : found;
            }
            return next;
        }
    }

    /** The longest label that ends right before this colon and starts at a word boundary. */
    private Optional<Occurrence> labelBefore(String text, int lineStart, int colon, int[] wordStarts) {
        int end = colon;
        while (end > lineStart && isBlank(text.charAt(end - 1))) {
            end--;
        }
        int words = 0;
        int i = end;
        while (words < wordStarts.length && i > lineStart) {
            int wordEnd = i;
            while (i > lineStart && Character.isLetterOrDigit(text.charAt(i - 1))) {
                i--;
            }
            if (i == wordEnd || (words == 0 && !labels.endsALabel(text, i, wordEnd))) {
                break;
            }
            wordStarts[words++] = i;
            while (i > lineStart && (isBlank(text.charAt(i - 1)) || text.charAt(i - 1) == '-')) {
                i--;
            }
        }
        for (int w = words - 1; w >= 0; w--) {
            int start = wordStarts[w];
            if (start > lineStart && !isBoundary(text.charAt(start - 1)) || !labels.startsALabel(text, start, wordEnd(text, start))) {
                continue;
            }
            Optional<LabelIndex.Entry> entry = labels.find(CharBuffer.wrap(text, start, end));
            if (entry.isPresent()) {
                return Optional.of(new Occurrence(entry.get(), start, colon + 1, onlyBullets(text, lineStart, start)));
            }
        }
        return Optional.empty();
    }

    private static int wordEnd(String text, int start) {
        int end = start;
        while (end < text.length() && Character.isLetterOrDigit(text.charAt(end))) {
            end++;
        }
        return end;
    }

    private Optional<Occurrence> labelAlone(String text, int lineStart, int lineEnd) {
        int first = lineStart;
        while (first < lineEnd && (isBlank(text.charAt(first)) || isBullet(text.charAt(first)))) {
            first++;
        }
        int lastWord = lineEnd;
        while (lastWord > first && !Character.isLetterOrDigit(text.charAt(lastWord - 1))) {
            lastWord--;
        }
        int lastWordStart = lastWord;
        while (lastWordStart > first && Character.isLetterOrDigit(text.charAt(lastWordStart - 1))) {
            lastWordStart--;
        }
        if (lineEnd - first > 60 || lastWord == first || !labels.endsALabel(text, lastWordStart, lastWord)) {
            return Optional.empty();
        }
        int start = first;
        return labels.find(text.subSequence(start, lineEnd))
                .map(entry -> new Occurrence(entry, start, lineEnd, true));
    }

    private static boolean onlyBullets(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!isBlank(text.charAt(i)) && !isBullet(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isBoundary(char c) {
        return isBlank(c) || isBullet(c) || c == '(' || c == '[' || c == ',' || c == ';' || c == '|';
    }

    private static boolean isBullet(char c) {
        return c == '-' || c == '*' || c == '•' || c == '·' || c == '_' || c == '#';
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t' || c == '\u00a0' || c == '\r';
    }
}
