package org.ticketpost.form;

import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The support template: its fields in template order, and the texts around them.
 *
 * @param placeholders  example text that means "not filled in" in any field
 * @param blanks        values that say "nothing here" ("n/a", "-")
 * @param problemTexts  message per problem code and language, with {label}, {value} and {hint} slots
 * @param languages     hints per language code; the first is the default language
 */
public record SupportTemplate(
        List<FieldSpec> fields,
        List<String> placeholders,
        List<String> blanks,
        Map<String, Map<String, String>> problemTexts,
        Map<String, LanguageHints> languages) {

    public static final String DEFAULT_LANGUAGE = "en";

    public SupportTemplate {
        fields = List.copyOf(fields);
        placeholders = List.copyOf(placeholders);
        blanks = List.copyOf(blanks);
        problemTexts = Map.copyOf(problemTexts);
        languages = Map.copyOf(languages);
        if (fields.isEmpty()) {
            throw new IllegalArgumentException("the template has no fields");
        }
        new LabelIndex(fields);   // refuses a label that two fields share
        if (!languages.containsKey(DEFAULT_LANGUAGE)) {
            throw new IllegalArgumentException("the template must describe the language '" + DEFAULT_LANGUAGE + "'");
        }
        for (Problem.Code code : Problem.Code.values()) {
            if (!problemTexts.containsKey(code.id())) {
                throw new IllegalArgumentException("the template has no message for problem '" + code.id() + "'");
            }
        }
    }

    public FieldSpec field(String name) {
        return fields.stream()
                .filter(field -> field.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new NoSuchElementException("no template field " + name));
    }

    /** The first field of a type, e.g. the one severity field. */
    public FieldSpec fieldOfType(FieldType type) {
        return fields.stream()
                .filter(field -> field.type() == type)
                .findFirst()
                .orElseThrow(() -> new NoSuchElementException("the template has no " + type + " field"));
    }

    /** The languages in which every field has a label, in alphabetical order. */
    public SortedSet<String> labelLanguages() {
        SortedSet<String> languages = new TreeSet<>(fields.get(0).labels().keySet());
        fields.forEach(field -> languages.retainAll(field.labels().keySet()));
        return languages;
    }

    public String problemText(Problem.Code code, String language) {
        Map<String, String> texts = problemTexts.get(code.id());
        return texts.getOrDefault(language, texts.get(DEFAULT_LANGUAGE));
    }
}
