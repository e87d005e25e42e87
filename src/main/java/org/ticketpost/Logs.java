package org.ticketpost;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.encoder.Encoder;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.LoggerFactory;

/**
 * Ticketpost's own log, to stderr: readable lines, or one JSON object per line for a log
 * collector (log.format=json). logback.xml sets the appender up; the settings only choose
 * the format and how much Ticketpost itself says (log.level). A line with fields writes them
 * into its message as key=value pairs, and attaches them to the event, which JSON lists in
 * kvpList; the readable line shows the message alone, so that no pair appears twice.
 */
final class Logs {

    static final String APPENDER = "STDERR";
    static final String READABLE_PATTERN = "%d{yyyy-MM-dd HH:mm:ss.SSS} %-5level %logger{20} - %msg%n";

    enum Format {
        TEXT, JSON;

        static Optional<Format> named(String name) {
            try {
                return Optional.of(valueOf(name.strip().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }
    }

    /** ERROR, WARN, INFO or DEBUG, as the setting log.level names it. */
    static Optional<Level> level(String name) {
        String upper = name.strip().toUpperCase(Locale.ROOT);
        return switch (upper) {
            case "ERROR", "WARN", "INFO", "DEBUG" -> Optional.of(Level.toLevel(upper));
            default -> Optional.empty();
        };
    }

    private Logs() {
    }

    /** Applies the settings; where logging is not logback's (a library's test setup), there is nothing to do. */
    static void apply(Format format, Level level) {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return;
        }
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        context.getLogger("org.ticketpost").setLevel(level);
        if (root.getAppender(APPENDER) instanceof OutputStreamAppender<ILoggingEvent> appender) {
            Encoder<ILoggingEvent> encoder = format == Format.JSON ? json(context) : readable(context);
            appender.stop();
            appender.setEncoder(encoder);
            appender.start();
        }
    }

    private static Encoder<ILoggingEvent> json(LoggerContext context) {
        JsonEncoder encoder = new JsonEncoder();
        encoder.setContext(context);
        encoder.setWithSequenceNumber(false);
        encoder.setWithNanoseconds(false);
        encoder.setWithContext(false);
        encoder.setWithMessage(false);
        encoder.setWithArguments(false);
        encoder.setWithFormattedMessage(true);
        encoder.start();
        return encoder;
    }

    private static Encoder<ILoggingEvent> readable(LoggerContext context) {
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(READABLE_PATTERN);
        encoder.start();
        return encoder;
    }
}
