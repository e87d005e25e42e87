package org.ticketpost.form;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/** Every label and alias of the template, looked up the way a reader sees them: case and hyphens aside. */
final class LabelIndex {

    /**
     * What a label names.
     *
     * @param order    the field's place in the template
     * @param language the language whose display label this is, if no other language shares it
     */
    record Entry(FieldSpec field, int order, Optional<String> language) {
    }

    private final Map<String, Entry> byKey = new HashMap<>();
    private final WordTable lastWords;
    private final WordTable firstWords;
    private final int maxWords;

    LabelIndex(List<FieldSpec> fields) {
        int longest = 1;
        for (int order = 0; order < fields.size(); order++) {
            FieldSpec field = fields.get(order);
            for (String alias : field.aliases()) {
                add(alias, new Entry(field, order, Optional.empty()));
            }
            for (Map.Entry<String, String> label : field.labels().entrySet()) {
                add(label.getValue(), new Entry(field, order, languageOf(field, label.getKey())));
            }
            longest = Math.max(longest, Stream.concat(field.labels().values().stream(), field.aliases().stream())
                    .mapToInt(label -> key(label).split(" ").length)
                    .max().orElse(1));
        }
        this.maxWords = longest;
        this.lastWords = new WordTable(List.of(byKey.keySet().stream()
                .map(key -> key.substring(key.lastIndexOf(' ') + 1)).toList()));
        this.firstWords = new WordTable(List.of(byKey.keySet().stream()
                .map(key -> key.split(" ", 2)[0]).toList()));
    }

    /** Whether text[start, end) is the last word of some label: most words before a colon are not. */
    boolean endsALabel(CharSequence text, int start, int end) {
        return lastWords.marks(text, start, end) != 0;
    }

    /** Whether text[start, end) is the first word of some label: where a label can begin. */
    boolean startsALabel(CharSequence text, int start, int end) {
        return firstWords.marks(text, start, end) != 0;
    }

    /** The longest label, in words: a label is looked for in at most this many words before a colon. */
    int maxWords() {
        return maxWords;
    }

    /** The label spelled by this text, e.g. "TRACK ID" or "Support-Key". */
    Optional<Entry> find(CharSequence text) {
        return Optional.ofNullable(byKey.get(key(text)));
    }

    /** Lower case, with every run of spaces, hyphens and other separators as one space. */
    static String key(CharSequence text) {
        StringBuilder key = new StringBuilder(text.length());
        boolean gap = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                if (gap && key.length() > 0) {
                    key.append(' ');
                }
                key.append(Character.toLowerCase(c));
                gap = false;
            } else {
                gap = true;
            }
        }
        return key.toString();
    }

    private void add(String label, Entry entry) {
        Entry existing = byKey.get(key(label));
        if (existing != null && existing.field() != entry.field()) {
            throw new IllegalArgumentException("the label '" + label + "' belongs to both "
                    + existing.field().name() + " and " + entry.field().name());
        }
        byKey.put(key(label), entry);
    }

    /** A display label that another language shares says nothing about the language of a mail. */
    private static Optional<String> languageOf(FieldSpec field, String language) {
        String label = key(field.labels().get(language));
        long sharing = field.labels().values().stream().filter(other -> key(other).equals(label)).count();
        return sharing > 1 ? Optional.empty() : Optional.of(language);
    }
}
