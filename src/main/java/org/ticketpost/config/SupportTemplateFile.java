package org.ticketpost.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.ticketpost.form.FieldSpec;
import org.ticketpost.form.FieldType;
import org.ticketpost.form.LanguageHints;
import org.ticketpost.form.SupportTemplate;

/** Reads templates/support-template.yaml; a mistake in it stops Ticketpost with the field and the reason. */
public final class SupportTemplateFile {

    public static final String NAME = "support-template.yaml";

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private SupportTemplateFile() {
    }

    public static SupportTemplate load(Folder folder) {
        return parse(folder.require(NAME));
    }

    static SupportTemplate parse(String yaml) {
        JsonNode root;
        try {
            root = YAML.readTree(yaml);
        } catch (JsonProcessingException e) {
            throw new ConfigException(NAME + " is not valid YAML: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new ConfigException(NAME + " is empty");
        }
        try {
            List<FieldSpec> fields = new ArrayList<>();
            for (JsonNode field : root.path("fields")) {
                fields.add(field(field));
            }
            Map<String, Map<String, String>> problems = new LinkedHashMap<>();
            root.path("problems").fields().forEachRemaining(entry -> problems.put(entry.getKey(), texts(entry.getValue())));
            Map<String, LanguageHints> languages = new LinkedHashMap<>();
            root.path("languages").fields().forEachRemaining(entry -> languages.put(entry.getKey(), new LanguageHints(
                    Set.copyOf(strings(entry.getValue().path("words")).stream().map(word -> word.toLowerCase(Locale.ROOT)).toList()),
                    strings(entry.getValue().path("closings")))));
            return new SupportTemplate(fields, strings(root.path("placeholders")), strings(root.path("blanks")),
                    problems, languages);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(NAME + ": " + e.getMessage());
        }
    }

    private static FieldSpec field(JsonNode node) {
        String name = node.path("name").asText("");
        if (name.isEmpty()) {
            throw new IllegalArgumentException("a field has no name");
        }
        return new FieldSpec(
                name,
                type(name, node.path("type").asText("")),
                node.path("required").asBoolean(false),
                node.path("multiline").asBoolean(false),
                texts(node.path("label")),
                strings(node.path("aliases")),
                texts(node.path("prompt")),
                strings(node.path("placeholders")),
                texts(node.path("hint")),
                format(name, node.path("format")),
                strings(node.path("values")),
                synonyms(node.path("synonyms")),
                node.path("versions").asBoolean(false),
                levels(name, node.path("levels")),
                node.path("confirmed").asBoolean(false));
    }

    private static FieldType type(String field, String type) {
        try {
            return FieldType.valueOf(type.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(field + ": unknown type '" + type + "' (key, server, severity, choice or text)");
        }
    }

    private static Pattern format(String field, JsonNode node) {
        if (node.isMissingNode()) {
            return null;
        }
        try {
            return Pattern.compile(node.asText());
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException(field + ": format is not a regular expression: " + e.getDescription());
        }
    }

    private static Map<Integer, List<String>> levels(String field, JsonNode node) {
        Map<Integer, List<String>> levels = new LinkedHashMap<>();
        node.fields().forEachRemaining(entry -> {
            try {
                levels.put(Integer.valueOf(entry.getKey()), strings(entry.getValue()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(field + ": level '" + entry.getKey() + "' is not a number");
            }
        });
        return levels;
    }

    private static Map<String, List<String>> synonyms(JsonNode node) {
        Map<String, List<String>> synonyms = new LinkedHashMap<>();
        node.fields().forEachRemaining(entry -> synonyms.put(entry.getKey(), strings(entry.getValue())));
        return synonyms;
    }

    private static Map<String, String> texts(JsonNode node) {
        Map<String, String> texts = new LinkedHashMap<>();
        node.fields().forEachRemaining(entry -> texts.put(entry.getKey(), entry.getValue().asText()));
        return texts;
    }

    private static List<String> strings(JsonNode node) {
        List<String> strings = new ArrayList<>();
        node.forEach(item -> strings.add(item.asText()));
        return strings;
    }
}
