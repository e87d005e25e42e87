package org.ticketpost.cli;

import java.time.ZoneId;
import java.util.List;
import org.ticketpost.desk.Outbox;
import org.ticketpost.desk.OutboxView;
import org.ticketpost.desk.Refused;
import org.ticketpost.ticket.TicketQuery;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** `ticketpost outbox …`: the replies that wait to be sent, those that failed or bounced, and sending one again. */
@Command(name = "outbox", mixinStandardHelpOptions = true,
        description = "Lists the replies waiting or not delivered, and sends one again.",
        exitCodeListHeading = "%nExit codes:%n", exitCodeList = {
                " 0:done",
                " 1:refused, with the reason: no such entry, one sent or still waiting, or no database yet",
                "64:called wrongly: an unknown command or option, or an ID that is no number",
                "75:the database is unavailable; try again later",
                "78:the configuration is wrong"})
public final class OutboxCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /**
     * @param zone  the zone in which times are shown to people; JSON keeps UTC
     * @param actor who runs the command, for the history of a ticket whose reply is sent again
     */
    public static CommandLine create(Outbox outbox, ZoneId zone, String actor) {
        return new CommandLine(new OutboxCommand())
                .addSubcommand(new ListOutbox(outbox, zone))
                .addSubcommand(new Retry(outbox, actor));
    }

    /** Shared by the subcommands: a refusal and an unavailable database, each reported in one line. */
    abstract static class OutboxSubcommand extends PrintingSubcommand {
        final Outbox outbox;

        OutboxSubcommand(Outbox outbox) {
            super("ticketpost outbox");
            this.outbox = outbox;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "Lists the replies waiting, by next attempt, then those failed or bounced, the latest first.")
    static final class ListOutbox extends OutboxSubcommand {
        @Option(names = "--failed", description = "only the replies that failed for good or bounced")
        boolean failed;

        @Option(names = "--json", description = "print a JSON array")
        boolean json;

        private int limit = TicketQuery.DEFAULT_LIMIT;

        @Option(names = "--limit", paramLabel = "N",
                description = "at most N waiting and N failed, 1 to " + TicketQuery.MAX_LIMIT
                        + " (default: " + TicketQuery.DEFAULT_LIMIT + ")")
        void limit(String value) {
            limit = WholeNumber.parse(spec, "--limit", value, 1, TicketQuery.MAX_LIMIT);
        }

        private final ZoneId zone;

        ListOutbox(Outbox outbox, ZoneId zone) {
            super(outbox);
            this.zone = zone;
        }

        @Override
        String work() throws Refused {
            List<OutboxView> found = outbox.list(failed, limit);
            if (json) {
                return Json.pretty(found) + "\n";
            }
            if (found.isEmpty()) {
                return failed ? "no reply failed or bounced\n" : "no reply waiting, failed or bounced\n";
            }
            StringBuilder out = new StringBuilder();
            String row = "%-8s %-16s %-8s %-8s %-17s %-9s %-28s %s%n";
            out.append(String.format(row, "ID", "KIND", "STATE", "ATTEMPTS", "NEXT OR SINCE", "TICKET", "RECIPIENT", "REASON"));
            for (OutboxView entry : found) {
                out.append(String.format(row, entry.id(), KeysCommand.cut(entry.kind(), 16), entry.state().label(), entry.attempts(),
                        entry.nextAttempt().or(entry::since).map(at -> TicketsCommand.shown(at, zone)).orElse(""),
                        entry.ticket().map(Object::toString).orElse("-"), KeysCommand.cut(entry.recipient(), 28),
                        entry.reason().orElse("")));
            }
            return out.toString();
        }
    }

    @Command(name = "retry", mixinStandardHelpOptions = true,
            description = "Makes a failed or bounced reply due again now; serve sends it at its next look at the outbox.")
    static final class Retry extends OutboxSubcommand {
        @Parameters(paramLabel = "ID", description = "the outbox entry, as outbox list shows it")
        long id;

        private final String actor;

        Retry(Outbox outbox, String actor) {
            super(outbox);
            this.actor = actor;
        }

        @Override
        String work() throws Refused {
            OutboxView entry = outbox.retry(id, actor);
            return "outbox entry " + entry.id() + ", the " + entry.kind() + " to " + entry.recipient()
                    + entry.ticket().map(number -> " about ticket " + number).orElse("") + ", is due again now\n";
        }
    }
}
