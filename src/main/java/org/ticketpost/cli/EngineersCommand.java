package org.ticketpost.cli;

import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import org.ticketpost.desk.EngineerView;
import org.ticketpost.desk.Engineers;
import org.ticketpost.desk.Refusal;
import org.ticketpost.desk.Refused;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** `ticketpost engineers …`: the support engineers' accounts, their API tokens and passwords, and who is on call. */
@Command(name = "engineers", mixinStandardHelpOptions = true, description = "Registers support engineers and their secrets.",
        exitCodeListHeading = "%nExit codes:%n", exitCodeList = {
                " 0:done",
                " 1:refused, with the reason: a wrong value, an unknown or taken name, a short password, or no database yet",
                "64:called wrongly: an unknown command or option, or a required one missing",
                "75:the database is unavailable; try again later",
                "78:the configuration is wrong"})
public final class EngineersCommand implements Runnable {

    private static final String NO_DATABASE = "no engineer has been added (ticketpost engineers add)";

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /**
     * @param stdin   where a password is read from when there is no terminal
     * @param console the terminal a password is typed on without echo, or null when there is none
     */
    public static CommandLine create(Engineers engineers, Supplier<InputStream> stdin, Supplier<Console> console) {
        return new CommandLine(new EngineersCommand())
                .addSubcommand(new Add(engineers))
                .addSubcommand(new ListEngineers(engineers))
                .addSubcommand(new Token(engineers))
                .addSubcommand(new Password(engineers, stdin, console))
                .addSubcommand(new OnCall(engineers))
                .addSubcommand(new Disable(engineers))
                .addSubcommand(new Enable(engineers));
    }

    /** Shared by the subcommands: a refusal and an unavailable database, each reported in its lines. */
    abstract static class EngineerCommand extends PrintingSubcommand {
        final Engineers engineers;

        EngineerCommand(Engineers engineers) {
            super("ticketpost engineers", NO_DATABASE);
            this.engineers = engineers;
        }
    }

    @Command(name = "add", mixinStandardHelpOptions = true, description = "Registers a support engineer.")
    static final class Add extends EngineerCommand {
        @Parameters(paramLabel = "NAME", description = "letters, digits, dots, dashes and underscores, e.g. jane.doe; any case is the same")
        String name;

        @Option(names = "--email", required = true, paramLabel = "ADDRESS", description = "where the engineer is told of tickets")
        String email;

        @Option(names = "--on-call", description = "on call from now on")
        boolean onCall;

        Add(Engineers engineers) {
            super(engineers);
        }

        @Override
        String work() throws Refused {
            EngineerView added = engineers.add(new Engineers.NewEngineer(name, email, onCall));
            return "added " + added.name() + " <" + added.email() + ">" + (added.onCall() ? ", on call" : "") + "\n";
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists the support engineers.")
    static final class ListEngineers extends EngineerCommand {
        @Option(names = "--json", description = "print a JSON array")
        boolean json;

        ListEngineers(Engineers engineers) {
            super(engineers);
        }

        @Override
        String work() throws Refused {
            List<EngineerView> found = engineers.list();
            if (json) {
                return Json.pretty(found) + "\n";
            }
            if (found.isEmpty()) {
                return "no engineers yet: add one with `ticketpost engineers add`\n";
            }
            StringBuilder out = new StringBuilder();
            String row = "%-24s %-36s %-7s %-8s %-5s %s%n";
            out.append(String.format(row, "NAME", "EMAIL", "ON CALL", "STATE", "TOKEN", "PASSWORD"));
            for (EngineerView engineer : found) {
                out.append(String.format(row, engineer.name(), KeysCommand.cut(engineer.email(), 36), engineer.onCall() ? "yes" : "no",
                        engineer.disabled() ? "disabled" : "active", engineer.tokenSet() ? "set" : "-",
                        engineer.passwordSet() ? "set" : "-"));
            }
            return out.toString();
        }
    }

    @Command(name = "token", mixinStandardHelpOptions = true, header = "Issues a new API token for an engineer.",
            description = {"Prints a new API token, alone on standard output. It replaces the engineer's old token,",
                    "which stops working at once. Only its hash is kept: it cannot be shown again."})
    static final class Token extends EngineerCommand {
        @Parameters(paramLabel = "NAME")
        String name;

        Token(Engineers engineers) {
            super(engineers);
        }

        @Override
        String work() throws Refused {
            Engineers.IssuedToken issued = engineers.newToken(name);
            spec.commandLine().getErr().println("ticketpost engineers: a new API token for " + issued.name()
                    + "; the old one no longer works. It cannot be shown again: keep it now.");
            return issued.token() + "\n";
        }
    }

    @Command(name = "password", mixinStandardHelpOptions = true, header = "Sets the password an engineer signs in to the web page with.",
            description = {"Asks for it twice on the terminal, without echo; without a terminal, reads the first line",
                    "of standard input. It is never taken from an argument. At least " + Engineers.PASSWORD_MIN_LENGTH
                            + " characters."})
    static final class Password extends EngineerCommand {
        @Parameters(paramLabel = "NAME")
        String name;

        private final Supplier<InputStream> stdin;
        private final Supplier<Console> console;

        Password(Engineers engineers, Supplier<InputStream> stdin, Supplier<Console> console) {
            super(engineers);
            this.stdin = stdin;
            this.console = console;
        }

        @Override
        String work() throws Refused {
            char[] password = read();
            try {
                return "password set for " + engineers.setPassword(name, password).name() + "\n";
            } finally {
                Arrays.fill(password, '\0');
            }
        }

        private char[] read() throws Refused {
            Console terminal = console.get();
            if (terminal == null) {
                return firstLine(stdin.get());
            }
            char[] first = terminal.readPassword("New password for %s: ", name);
            char[] again = first == null ? null : terminal.readPassword("The same again: ");
            try {
                if (first == null || again == null || !Arrays.equals(first, again)) {
                    throw new Refused(new Refusal.Invalid(List.of("the two passwords typed differ; nothing changed")));
                }
                return first.clone();
            } finally {
                if (first != null) {
                    Arrays.fill(first, '\0');
                }
                if (again != null) {
                    Arrays.fill(again, '\0');
                }
            }
        }

        /** The first line, without its line end; the rest of the input is not read. */
        private static char[] firstLine(InputStream in) {
            Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8);
            char[] line = new char[Engineers.PASSWORD_MAX_LENGTH * 2 + 1];   // room for surrogate pairs, and one too many to be refused
            int length = 0;
            try {
                for (int c = reader.read(); c >= 0 && c != '\n' && length < line.length; c = reader.read()) {
                    line[length++] = (char) c;
                }
            } catch (IOException e) {
                throw new UncheckedIOException("standard input could not be read", e);
            }
            if (length > 0 && line[length - 1] == '\r') {
                length--;
            }
            char[] password = Arrays.copyOf(line, length);
            Arrays.fill(line, '\0');
            return password;
        }
    }

    @Command(name = "on-call", mixinStandardHelpOptions = true, description = "Puts an engineer on call, or takes them off.")
    static final class OnCall extends EngineerCommand {
        @Parameters(index = "0", paramLabel = "NAME")
        String name;

        private boolean onCall;

        @Parameters(index = "1", paramLabel = "on|off", description = "on: told of tickets from now on; off: no longer")
        void state(String value) {
            if (!value.equals("on") && !value.equals("off")) {
                throw new CommandLine.ParameterException(spec.commandLine(), "on-call takes on or off, was '" + value + "'");
            }
            onCall = value.equals("on");
        }

        OnCall(Engineers engineers) {
            super(engineers);
        }

        @Override
        String work() throws Refused {
            EngineerView engineer = engineers.onCall(name, onCall);
            return engineer.name() + (engineer.onCall() ? " is on call\n" : " is not on call\n");
        }
    }

    @Command(name = "disable", mixinStandardHelpOptions = true,
            description = "Stops an engineer from signing in, by token or password; the account stays.")
    static final class Disable extends EngineerCommand {
        @Parameters(paramLabel = "NAME")
        String name;

        Disable(Engineers engineers) {
            super(engineers);
        }

        @Override
        String work() throws Refused {
            return "disabled " + engineers.disable(name).name() + "\n";
        }
    }

    @Command(name = "enable", mixinStandardHelpOptions = true, description = "Lets a disabled engineer sign in again.")
    static final class Enable extends EngineerCommand {
        @Parameters(paramLabel = "NAME")
        String name;

        Enable(Engineers engineers) {
            super(engineers);
        }

        @Override
        String work() throws Refused {
            return "enabled " + engineers.enable(name).name() + "\n";
        }
    }
}
