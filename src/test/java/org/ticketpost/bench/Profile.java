package org.ticketpost.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.Optional;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;

/**
 * A Java Flight Recorder recording of the measured part of a benchmark only, where
 * {@code -Dbench.jfr=FILE} asks for one: what the JVM does while it compiles at the start
 * would hide where a warm service spends its time. Read it with {@code jfr print --events jdk.ExecutionSample FILE}.
 */
final class Profile implements AutoCloseable {

    private final Optional<Recording> recording;
    private final Path file;

    private Profile(Optional<Recording> recording, Path file) {
        this.recording = recording;
        this.file = file;
    }

    static Profile fromProperty() {
        String file = System.getProperty("bench.jfr");
        if (file == null) {
            return new Profile(Optional.empty(), null);
        }
        try {
            Recording recording = new Recording(Configuration.getConfiguration("profile"));
            recording.start();
            return new Profile(Optional.of(recording), Path.of(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ParseException e) {
            throw new IllegalStateException("the JDK's profile settings", e);
        }
    }

    @Override
    public void close() throws IOException {
        if (recording.isPresent()) {
            recording.get().stop();
            recording.get().dump(file);
            recording.get().close();
            System.out.println("profile of the measured part: " + file);
        }
    }
}
