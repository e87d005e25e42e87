package org.ticketpost.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/** Runs the ticketpost command line in this JVM, as main() would, and keeps what it printed. */
public final class Cli {

    /** What one run printed and returned. */
    public record Run(int exitCode, String out, String err) {
    }

    private Cli() {
    }

    public static Run run(Map<String, String> env, String... args) {
        return run(env, InputStream.nullInputStream(), args);
    }

    /** Runs at the moments the clock gives, as a test that moves time needs. */
    public static Run run(Map<String, String> env, Clock clock, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exitCode = org.ticketpost.TicketpostAccess.run(args, env, clock, InputStream.nullInputStream(),
                new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(exitCode, out.toString(), err.toString());
    }

    public static Run run(String... args) {
        return run(Map.of(), args);
    }

    /** Runs with a file as standard input, as `ticketpost ingest < mail.eml` does. */
    public static Run runWithInput(Map<String, String> env, Path stdin, String... args) {
        try (InputStream in = Files.newInputStream(stdin)) {
            return run(env, in, args);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Run run(Map<String, String> env, InputStream stdin, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exitCode = org.ticketpost.TicketpostAccess.run(args, env, stdin, new PrintWriter(out, true),
                new PrintWriter(err, true));
        return new Run(exitCode, out.toString(), err.toString());
    }
}
