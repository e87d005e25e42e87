package org.ticketpost.config;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
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

    /** The longest duration a setting takes: longer is a typo, and would not fit when added to a date. */
    private static final Duration LONGEST = Duration.ofDays(3650);

    private static final long GIGABYTE = 1L << 30;

    private final Properties file;
    private final Map<String, String> env;
    private final String source;
    private final List<String> problems = new ArrayList<>();

    Settings(Properties file, Map<String, String> env, String source) {
        this.file = file;
        this.env = env;
        this.source = source;
    }

    /** Reads config/ticketpost.properties (or the copy packed into the jar) under the environment. */
    public static Settings load(Folder config, Map<String, String> env) {
        Properties properties = new Properties();
        try {
            properties.load(new StringReader(config.require(FILE)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + config.location(FILE), e);
        }
        return new Settings(properties, env, config.location(FILE));
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

    /**
     * Whether the operator set the key to nothing, which turns off the part it configures (an
     * empty http.port: no HTTP server); a key not set at all takes its default.
     */
    public boolean isSetEmpty(String key) {
        String value = env.containsKey(envName(key)) ? env.get(envName(key)) : file.getProperty(key);
        return value != null && value.isBlank();
    }

    /** The key as the operator set it: "ingest.threads", or "ingest.threads (TICKETPOST_INGEST_THREADS)" from the environment. */
    public String named(String key) {
        return env.containsKey(envName(key)) ? key + " (" + envName(key) + ")" : key;
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
        problems.add(notAWholeNumber(named(key), value.get(), min, max));
        return fallback;
    }

    /** The mistake, worded alike for a setting and a command-line option. */
    public static String notAWholeNumber(String name, String value, int min, int max) {
        return name + " must be a whole number from " + min + " to " + max + ", was '" + value + "'";
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
        if (!text.matches("\\d+")) {
            problems.add(named(key) + " must be a size such as 25MB, 512KB or 1048576, was '" + value.get() + "'");
            return fallback;
        }
        try {
            return Math.multiplyExact(Long.parseLong(text), unit);
        } catch (NumberFormatException | ArithmeticException e) {   // more than a long holds: it would wrap to a small size
            problems.add(named(key) + " is too large, was '" + value.get() + "' (at most " + Long.MAX_VALUE / GIGABYTE + "GB)");
            return fallback;
        }
    }

    /** An ISO-8601 duration such as PT1M, longer than zero and at most ten years. */
    public Duration duration(String key, Duration fallback) {
        Optional<String> value = optional(key);
        if (value.isEmpty()) {
            return fallback;
        }
        Duration duration;
        try {
            duration = Duration.parse(value.get());
        } catch (DateTimeParseException e) {   // also where a number is too large for a duration
            problems.add(named(key) + " must be an ISO-8601 duration such as PT1M, at most ten years (P3650D), was '" + value.get()
                    + "'");
            return fallback;
        }
        if (duration.isNegative() || duration.isZero()) {
            problems.add(named(key) + " must be longer than zero, was '" + value.get() + "'");
            return fallback;
        }
        if (duration.compareTo(LONGEST) > 0) {
            problems.add(named(key) + " must be at most ten years (P3650D), was '" + value.get() + "'");
            return fallback;
        }
        return duration;
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
