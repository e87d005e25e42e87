package org.ticketpost.testing;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;

/** Runs the ticketpost command line in this JVM, as main() would, and keeps what it printed. */
public final class Cli {

    /** What one run printed and returned. */
    public record Run(int exitCode, String out, String err) {
    }

    private Cli() {
    }

    public static Run run(Map<String, String> env, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exitCode = org.ticketpost.TicketpostAccess.run(args, env, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(exitCode, out.toString(), err.toString());
    }

    public static Run run(String... args) {
        return run(Map.of(), args);
    }
}
