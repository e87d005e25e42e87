package org.ticketpost.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code ticketpost ingest} from the packaged jar in a process of its own, whose per-mail
 * lines are read as it writes them, so that it can be killed with SIGKILL at a chosen moment
 * and what it had acknowledged until then compared with what is stored. Its stderr goes to
 * a file: what the process wrote before it was killed is all there.
 */
public final class IngestProcess implements AutoCloseable {

    /** The lines by which ingest tells that a mail is stored: a new ticket, or one stored before. */
    private static final Pattern ACKNOWLEDGED =
            Pattern.compile("^(.*?): (?:ticket (\\d+) opened|duplicate of a mail on ticket (\\d+);.*)$");

    private final Process process;
    private final Path err;
    private final FileChannel errChannel;
    private final ByteArrayOutputStream partialLine = new ByteArrayOutputStream();
    private final List<String> lines = new ArrayList<>();
    private final Map<String, String> acknowledged = new LinkedHashMap<>();
    private int opened;

    private IngestProcess(Process process, Path err) throws IOException {
        this.process = process;
        this.err = err;
        this.errChannel = FileChannel.open(err);
    }

    /**
     * Starts ingest with these arguments; its standard input is a pipe that stays open until
     * the process ends, so that "ingest" without files holds the database while it waits.
     */
    public static IngestProcess start(Map<String, String> env, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-jar", Jar.path().toString(), "ingest"));
        command.addAll(List.of(args));
        Path err = Files.createTempFile("ticketpost-ingest-err", ".txt");
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(err.toFile());
        builder.environment().putAll(env);
        return new IngestProcess(builder.start(), err);
    }

    /** Reads the lines written since the last look. */
    private void readNewLines() throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
        while (errChannel.read(buffer) > 0) {
            buffer.flip();
            while (buffer.hasRemaining()) {
                byte b = buffer.get();
                if (b == '\n') {
                    line(partialLine.toString(StandardCharsets.UTF_8));
                    partialLine.reset();
                } else {
                    partialLine.write(b);
                }
            }
            buffer.clear();
        }
    }

    private void line(String line) {
        lines.add(line);
        Matcher ack = ACKNOWLEDGED.matcher(line);
        if (ack.matches()) {
            acknowledged.put(ack.group(1), ack.group(2) != null ? ack.group(2) : ack.group(3));
            opened += ack.group(2) != null ? 1 : 0;
        }
    }

    /** Whether the process is still running. */
    public boolean isAlive() {
        return process.isAlive();
    }

    /** Waits until this many mails were acknowledged; false when the process ended or the time ran out first. */
    public synchronized boolean awaitAcknowledged(int count, Duration timeout) throws IOException, InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        readNewLines();
        while (acknowledged.size() < count && process.isAlive() && System.nanoTime() < end) {
            Thread.sleep(5);
            readNewLines();
        }
        readNewLines();
        return acknowledged.size() >= count;
    }

    /** Kills the process with SIGKILL, as a crash or an operator's kill -9 would, and reads what it wrote until then. */
    public synchronized void kill() throws IOException, InterruptedException {
        process.destroyForcibly();
        process.waitFor();
        readNewLines();
    }

    /** Waits for the process to end by itself and returns its exit code. */
    public synchronized int awaitExit(Duration timeout) throws IOException, InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            kill();
            throw new IllegalStateException("ingest did not finish within " + timeout + "; its last lines: " + lastLines());
        }
        readNewLines();
        return process.exitValue();
    }

    /** How many of the acknowledged mails opened a ticket; the others were stored before. */
    public synchronized int opened() {
        return opened;
    }

    /** The mails acknowledged so far: file name ("ticketpost ingest" for standard input) to ticket number. */
    public synchronized Map<String, String> acknowledged() {
        return new LinkedHashMap<>(acknowledged);
    }

    public synchronized List<String> lastLines() {
        return List.copyOf(lines.subList(Math.max(0, lines.size() - 5), lines.size()));
    }

    @Override
    public synchronized void close() throws IOException, InterruptedException {
        if (process.isAlive()) {
            kill();
        }
        errChannel.close();
        Files.deleteIfExists(err);
    }
}
