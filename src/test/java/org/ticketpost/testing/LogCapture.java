package org.ticketpost.testing;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.LoggerFactory;

/**
 * What one class logs during each test, for the test to read: registered as a field with
 * {@code @RegisterExtension}, it listens from before each test to after it, and then leaves the
 * logger as it found it.
 */
public final class LogCapture implements BeforeEachCallback, AfterEachCallback {

    private final Logger logger;
    private final Level level;
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
    private Level levelBefore;

    private LogCapture(Class<?> source, Level level) {
        this.logger = (Logger) LoggerFactory.getLogger(source);
        this.level = level;
    }

    /** What the class logs at the level its logger has. */
    public static LogCapture of(Class<?> source) {
        return new LogCapture(source, null);
    }

    /** What the class logs from this level up: the command line's configuration keeps org.ticketpost at WARN. */
    public static LogCapture of(Class<?> source, Level level) {
        return new LogCapture(source, level);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        levelBefore = logger.getLevel();
        if (level != null) {
            logger.setLevel(level);
        }
        appender.list.clear();
        appender.start();
        logger.addAppender(appender);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        logger.detachAppender(appender);
        appender.stop();
        logger.setLevel(levelBefore);
    }

    /** The events logged so far, in their order; the service's threads may still be adding. */
    public List<ILoggingEvent> events() {
        synchronized (appender) {   // the appender adds under this lock
            return List.copyOf(appender.list);
        }
    }

    /** The messages logged so far, their arguments filled in. */
    public List<String> messages() {
        return events().stream().map(ILoggingEvent::getFormattedMessage).toList();
    }
}
