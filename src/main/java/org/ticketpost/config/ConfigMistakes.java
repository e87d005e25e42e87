package org.ticketpost.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Reads the configuration's files one after another and keeps the mistakes of each, so that
 * Ticketpost stops once, naming every mistake of every file: an operator who mends one file does
 * not meet the next file's mistakes only on the next start.
 */
public final class ConfigMistakes {

    private final List<String> messages = new ArrayList<>();

    /** The file as read, or nothing when it has mistakes, which are kept. */
    public <T> Optional<T> read(Supplier<T> file) {
        try {
            return Optional.of(file.get());
        } catch (ConfigException e) {
            messages.addAll(e.messages());
            return Optional.empty();
        }
    }

    /**
     * Stops with every mistake: the settings' first, as they name the other files, then the
     * files' in the order they were read.
     *
     * @throws ConfigException when there is any
     */
    public void throwIfAny(Settings settings) {
        List<String> all = new ArrayList<>();
        try {
            settings.failOnProblems();
        } catch (ConfigException e) {
            all.addAll(e.messages());
        }
        all.addAll(messages);
        if (!all.isEmpty()) {
            throw new ConfigException(all);
        }
    }
}
