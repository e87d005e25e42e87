package org.ticketpost.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * The operator's settings: config/ticketpost.properties, where each key can be
 * overridden by an environment variable (templates.dir by TICKETPOST_TEMPLATES_DIR).
 * Every mistake is collected, so that the operator sees them all at once.
 */
public final class Settings {

    public static final String FILE = "ticketpost.properties";
    private static final String PACKED = "ticketpost/config/" + FILE;

    private final Properties file;
    private final Map<String, String> env;
    private final String source;
    private final List<String> problems = new ArrayList<>();

    Settings(Properties file, Map<String, String> env, String source) {
        this.file = file;
        this.env = env;
        this.source = source;
    }

    /** Reads the settings from a config folder, or the defaults packed into the jar when it has no such file. */
    public static Settings load(Path configFolder, Map<String, String> env) {
        Path path = configFolder.resolve(FILE);
        Properties properties = new Properties();
        try {
            if (Files.isRegularFile(path)) {
                try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
                    properties.load(reader);
                }
                return new Settings(properties, env, path.toString());
            }
            try (InputStream packed = Settings.class.getClassLoader().getResourceAsStream(PACKED)) {
                if (packed != null) {
                    properties.load(new java.io.InputStreamReader(packed, StandardCharsets.UTF_8));
                }
            }
            return new Settings(properties, env, "the defaults packed into ticketpost.jar");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }

    public static String envName(String key) {
        return "TICKETPOST_" + key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    public Optional<String> optional(String key) {
        String value = env.get(envName(key));
        if (value == null) {
            value = file.getProperty(key);
        }
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }

    public String text(String key, String fallback) {
        return optional(key).orElse(fallback);
    }

    public int number(String key, int fallback, int min, int max) {
        Optional<String> value = optional(key);
        if (value.isEmpty()) {
            return fallback;
        }
        try {
            int number = Integer.parseInt(value.get());
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.add(key + " must be a whole number from " + min + " to " + max + ", was '" + value.get() + "'");
        return fallback;
    }

    /** A size such as 25MB, 512KB or 1048576 (bytes). */
    public long bytes(String key, long fallback) {
        Optional<String> value = optional(key);
        if (value.isEmpty()) {
            return fallback;
        }
        String text = value.get().toUpperCase(Locale.ROOT).replace(" ", "");
        long unit = 1;
        for (String[] suffix : new String[][] {{"GB", "1073741824"}, {"MB", "1048576"}, {"KB", "1024"}, {"B", "1"}}) {
            if (text.endsWith(suffix[0])) {
                unit = Long.parseLong(suffix[1]);
                text = text.substring(0, text.length() - suffix[0].length());
                break;
            }
        }
        try {
            long number = Long.parseLong(text);
            if (number >= 0) {
                return number * unit;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.add(key + " must be a size such as 25MB, 512KB or 1048576, was '" + value.get() + "'");
        return fallback;
    }

    /** An ISO-8601 duration such as PT1M. */
    public Duration duration(String key, Duration fallback) {
        Optional<String> value = optional(key);
        if (value.isEmpty()) {
            return fallback;
        }
        try {
            return Duration.parse(value.get());
        } catch (DateTimeParseException e) {
            problems.add(key + " must be an ISO-8601 duration such as PT1M, was '" + value.get() + "'");
            return fallback;
        }
    }

    public void problem(String message) {
        problems.add(message);
    }

    /** Stops with one message listing every mistake, before anything starts. */
    public void failOnProblems() {
        if (!problems.isEmpty()) {
            throw new ConfigException("configuration (" + source + ") has " + problems.size() + " problem(s):\n  "
                    + String.join("\n  ", problems));
        }
    }
}
