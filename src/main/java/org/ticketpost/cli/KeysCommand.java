package org.ticketpost.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.ticketpost.desk.KeyRegistry;
import org.ticketpost.desk.KeyView;
import org.ticketpost.desk.Refused;
import org.ticketpost.ticket.StoreException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** `ticketpost keys …`: the registry of support keys, which decides who may open tickets for which customer. */
@Command(name = "keys", mixinStandardHelpOptions = true, description = "Registers and lists support keys.",
        exitCodeListHeading = "%nExit codes:%n", exitCodeList = {
                " 0:done",
                " 1:refused, with the reason: a wrong value, an unknown key, a wrong CSV line, or no database yet",
                "64:called wrongly: an unknown command or option, or a required one missing",
                "75:the database is unavailable; try again later",
                "78:the configuration is wrong"})
public final class KeysCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Adds the subcommands, which share the registry. */
    public static CommandLine create(KeyRegistry registry) {
        return new CommandLine(new KeysCommand())
                .addSubcommand(new Add(registry))
                .addSubcommand(new ListKeys(registry))
                .addSubcommand(new Show(registry))
                .addSubcommand(new Disable(registry))
                .addSubcommand(new Enable(registry))
                .addSubcommand(new Import(registry));
    }

    /** Shared by the subcommands: a refusal and an unavailable database, each reported in its lines. */
    abstract static class KeyCommand implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        final KeyRegistry registry;

        KeyCommand(KeyRegistry registry) {
            this.registry = registry;
        }

        @Override
        public Integer call() throws IOException {
            try {
                return work();
            } catch (Refused e) {
                return refuse(RefusalText.lines(e.refusal(), "no support key has been added (ticketpost keys add)"));
            } catch (StoreException e) {
                err().println("ticketpost keys: " + e.getMessage());
                return ExitCodes.TEMPORARY_FAILURE;
            }
        }

        abstract int work() throws IOException, Refused;

        PrintWriter out() {
            return spec.commandLine().getOut();
        }

        PrintWriter err() {
            return spec.commandLine().getErr();
        }

        int refuse(List<String> problems) {
            problems.forEach(problem -> err().println("ticketpost keys: " + problem));
            return ExitCodes.REFUSED;
        }
    }

    @Command(name = "add", mixinStandardHelpOptions = true, description = "Registers a support key.")
    static final class Add extends KeyCommand {
        @Parameters(paramLabel = "KEY", description = "the support key, e.g. OXSK-7Q4M-2KD9")
        String key;

        @Option(names = "--customer", required = true, paramLabel = "NAME", description = "the customer the key belongs to")
        String customer;

        @Option(names = "--plan", required = true, paramLabel = "PLAN", description = "the SLA plan, from config/sla-plans.yaml")
        String plan;

        @Option(names = "--allow", required = true, paramLabel = "ADDRESS_OR_DOMAIN",
                description = "who may open tickets with it: jane@example.com, example.com or *.example.com; repeatable")
        List<String> allow = new ArrayList<>();

        @Option(names = "--valid-until", paramLabel = "DATE", description = "its last valid day, e.g. 2027-12-31")
        String validUntil;

        Add(KeyRegistry registry) {
            super(registry);
        }

        @Override
        int work() throws Refused {
            KeyView added = registry.add(new KeyRegistry.NewKey(key, customer, plan, allow, Optional.ofNullable(validUntil)));
            out().println("added " + added.key() + " for " + added.customer() + " (plan " + added.plan() + ")");
            return ExitCodes.OK;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists the support keys.")
    static final class ListKeys extends KeyCommand {
        @Option(names = "--json", description = "print JSON")
        boolean json;

        ListKeys(KeyRegistry registry) {
            super(registry);
        }

        @Override
        int work() throws Refused {
            List<KeyView> keys = registry.list();
            if (json) {
                out().println(Json.pretty(keys));
            } else if (keys.isEmpty()) {
                out().println("no support keys yet: add one with `ticketpost keys add`");
            } else {
                out().printf("%-24s %-28s %-10s %-11s %-9s %s%n", "KEY", "CUSTOMER", "PLAN", "VALID UNTIL", "STATE", "ALLOWED");
                keys.forEach(key -> out().printf("%-24s %-28s %-10s %-11s %-9s %s%n", key.key(), cut(key.customer(), 28),
                        key.plan(), key.validUntil().map(LocalDate::toString).orElse("-"), key.state().label(),
                        String.join(" ", key.allow())));
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "Shows one support key.")
    static final class Show extends KeyCommand {
        @Parameters(paramLabel = "KEY")
        String key;

        @Option(names = "--json", description = "print JSON")
        boolean json;

        Show(KeyRegistry registry) {
            super(registry);
        }

        @Override
        int work() throws Refused {
            KeyView view = registry.show(key);
            if (json) {
                out().println(Json.pretty(view));
            } else {
                out().printf("Key          %s%nCustomer     %s%nPlan         %s%nValid until  %s%nState        %s%n"
                                + "Allowed      %s%nRegistered   %s%nChanged      %s%n",
                        view.key(), view.customer(), view.plan(), view.validUntil().map(LocalDate::toString).orElse("no end"),
                        view.state().label(), String.join(", ", view.allow()), view.created(), view.updated());
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "disable", mixinStandardHelpOptions = true, description = "Stops a support key from opening tickets.")
    static final class Disable extends KeyCommand {
        @Parameters(paramLabel = "KEY")
        String key;

        Disable(KeyRegistry registry) {
            super(registry);
        }

        @Override
        int work() throws Refused {
            out().println("disabled " + registry.disable(key).key());
            return ExitCodes.OK;
        }
    }

    @Command(name = "enable", mixinStandardHelpOptions = true, description = "Lets a disabled support key open tickets again.")
    static final class Enable extends KeyCommand {
        @Parameters(paramLabel = "KEY")
        String key;

        Enable(KeyRegistry registry) {
            super(registry);
        }

        @Override
        int work() throws Refused {
            out().println("enabled " + registry.enable(key).key());
            return ExitCodes.OK;
        }
    }

    @Command(name = "import", mixinStandardHelpOptions = true, header = "Adds and updates support keys from a CSV file.",
            description = {"Adds and updates support keys from a CSV file with the columns",
                    "key,customer,plan,allow,valid_until (allow: addresses and domains separated by spaces or ;).",
                    "Nothing is imported when any line is wrong; every wrong line is reported."})
    static final class Import extends KeyCommand {
        @Parameters(paramLabel = "FILE.csv")
        Path file;

        Import(KeyRegistry registry) {
            super(registry);
        }

        @Override
        int work() throws IOException, Refused {
            byte[] csv;
            try {
                csv = Files.readAllBytes(file);
            } catch (NoSuchFileException e) {
                return refuse(List.of(file + ": no such file"));
            }
            KeyRegistry.Imported imported = registry.importCsv(csv);
            out().println("imported " + imported.keys() + " keys: " + imported.added() + " added, " + imported.updated() + " updated");
            return ExitCodes.OK;
        }
    }

    static String cut(String text, int length) {
        return text.length() <= length ? text : text.substring(0, length - 1) + "…";
    }
}
