package org.ticketpost.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Takes the values out of the records a {@link YamlFile} was bound to: a key left out becomes
 * an empty list or map, and an empty entry (YAML's {@code ~}, or a key with nothing after it) a
 * recorded mistake. A value Jackson already refused is null too, and is not reported twice.
 */
final class YamlValues {

    private final YamlFile file;

    YamlValues(YamlFile file) {
        this.file = file;
    }

    YamlFile file() {
        return file;
    }

    /** Records the mistake when a required value is absent; returns whether it is there. */
    boolean require(String key, Object value, String mistake) {
        if (value != null) {
            return true;
        }
        if (!file.hasProblemAt(key)) {
            file.problem(key, mistake);
        }
        return false;
    }

    /** Whether an entry of a list or map is there; an empty one is a mistake. */
    boolean present(String key, Object value) {
        return require(key, value, "is empty");
    }

    static <T> List<T> list(List<T> given) {
        return given == null ? List.of() : given;
    }

    /** The texts of a list, without its empty entries, each of which is recorded. */
    List<String> texts(String key, List<String> given) {
        List<String> texts = new ArrayList<>();
        List<String> all = list(given);
        for (int index = 0; index < all.size(); index++) {
            if (present(key + "[" + index + "]", all.get(index))) {
                texts.add(all.get(index));
            }
        }
        return texts;
    }

    /** The entries of a map, without its empty ones, each of which is recorded. */
    <V> Map<String, V> map(String key, Map<String, V> given) {
        Map<String, V> entries = new LinkedHashMap<>();
        if (given != null) {
            given.forEach((name, value) -> {
                if (present(key + "." + name, value)) {
                    entries.put(name, value);
                }
            });
        }
        return entries;
    }
}
