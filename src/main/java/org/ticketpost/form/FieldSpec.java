package org.ticketpost.form;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One field of the support template as templates/support-template.yaml defines it.
 *
 * @param labels       display label per language code
 * @param aliases      further labels recognised in any language
 * @param prompts      example text of the blank template per language
 * @param placeholders further values that mean "the template's text was left in"
 * @param hints        what the field wants, per language, for problem messages
 * @param format       for {@link FieldType#KEY}: the accepted (upper-case) form
 * @param values       for {@link FieldType#CHOICE}: the accepted values in their canonical spelling
 * @param synonyms     for {@link FieldType#CHOICE}: other names of a value
 * @param versions     for {@link FieldType#CHOICE}: a trailing version is allowed ("RHEL 8.6")
 * @param levels       for {@link FieldType#SEVERITY}: the names of each level
 * @param confirmed    whether the confirmation repeats the value, so that a customer sees at once what was misread
 */
public record FieldSpec(
        String name,
        FieldType type,
        boolean required,
        boolean multiline,
        Map<String, String> labels,
        List<String> aliases,
        Map<String, String> prompts,
        List<String> placeholders,
        Map<String, String> hints,
        Pattern format,
        List<String> values,
        Map<String, List<String>> synonyms,
        boolean versions,
        Map<Integer, List<String>> levels,
        boolean confirmed) {

    public FieldSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type of " + name);
        labels = Map.copyOf(labels);
        aliases = List.copyOf(aliases);
        prompts = Map.copyOf(prompts);
        placeholders = List.copyOf(placeholders);
        hints = Map.copyOf(hints);
        values = List.copyOf(values);
        synonyms = Map.copyOf(synonyms);
        levels = Map.copyOf(levels);
        if (labels.isEmpty()) {
            throw new IllegalArgumentException(name + ": needs a label");
        }
        if (type == FieldType.KEY && format == null) {
            throw new IllegalArgumentException(name + ": a key field needs a format");
        }
        if (type == FieldType.CHOICE && values.isEmpty()) {
            throw new IllegalArgumentException(name + ": a choice field needs values");
        }
        if (type == FieldType.SEVERITY && levels.isEmpty()) {
            throw new IllegalArgumentException(name + ": a severity field needs levels");
        }
    }

    /** The label in the given language, or the first one defined. */
    public String label(String language) {
        return labels.getOrDefault(language, labels.values().iterator().next());
    }

    public String prompt(String language) {
        return prompts.getOrDefault(language, prompts.isEmpty() ? "" : prompts.values().iterator().next());
    }

    public String hint(String language) {
        return hints.getOrDefault(language, hints.isEmpty() ? prompt(language) : hints.values().iterator().next());
    }
}
