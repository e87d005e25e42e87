package org.ticketpost.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import org.ticketpost.config.SupportKeyCsv;
import org.ticketpost.ticket.KeyData;
import org.ticketpost.ticket.SenderRule;
import org.ticketpost.ticket.StoreException;
import org.ticketpost.ticket.SupportKey;
import org.ticketpost.ticket.UnitOfWork;
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

    /** Adds the subcommands, which share the registry's collaborators. */
    public static CommandLine create(UnitOfWork database, MissingDatabase missing, Pattern keyFormat, Collection<String> plans,
            Clock clock) {
        Registry registry = new Registry(database, missing, keyFormat, plans, clock);
        return new CommandLine(new KeysCommand())
                .addSubcommand(new Add(registry))
                .addSubcommand(new ListKeys(registry))
                .addSubcommand(new Show(registry))
                .addSubcommand(new Disable(registry))
                .addSubcommand(new Enable(registry))
                .addSubcommand(new Import(registry));
    }

    /** @param missing the embedded database when it does not exist yet: listing and showing never create it */
    record Registry(UnitOfWork database, MissingDatabase missing, Pattern keyFormat, Collection<String> plans, Clock clock) {

        Optional<String> noKeysYet() {
            return missing.said("no support key has been added (ticketpost keys add)");
        }
    }

    /** Shared by the subcommands: the database call, with an unavailable database reported in one line. */
    abstract static class KeyCommand implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        final Registry registry;

        KeyCommand(Registry registry) {
            this.registry = registry;
        }

        @Override
        public Integer call() throws IOException {
            try {
                return work();
            } catch (StoreException e) {
                err().println("ticketpost keys: " + e.getMessage());
                return ExitCodes.TEMPORARY_FAILURE;
            }
        }

        abstract int work() throws IOException;

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

        String normal(String key) {
            return key.strip().toUpperCase(Locale.ROOT);
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

        Add(Registry registry) {
            super(registry);
        }

        @Override
        int work() {
            KeyData.Reading reading = KeyData.read(key, customer, plan, allow, validUntil, registry.keyFormat(), registry.plans());
            if (reading.data().isEmpty()) {
                return refuse(reading.problems());
            }
            KeyData data = reading.data().get();
            boolean added = registry.database().inTransaction(stores -> {
                if (stores.keys().find(data.key()).isPresent()) {
                    return false;
                }
                stores.keys().add(new SupportKey(data.key(), data.customer(), data.plan(), data.senders(),
                        data.validUntil().orElse(null), registry.clock().instant()));
                return true;
            });
            if (!added) {
                return refuse(List.of(data.key() + " is registered already (keys import updates keys)"));
            }
            out().println("added " + data.key() + " for " + data.customer() + " (plan " + data.plan() + ")");
            return ExitCodes.OK;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists the support keys.")
    static final class ListKeys extends KeyCommand {
        @Option(names = "--json", description = "print JSON")
        boolean json;

        ListKeys(Registry registry) {
            super(registry);
        }

        @Override
        int work() {
            if (registry.noKeysYet().isPresent()) {
                return refuse(List.of(registry.noKeysYet().get()));
            }
            LocalDate today = LocalDate.now(registry.clock());
            List<KeyView> keys = registry.database().inTransaction(stores ->
                    stores.keys().all().stream().map(key -> KeyView.of(key, today)).toList());
            if (json) {
                ArrayNode array = new ObjectMapper().createArrayNode();
                keys.forEach(key -> array.add(key.json()));
                out().println(array.toPrettyString());
            } else if (keys.isEmpty()) {
                out().println("no support keys yet: add one with `ticketpost keys add`");
            } else {
                out().printf("%-24s %-28s %-10s %-11s %-9s %s%n", "KEY", "CUSTOMER", "PLAN", "VALID UNTIL", "STATE", "ALLOWED");
                keys.forEach(key -> out().printf("%-24s %-28s %-10s %-11s %-9s %s%n", key.key(), cut(key.customer(), 28),
                        key.plan(), key.validUntil().map(LocalDate::toString).orElse("-"), key.state(),
                        String.join(" ", key.senders())));
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

        Show(Registry registry) {
            super(registry);
        }

        @Override
        int work() {
            if (registry.noKeysYet().isPresent()) {
                return refuse(List.of(registry.noKeysYet().get()));
            }
            LocalDate today = LocalDate.now(registry.clock());
            Optional<KeyView> found = registry.database().inTransaction(stores ->
                    stores.keys().find(normal(key)).map(supportKey -> KeyView.of(supportKey, today)));
            if (found.isEmpty()) {
                return refuse(List.of(normal(key) + " is not registered"));
            }
            KeyView view = found.get();
            if (json) {
                out().println(view.json().toPrettyString());
            } else {
                out().printf("Key          %s%nCustomer     %s%nPlan         %s%nValid until  %s%nState        %s%n"
                                + "Allowed      %s%nRegistered   %s%nChanged      %s%n",
                        view.key(), view.customer(), view.plan(), view.validUntil().map(LocalDate::toString).orElse("no end"),
                        view.state(), String.join(", ", view.senders()), view.created(), view.updated());
            }
            return ExitCodes.OK;
        }
    }

    /** Disabling and enabling: the key stays registered, its tickets stay as they are. */
    abstract static class Switch extends KeyCommand {
        @Parameters(paramLabel = "KEY")
        String key;

        Switch(Registry registry) {
            super(registry);
        }

        abstract void apply(SupportKey key);

        abstract String done();

        @Override
        int work() {
            if (registry.noKeysYet().isPresent()) {
                return refuse(List.of(registry.noKeysYet().get()));
            }
            boolean found = registry.database().inTransaction(stores -> stores.keys().find(normal(key)).map(supportKey -> {
                apply(supportKey);
                return true;
            }).orElse(false));
            if (!found) {
                return refuse(List.of(normal(key) + " is not registered"));
            }
            out().println(done() + " " + normal(key));
            return ExitCodes.OK;
        }
    }

    @Command(name = "disable", mixinStandardHelpOptions = true, description = "Stops a support key from opening tickets.")
    static final class Disable extends Switch {
        Disable(Registry registry) {
            super(registry);
        }

        @Override
        void apply(SupportKey key) {
            key.disable(registry.clock().instant());
        }

        @Override
        String done() {
            return "disabled";
        }
    }

    @Command(name = "enable", mixinStandardHelpOptions = true, description = "Lets a disabled support key open tickets again.")
    static final class Enable extends Switch {
        Enable(Registry registry) {
            super(registry);
        }

        @Override
        void apply(SupportKey key) {
            key.enable(registry.clock().instant());
        }

        @Override
        String done() {
            return "enabled";
        }
    }

    @Command(name = "import", mixinStandardHelpOptions = true, header = "Adds and updates support keys from a CSV file.",
            description = {"Adds and updates support keys from a CSV file with the columns",
                    "key,customer,plan,allow,valid_until (allow: addresses and domains separated by spaces or ;).",
                    "Nothing is imported when any line is wrong; every wrong line is reported."})
    static final class Import extends KeyCommand {
        @Parameters(paramLabel = "FILE.csv")
        Path file;

        Import(Registry registry) {
            super(registry);
        }

        @Override
        int work() throws IOException {
            SupportKeyCsv.Contents contents;
            try {
                contents = SupportKeyCsv.read(Files.readAllBytes(file), registry.keyFormat(), registry.plans());
            } catch (NoSuchFileException e) {
                return refuse(List.of(file + ": no such file"));
            }
            if (!contents.problems().isEmpty()) {
                List<String> problems = new ArrayList<>(contents.problems());
                problems.add("nothing imported");
                return refuse(problems);
            }
            int[] counts = new int[2];
            registry.database().inTransaction(stores -> {
                for (KeyData data : contents.keys()) {
                    Optional<SupportKey> existing = stores.keys().find(data.key());
                    if (existing.isPresent()) {
                        existing.get().update(data.customer(), data.plan(), data.senders(), data.validUntil().orElse(null),
                                registry.clock().instant());
                        counts[1]++;
                    } else {
                        stores.keys().add(new SupportKey(data.key(), data.customer(), data.plan(), data.senders(),
                                data.validUntil().orElse(null), registry.clock().instant()));
                        counts[0]++;
                    }
                }
                return null;
            });
            out().println("imported " + contents.keys().size() + " keys: " + counts[0] + " added, " + counts[1] + " updated");
            return ExitCodes.OK;
        }
    }

    /** A key as listed, read inside its transaction. */
    record KeyView(String key, String customer, String plan, Optional<LocalDate> validUntil, String state,
            List<String> senders, String created, String updated) {

        static KeyView of(SupportKey key, LocalDate today) {
            String state = key.isDisabled() ? "disabled"
                    : key.validUntil().filter(today::isAfter).isPresent() ? "expired" : "active";
            return new KeyView(key.key(), key.customer(), key.plan(), key.validUntil(), state,
                    key.senderRules().stream().map(SenderRule::rule).toList(), key.createdAt().toString(),
                    key.updatedAt().toString());
        }

        ObjectNode json() {
            ObjectNode node = new ObjectMapper().createObjectNode();
            node.put("key", key).put("customer", customer).put("plan", plan)
                    .put("validUntil", validUntil.map(LocalDate::toString).orElse(null)).put("state", state);
            senders.forEach(node.putArray("allow")::add);
            return node;
        }
    }

    static String cut(String text, int length) {
        return text.length() <= length ? text : text.substring(0, length - 1) + "…";
    }
}
