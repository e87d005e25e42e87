package org.ticketpost.config;

/** A mistake in the operator's configuration or templates; its message says what and where. */
public final class ConfigException extends RuntimeException {
    public ConfigException(String message) {
        super(message);
    }
}
