package org.ticketpost;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.Map;
import java.util.Properties;
import org.ticketpost.config.ConfigException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The `ticketpost` command: configures the application and hands over to picocli. */
@Command(name = "ticketpost", mixinStandardHelpOptions = true, versionProvider = Ticketpost.Version.class,
        description = "E-mail support-ticket intake: support mails in, tickets with SLA timers out.")
public final class Ticketpost implements Runnable {

    /** EX_CONFIG of sysexits.h: a mail system retries later, so nothing is lost while the operator mends it. */
    static final int CONFIG_ERROR = 78;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        int exitCode = run(args, System.getenv(), System.in, out, err);
        out.flush();
        err.flush();
        System.exit(exitCode);
    }

    static int run(String[] args, Map<String, String> env, InputStream stdin, PrintWriter out, PrintWriter err) {
        Application application;
        try {
            application = Application.configure(env, Clock.systemUTC());
        } catch (ConfigException e) {
            err.println("ticketpost: " + e.getMessage());
            return CONFIG_ERROR;
        }
        try (application) {
            CommandLine commandLine = application.commandLine(stdin, err).setOut(out).setErr(err);
            commandLine.setExecutionExceptionHandler((e, line, parsed) -> {
                line.getErr().println("ticketpost: " + e.getMessage());
                return CommandLine.ExitCode.SOFTWARE;
            });
            int exitCode = commandLine.execute(args);
            out.flush();
            return exitCode;
        }
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() throws IOException {
            Properties version = new Properties();
            try (InputStream in = Ticketpost.class.getResourceAsStream("/ticketpost-version.properties")) {
                if (in != null) {
                    version.load(in);
                }
            }
            return new String[] {"ticketpost " + version.getProperty("version", "unknown")};
        }
    }
}
