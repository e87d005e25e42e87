package org.ticketpost;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The long-running parts of Ticketpost (a mailbox reader, an outbox sender, a scheduler, an
 * HTTP server): started in the order they were added, stopped in the reverse order, each
 * once, also when the process is asked to end (SIGTERM, Ctrl-C). A part that fails to start
 * stops the ones started before it, so that a half-started service never runs.
 */
public final class Lifecycle implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Lifecycle.class);

    /** Starts a part; it may throw whatever its start can throw. */
    @FunctionalInterface
    public interface Start {
        void start() throws Exception;
    }

    private record Part(String name, Start start, AutoCloseable stop) {
    }

    private final List<Part> parts = new ArrayList<>();
    private final Deque<Part> running = new ArrayDeque<>();
    private Thread shutdownHook;
    private boolean started;

    /**
     * @param name  what the part is, for the log: "mailbox reader imap://…"
     * @param start called by {@link #start()}
     * @param stop  called by {@link #close()}: finishes the work in hand, then returns
     */
    public synchronized Lifecycle add(String name, Start start, AutoCloseable stop) {
        if (started) {
            throw new IllegalStateException("add " + name + " before the start");
        }
        parts.add(new Part(name, start, stop));
        return this;
    }

    /**
     * Starts every part and arranges for them to be stopped when the JVM is asked to end.
     *
     * @throws StartException naming the part that did not start; the parts before it are stopped again
     */
    public synchronized void start() {
        if (started) {
            throw new IllegalStateException("started already");
        }
        started = true;
        shutdownHook = new Thread(this::close, "ticketpost-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
        for (Part part : parts) {
            try {
                part.start().start();
            } catch (Exception e) {
                LOG.error("{} did not start: {}", part.name(), e.toString());
                close();
                throw new StartException(part.name() + " did not start: " + e.getMessage(), e);
            }
            running.push(part);
            LOG.info("started {}", part.name());
        }
    }

    /** The names of the parts running now, in the order they started: what the service is connected to. */
    public synchronized List<String> running() {
        List<String> names = new ArrayList<>();
        running.descendingIterator().forEachRemaining(part -> names.add(part.name()));
        return names;
    }

    /** Stops the running parts, newest first; one that fails to stop does not keep the others running. */
    @Override
    public synchronized void close() {
        while (!running.isEmpty()) {
            Part part = running.pop();
            try {
                part.stop().close();
                LOG.info("stopped {}", part.name());
            } catch (Exception e) {
                LOG.error("{} did not stop cleanly: {}", part.name(), e.toString(), e);
            }
        }
        if (shutdownHook != null && Thread.currentThread() != shutdownHook) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException e) {
                // the JVM is shutting down already: the hook is running or has run
            }
        }
        shutdownHook = null;
    }

    /** A part could not start. */
    public static final class StartException extends RuntimeException {
        StartException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
