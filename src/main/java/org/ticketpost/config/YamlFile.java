package org.ticketpost.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A YAML file of the configuration, bound to records. Every mistake (an unknown key, a wrong
 * type, a value the reader refuses) is recorded at its key, such as {@code fields[0].required},
 * and all of them are reported together, each with the line it is on.
 */
final class YamlFile {

    private static final ObjectMapper YAML = YAMLMapper.builder()
            .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)   // a key given twice would silently win
            .build();

    private record Problem(int line, String key, String text) {
    }

    private final String location;
    private final String text;
    private final Map<String, Integer> lines;
    private final List<Problem> problems = new ArrayList<>();

    private YamlFile(String location, String text, Map<String, Integer> lines) {
        this.location = location;
        this.text = text;
        this.lines = lines;
    }

    /**
     * @param location where the file comes from, as the operator is to be told
     * @throws ConfigException when the text is no YAML, naming the line
     */
    static YamlFile read(String location, String text) {
        Map<String, Integer> lines = new HashMap<>();
        try (JsonParser parser = YAML.createParser(text)) {
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                String key = keyOf(parser);
                if (!key.isEmpty()) {   // a key missing at the top is named without a line
                    lines.putIfAbsent(key, parser.currentTokenLocation().getLineNr());
                }
            }
        } catch (JsonProcessingException e) {
            YamlFile file = new YamlFile(location, text, lines);
            file.problems.add(new Problem(lineOf(e), "", syntaxError(e)));
            throw file.failure();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read text in memory", e);
        }
        return new YamlFile(location, text, lines);
    }

    /**
     * The file as the given record, with what could not be bound left null and recorded as a
     * mistake; nothing when not even the record could be made, which is recorded too.
     */
    <T> Optional<T> bind(Class<T> type) {
        try {
            T value = YAML.readerFor(type).withHandler(new MistakeRecorder(this)).readValue(text);
            return Optional.ofNullable(value);
        } catch (MismatchedInputException e) {
            if (e.getOriginalMessage().startsWith("No content")) {
                problem("", "the file is empty");
            } else {
                problems.add(new Problem(lineOf(e), pathOf(e), e.getOriginalMessage()));
            }
        } catch (JsonMappingException e) {   // none that MistakeRecorder lets pass is known; kept with Jackson's words
            problems.add(new Problem(lineOf(e), pathOf(e), e.getOriginalMessage()));
        } catch (JsonProcessingException e) {
            problems.add(new Problem(lineOf(e), "", syntaxError(e)));
        }
        return Optional.empty();
    }

    /** Records a mistake at a key path such as {@code plans.advanced.3.calendar}; "" means the whole file. */
    void problem(String key, String text) {
        problems.add(new Problem(lineOf(key), key, text));
    }

    /** Whether a mistake is recorded at this key or inside it, so that a value left null is not reported twice. */
    boolean hasProblemAt(String key) {
        return problems.stream().anyMatch(problem -> problem.key().equals(key) || problem.key().startsWith(key + ".")
                || problem.key().startsWith(key + "["));
    }

    /** Stops with every mistake, in the order of the file. */
    void throwIfAny() {
        if (!problems.isEmpty()) {
            throw failure();
        }
    }

    /** Every mistake, in the order of the file, as the one exception that stops Ticketpost. */
    ConfigException failure() {
        List<String> shown = problems.stream()
                .sorted(Comparator.comparingInt(problem -> problem.line() <= 0 ? Integer.MAX_VALUE : problem.line()))
                .map(this::shown)
                .distinct()
                .toList();
        return new ConfigException(shown.size() == 1 ? shown.get(0)
                : location + " has " + shown.size() + " problems:\n  " + String.join("\n  ", shown));
    }

    private String shown(Problem problem) {
        return location + (problem.line() > 0 ? " line " + problem.line() : "") + ": "
                + (problem.key().isEmpty() ? "" : problem.key() + ": ") + problem.text();
    }

    /** The line of a key, or of the nearest key around it that the file has (a missing key is reported at its parent). */
    private int lineOf(String key) {
        for (String path = key; ; path = parent(path)) {
            Integer line = lines.get(path);
            if (line != null) {
                return line;
            }
            if (path.isEmpty()) {
                return 0;
            }
        }
    }

    private static String parent(String path) {
        int cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
        return cut < 0 ? "" : path.substring(0, cut);
    }

    /** The key path of the value the parser is at: {@code fields[0].label}, also at the start of a map or list. */
    static String keyOf(JsonParser parser) {
        JsonStreamContext context = parser.getParsingContext();
        if (parser.currentToken() == JsonToken.START_OBJECT || parser.currentToken() == JsonToken.START_ARRAY) {
            context = context.getParent();
        }
        StringBuilder path = new StringBuilder();
        for (; context != null && !context.inRoot(); context = context.getParent()) {
            if (context.inArray()) {
                path.insert(0, "[" + context.getCurrentIndex() + "]");
            } else if (context.getCurrentName() != null) {
                path.insert(0, "." + context.getCurrentName());
            }
        }
        return path.length() > 0 && path.charAt(0) == '.' ? path.substring(1) : path.toString();
    }

    private static String pathOf(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            path.append(reference.getIndex() >= 0 ? "[" + reference.getIndex() + "]"
                    : (path.length() == 0 ? "" : ".") + reference.getFieldName());
        }
        return path.toString();
    }

    private static int lineOf(JsonProcessingException e) {
        if (e.getCause() instanceof org.yaml.snakeyaml.error.MarkedYAMLException marked && marked.getProblemMark() != null) {
            return marked.getProblemMark().getLine() + 1;
        }
        JsonLocation location = e.getLocation();
        return location == null ? 0 : location.getLineNr();
    }

    private static String syntaxError(JsonProcessingException e) {
        if (e.getCause() instanceof org.yaml.snakeyaml.error.MarkedYAMLException marked) {
            return "not valid YAML: " + marked.getProblem();
        }
        String message = e.getOriginalMessage();
        return message.startsWith("Duplicate field") ? message.replace("Duplicate field", "a key given twice:")
                : "not valid YAML: " + message;
    }
}
