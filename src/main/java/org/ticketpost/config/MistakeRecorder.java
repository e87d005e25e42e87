package org.ticketpost.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import com.fasterxml.jackson.databind.deser.ValueInstantiator;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Lets Jackson read on past a mistake: an unknown key is skipped and a value of the wrong type
 * becomes null, each recorded in the file, so that the operator learns of all of them at once.
 */
final class MistakeRecorder extends DeserializationProblemHandler {

    private final YamlFile file;

    MistakeRecorder(YamlFile file) {
        this.file = file;
    }

    @Override
    public boolean handleUnknownProperty(DeserializationContext context, JsonParser parser, JsonDeserializer<?> deserializer,
            Object beanOrClass, String key) throws IOException {
        file.problem(keyOfUnknown(context, parser, key), "unknown key (known: " + String.join(", ", knownKeys(beanOrClass, deserializer)) + ")");
        parser.skipChildren();
        return true;
    }

    /**
     * Jackson reads a record's keys before it builds the record, and hands an unknown one over
     * afterwards from a buffer, whose position says nothing; the file's own parser is then at the
     * record's end, where its position is the record's.
     */
    private static String keyOfUnknown(DeserializationContext context, JsonParser parser, String key) {
        if (parser == context.getParser()) {
            return YamlFile.keyOf(parser);
        }
        String record = YamlFile.keyOf(context.getParser());
        return record.isEmpty() ? key : record + "." + key;
    }

    @Override
    public Object handleWeirdStringValue(DeserializationContext context, Class<?> type, String value, String failure) {
        file.problem(YamlFile.keyOf(context.getParser()), expected(type) + ", was '" + value + "'");
        return null;
    }

    @Override
    public Object handleWeirdNumberValue(DeserializationContext context, Class<?> type, Number value, String failure) {
        file.problem(YamlFile.keyOf(context.getParser()), expected(type) + ", was " + value);
        return null;
    }

    @Override
    public Object handleUnexpectedToken(DeserializationContext context, JavaType type, JsonToken token, JsonParser parser,
            String failure) throws IOException {
        return wrongShape(parser, type.getRawClass());
    }

    @Override
    public Object handleMissingInstantiator(DeserializationContext context, Class<?> type, ValueInstantiator instantiator,
            JsonParser parser, String failure) throws IOException {
        return wrongShape(parser, type);
    }

    private Object wrongShape(JsonParser parser, Class<?> type) throws IOException {
        file.problem(YamlFile.keyOf(parser), expected(type) + ", was " + given(parser));
        parser.skipChildren();
        return null;
    }

    private static String given(JsonParser parser) throws IOException {
        return switch (parser.currentToken()) {
            case START_ARRAY -> "a list";
            case START_OBJECT -> "a map";
            case VALUE_NULL -> "empty";
            default -> "'" + parser.getText() + "'";
        };
    }

    /** What a value of the type looks like in the file. */
    static String expected(Class<?> type) {
        if (type == Boolean.class || type == boolean.class) {
            return "must be true or false";
        }
        if (type.isEnum()) {
            return "must be one of " + Arrays.stream(type.getEnumConstants())
                    .map(constant -> ((Enum<?>) constant).name().toLowerCase(Locale.ROOT))
                    .collect(Collectors.joining(", "));
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "must be a list, such as [a, b]";
        }
        if (type.isRecord()) {
            return "must be a map with the keys " + String.join(", ", componentNames(type));
        }
        if (Map.class.isAssignableFrom(type)) {
            return "must be a map, such as {a: b}";
        }
        if (type == String.class) {
            return "must be a text";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return "must be a number";
        }
        return "must be a " + type.getSimpleName();
    }

    /** A record's keys in the order it declares them, which is the order the files and the README use. */
    private static Collection<String> knownKeys(Object beanOrClass, JsonDeserializer<?> deserializer) {
        Class<?> type = beanOrClass instanceof Class<?> named ? named : beanOrClass.getClass();
        if (type.isRecord()) {
            return componentNames(type);
        }
        return deserializer.getKnownPropertyNames().stream().map(String::valueOf).toList();
    }

    private static List<String> componentNames(Class<?> record) {
        return Arrays.stream(record.getRecordComponents()).map(RecordComponent::getName).toList();
    }
}
