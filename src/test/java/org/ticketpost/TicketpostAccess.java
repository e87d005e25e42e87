package org.ticketpost;

import java.io.InputStream;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.Map;

/** Lets tests in other packages run the command line in-process. */
public final class TicketpostAccess {

    private TicketpostAccess() {
    }

    public static int run(String[] args, Map<String, String> env, InputStream stdin, PrintWriter out, PrintWriter err) {
        return Ticketpost.run(args, env, stdin, out, err);
    }

    public static int run(String[] args, Map<String, String> env, Clock clock, InputStream stdin, PrintWriter out,
            PrintWriter err) {
        return Ticketpost.run(args, env, clock, stdin, out, err);
    }
}
