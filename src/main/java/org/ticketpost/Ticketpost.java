package org.ticketpost;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.Arrays;
import java.util.Map;
import java.util.Properties;
import org.ticketpost.cli.ExitCodes;
import org.ticketpost.config.ConfigException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The `ticketpost` command: configures the application and hands over to picocli. */
@Command(name = "ticketpost", mixinStandardHelpOptions = true, versionProvider = Ticketpost.Version.class,
        description = "E-mail support-ticket intake: support mails in, tickets with SLA timers out.",
        footer = {"%nconfig/, templates/ and data/ are in the home folder: TICKETPOST_HOME where",
                "it is set; else the folder of ticketpost.jar, or the one above it, when it",
                "holds config/; else the working directory when it holds config/.",
                "Every command's --help lists its exit codes; 64 is a usage error, 78 a wrong",
                "configuration (75 for ingest, so that the mail server keeps the mail)."})
public final class Ticketpost implements Runnable {

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
        return run(args, env, Clock.systemUTC(), stdin, out, err);
    }

    /** @param clock what the commands take for now: the SLA clocks' remaining time, the moment of a change */
    static int run(String[] args, Map<String, String> env, Clock clock, InputStream stdin, PrintWriter out, PrintWriter err) {
        Application application;
        try {
            application = Application.configure(env, clock);
        } catch (ConfigException e) {
            e.messages().forEach(message -> err.println("ticketpost: " + message));
            return isIngest(args) ? ExitCodes.CONFIG_ERROR_FOR_MAIL_SERVERS : ExitCodes.CONFIG_ERROR;
        }
        try (application) {
            CommandLine commandLine = application.commandLine(stdin, err).setOut(out).setErr(err);
            conventions(commandLine, Map.of());
            commandLine.setExecutionExceptionHandler((e, line, parsed) -> {
                line.getErr().println("ticketpost: " + e.getMessage());
                return ExitCodes.INTERNAL_ERROR;
            });
            int exitCode = commandLine.execute(args);
            out.flush();
            return exitCode;
        }
    }

    private static boolean isIngest(String[] args) {
        return Arrays.stream(args).filter(arg -> !arg.startsWith("-")).findFirst().filter("ingest"::equals).isPresent();
    }

    /** Every command exits 64 on a usage error, and one without exit codes of its own lists its parent's. */
    private static void conventions(CommandLine command, Map<String, String> parentExitCodes) {
        CommandLine.Model.UsageMessageSpec usage = command.getCommandSpec().usageMessage();
        command.getCommandSpec().exitCodeOnInvalidInput(ExitCodes.USAGE);
        if (usage.exitCodeList().isEmpty() && !parentExitCodes.isEmpty()) {
            usage.exitCodeListHeading("%nExit codes:%n").exitCodeList(parentExitCodes);
        }
        command.getSubcommands().values().stream().distinct().forEach(sub -> conventions(sub, usage.exitCodeList()));
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
