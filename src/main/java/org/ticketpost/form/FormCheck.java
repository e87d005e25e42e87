package org.ticketpost.form;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/** Checks every field of a template as read from a mail, and reports each problem, never only the first. */
public final class FormCheck {

    private static final int QUOTED_VALUE_LENGTH = 80;
    private static final int PROMPT_LENGTH = 300;

    private final SupportTemplate template;
    private final Set<String> placeholders = new HashSet<>();
    private final Set<String> blanks = new HashSet<>();
    private final Map<String, Set<String>> fieldPlaceholders = new HashMap<>();
    private final Map<String, ChoiceMatch> choices = new HashMap<>();
    private final Map<String, SeverityReading> severities = new HashMap<>();

    public FormCheck(SupportTemplate template) {
        this.template = template;
        template.placeholders().forEach(text -> placeholders.add(plain(text)));
        template.blanks().forEach(text -> blanks.add(plain(text)));
        for (FieldSpec field : template.fields()) {
            Set<String> own = new HashSet<>();
            field.prompts().values().forEach(text -> own.add(plain(text)));
            field.placeholders().forEach(text -> own.add(plain(text)));
            fieldPlaceholders.put(field.name(), own);
            if (field.type() == FieldType.CHOICE) {
                choices.put(field.name(), new ChoiceMatch(field.values(), field.synonyms(), field.versions()));
            }
            if (field.type() == FieldType.SEVERITY) {
                severities.put(field.name(), new SeverityReading(field.levels(),
                        Stream.concat(field.labels().values().stream(), field.aliases().stream()).toList()));
            }
        }
    }

    public FilledForm check(RawForm form) {
        String language = form.language();
        Map<String, String> values = new LinkedHashMap<>();
        List<Problem> problems = new ArrayList<>();
        for (FieldSpec field : template.fields()) {
            String raw = form.values().get(field.name());
            String plain = raw == null ? "" : plain(raw);
            if (raw == null || raw.isBlank() || blanks.contains(plain)) {
                if (field.required()) {
                    problems.add(problem(field, Problem.Code.MISSING, null, language));
                }
            } else if (placeholders.contains(plain) || fieldPlaceholders.get(field.name()).contains(plain)) {
                if (field.required()) {
                    problems.add(problem(field, Problem.Code.PLACEHOLDER, raw, language));
                }
            } else {
                Optional<String> valid = accept(field, raw);
                values.put(field.name(), valid.orElse(raw));
                if (valid.isEmpty()) {
                    Problem.Code code = field.type() == FieldType.CHOICE ? Problem.Code.NOT_ALLOWED : Problem.Code.INVALID;
                    problems.add(problem(field, code, raw, language));
                }
            }
        }
        return new FilledForm(language, values, problems);
    }

    /** A problem of a field with its message in the given language. */
    public Problem problem(FieldSpec field, Problem.Code code, String value, String language) {
        String quoted = value == null ? "" : shorten(value);
        String message = template.problemText(code, language)
                .replace("{label}", field.label(language))
                .replace("{value}", quoted)
                .replace("{hint}", field.hint(language));
        return new Problem(field.name(), code, value, message);
    }

    private Optional<String> accept(FieldSpec field, String raw) {
        String value = raw.strip();
        return switch (field.type()) {
            case KEY -> Optional.of(value.toUpperCase(Locale.ROOT)).filter(key -> field.format().matcher(key).matches());
            case SERVER -> ServerAddress.read(value);
            case SEVERITY -> severities.get(field.name()).read(value).map(String::valueOf);
            case CHOICE -> choices.get(field.name()).read(value);
            case TEXT -> Optional.of(value);
        };
    }

    /**
     * Lower case, single spaces, no trailing full stop: how two prompts are compared. A long text
     * is no prompt, so it is not worth the work: it becomes the empty string, which no set holds.
     */
    private static String plain(String text) {
        if (text.length() > PROMPT_LENGTH) {
            return "";
        }
        StringBuilder collapsed = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!Character.isWhitespace(c)) {
                collapsed.append(Character.toLowerCase(c));
            } else if (collapsed.length() > 0 && collapsed.charAt(collapsed.length() - 1) != ' ') {
                collapsed.append(' ');
            }
        }
        String plain = collapsed.toString().strip();
        while (plain.endsWith(".") && !plain.endsWith("..")) {
            plain = plain.substring(0, plain.length() - 1).strip();
        }
        return plain;
    }

    private static String shorten(String value) {
        String oneLine = value.strip().replaceAll("\\s+", " ");
        return oneLine.length() <= QUOTED_VALUE_LENGTH ? oneLine : oneLine.substring(0, QUOTED_VALUE_LENGTH - 1) + "…";
    }
}
