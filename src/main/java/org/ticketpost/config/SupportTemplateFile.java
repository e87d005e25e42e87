package org.ticketpost.config;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Collectors;
import org.ticketpost.form.FieldSpec;
import org.ticketpost.form.FieldType;
import org.ticketpost.form.LanguageHints;
import org.ticketpost.form.Problem;
import org.ticketpost.form.SupportTemplate;
import org.ticketpost.ticket.FieldColumn;

/**
 * Reads templates/support-template.yaml. A misspelt key, a value of the wrong type or one the
 * template cannot use stops Ticketpost, naming the line and the key of every such mistake.
 */
public final class SupportTemplateFile {

    public static final String NAME = "support-template.yaml";

    /** The file as written; the keys are the record components, in the order the file uses them. */
    record TemplateYaml(List<FieldYaml> fields, List<String> placeholders, List<String> blanks,
            Map<String, Map<String, String>> problems, Map<String, LanguageYaml> languages) {
    }

    record FieldYaml(String name, FieldType type, Boolean required, Boolean multiline, Boolean versions, Boolean confirmed,
            String format, List<String> values, Map<String, List<String>> synonyms, Map<String, List<String>> levels,
            Map<String, String> label, List<String> aliases, Map<String, String> prompt, List<String> placeholders,
            Map<String, String> hint) {
    }

    record LanguageYaml(List<String> words, List<String> closings) {
    }

    private SupportTemplateFile() {
    }

    public static SupportTemplate load(Folder folder) {
        return parse(folder.location(NAME), folder.require(NAME));
    }

    static SupportTemplate parse(String yaml) {
        return parse(NAME, yaml);
    }

    static SupportTemplate parse(String location, String yaml) {
        YamlFile file = YamlFile.read(location, yaml);
        TemplateYaml template = file.bind(TemplateYaml.class).orElseThrow(file::failure);
        YamlValues values = new YamlValues(file);
        Map<String, LanguageHints> languages = new LinkedHashMap<>();
        values.map("languages", template.languages()).forEach((language, hints) -> languages.put(language, new LanguageHints(
                Set.copyOf(values.texts("languages." + language + ".words", hints.words()).stream()
                        .map(word -> word.toLowerCase(Locale.ROOT)).toList()),
                values.texts("languages." + language + ".closings", hints.closings()))));
        Languages known = new Languages(values, template.languages() == null ? Set.of() : template.languages().keySet());
        List<FieldSpec> fields = new ArrayList<>();
        List<FieldYaml> given = YamlValues.list(template.fields());
        for (int index = 0; index < given.size(); index++) {
            field(values, known, "fields[" + index + "]", given.get(index)).ifPresent(fields::add);
        }
        Map<String, Map<String, String>> problems = problems(values, known, template.problems());
        List<String> placeholders = values.texts("placeholders", template.placeholders());
        List<String> blanks = values.texts("blanks", template.blanks());
        List<FieldColumn> unnamed = FieldColumn.missingFrom(fields.stream().map(FieldSpec::name).toList());
        if (!unnamed.isEmpty() && fields.size() == given.size()) {   // a field without a name is reported already
            file.problem("fields", "no field is named " + unnamed.stream().map(FieldColumn::field).collect(Collectors.joining(", "))
                    + ": a ticket keeps these in columns of their own, so a field may change its label and aliases but"
                    + " not its name");
        }
        file.throwIfAny();
        try {
            return new SupportTemplate(fields, placeholders, blanks, problems, languages);
        } catch (IllegalArgumentException e) {
            file.problem("", e.getMessage());   // a rule across fields, such as a label two fields share
            throw file.failure();
        }
    }

    /** The language codes the file describes: a text in any other is a misspelt code. */
    private record Languages(YamlValues values, Set<String> codes) {
        Map<String, String> texts(String key, Map<String, String> given) {
            Map<String, String> texts = values.map(key, given);
            texts.keySet().stream().filter(code -> !codes.isEmpty() && !codes.contains(code)).forEach(code -> values.file()
                    .problem(key + "." + code, "unknown language (known: " + String.join(", ", codes) + ")"));
            return texts;
        }
    }

    private static Optional<FieldSpec> field(YamlValues values, Languages languages, String key, FieldYaml field) {
        if (!values.present(key, field)) {
            return Optional.empty();
        }
        values.require(key + ".name", field.name(), "is missing");
        values.require(key + ".type", field.type(), "is missing: it " + MistakeRecorder.expected(FieldType.class));
        Pattern format = field.format() == null ? null : regex(values.file(), key + ".format", field.format());
        Map<Integer, List<String>> levels = levels(values, key + ".levels", field.levels());
        List<String> chosen = values.texts(key + ".values", field.values());
        Map<String, List<String>> synonyms = new LinkedHashMap<>();
        values.map(key + ".synonyms", field.synonyms()).forEach((value, names) -> {
            if (!chosen.contains(value)) {   // its synonyms would stand for a value the field does not accept
                values.file().problem(key + ".synonyms." + value, "is not one of the values (" + String.join(", ", chosen) + ")");
            }
            synonyms.put(value, values.texts(key + ".synonyms." + value, names));
        });
        Map<String, String> labels = languages.texts(key + ".label", field.label());
        List<String> aliases = values.texts(key + ".aliases", field.aliases());
        Map<String, String> prompts = languages.texts(key + ".prompt", field.prompt());
        List<String> placeholders = values.texts(key + ".placeholders", field.placeholders());
        Map<String, String> hints = languages.texts(key + ".hint", field.hint());
        if (values.file().hasProblemAt(key)) {
            return Optional.empty();
        }
        try {
            return Optional.of(new FieldSpec(field.name(), field.type(), isTrue(field.required()), isTrue(field.multiline()),
                    labels, aliases, prompts, placeholders, hints, format, chosen, synonyms, isTrue(field.versions()), levels,
                    isTrue(field.confirmed())));
        } catch (IllegalArgumentException e) {
            values.file().problem(key, e.getMessage());
            return Optional.empty();
        }
    }

    private static boolean isTrue(Boolean flag) {
        return Boolean.TRUE.equals(flag);
    }

    private static Pattern regex(YamlFile file, String key, String format) {
        try {
            return Pattern.compile(format);
        } catch (PatternSyntaxException e) {
            file.problem(key, "is not a regular expression: " + e.getDescription() + " at character " + (e.getIndex() + 1));
            return null;
        }
    }

    private static Map<Integer, List<String>> levels(YamlValues values, String key, Map<String, List<String>> given) {
        Map<Integer, List<String>> levels = new LinkedHashMap<>();
        values.map(key, given).forEach((level, names) -> {
            if (level.matches("[1-4]")) {
                levels.put(Integer.valueOf(level), values.texts(key + "." + level, names));
            } else {
                values.file().problem(key + "." + level, "is no severity: severities are 1, 2, 3 and 4");
            }
        });
        return levels;
    }

    /**
     * The message per problem code: every code needs one in every language, and a code Ticketpost
     * does not know is a typo.
     */
    private static Map<String, Map<String, String>> problems(YamlValues values, Languages languages,
            Map<String, Map<String, String>> given) {
        List<String> codes = Arrays.stream(Problem.Code.values()).map(Problem.Code::id).toList();
        Map<String, Map<String, String>> problems = new LinkedHashMap<>();
        values.map("problems", given).forEach((code, texts) -> {
            if (codes.contains(code)) {
                Map<String, String> byLanguage = languages.texts("problems." + code, texts);
                String untold = languages.codes().stream().filter(language -> !byLanguage.containsKey(language))
                        .sorted().collect(Collectors.joining(", "));
                if (!untold.isEmpty() && !values.file().hasProblemAt("problems." + code)) {
                    // a rejection in that language would tell the customer this problem in another one
                    values.file().problem("problems." + code, "has no text in " + untold
                            + ": every problem needs one in each language of the template");
                }
                problems.put(code, byLanguage);
            } else {
                values.file().problem("problems." + code, "unknown problem code (known: " + String.join(", ", codes) + ")");
            }
        });
        String missing = codes.stream().filter(code -> !problems.containsKey(code) && !values.file().hasProblemAt("problems." + code))
                .collect(Collectors.joining(", "));
        if (given == null) {
            values.require("problems", null, "is missing: it gives the message for each of " + String.join(", ", codes));
        } else if (!missing.isEmpty()) {
            values.file().problem("problems", "has no message for " + missing);
        }
        return problems;
    }
}
