package org.ticketpost.config;

import java.util.List;

/**
 * A mistake in the operator's configuration or templates; its message says what and where. One
 * exception may carry the mistakes of several files, one message each.
 */
public final class ConfigException extends RuntimeException {

    private final List<String> messages;

    public ConfigException(String message) {
        this(List.of(message));
    }

    /** @param messages one per file: each names its file, and the key and line of each of its mistakes */
    public ConfigException(List<String> messages) {
        super(String.join("\n", messages));
        if (messages.isEmpty()) {
            throw new IllegalArgumentException("a configuration mistake has a message");
        }
        this.messages = List.copyOf(messages);
    }

    /** One message per file, in the order the files are read: settings, template, SLA plans. */
    public List<String> messages() {
        return messages;
    }
}
