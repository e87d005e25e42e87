package org.ticketpost.cli;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.ticketpost.desk.AttachmentView;
import org.ticketpost.desk.EventView;
import org.ticketpost.desk.MessageView;
import org.ticketpost.desk.Refused;
import org.ticketpost.desk.TicketActions;
import org.ticketpost.desk.TicketDetails;
import org.ticketpost.desk.TicketQueries;
import org.ticketpost.desk.TicketSummary;
import org.ticketpost.form.FieldSpec;
import org.ticketpost.form.SupportTemplate;
import org.ticketpost.json.TicketJson;
import org.ticketpost.ticket.EventKind;
import org.ticketpost.ticket.Message;
import org.ticketpost.ticket.Status;
import org.ticketpost.ticket.TicketQuery;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** `ticketpost tickets …`: what is open, and everything about one ticket. */
@Command(name = "tickets", mixinStandardHelpOptions = true,
        description = "Lists and shows tickets with their SLA clocks; answers customers and changes, assigns, closes and "
                + "escalates tickets as an engineer.",
        exitCodeListHeading = "%nExit codes:%n", exitCodeList = {
                " 0:done",
                " 1:no such ticket, a mistyped ticket number, a change the ticket does not allow (an escalation of Severity 3 or 4,"
                        + " of a resolved or closed ticket), no engineer named, an unknown or disabled engineer, or no database yet",
                "64:called wrongly: an unknown command or option, or an option out of its range",
                "75:the database is unavailable; try again later",
                "78:the configuration is wrong"})
public final class TicketsCommand implements Runnable {

    /** The range of --offset: far beyond any list a person pages through. */
    static final int MAX_OFFSET = 1_000_000;

    private static final List<String> STATUS_WORDS = List.of("new", "open", "waiting", "resolved", "closed");

    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    /** The environment variable that names the engineer the changing subcommands act as, where --as does not. */
    public static final String ENGINEER_VARIABLE = "TICKETPOST_ENGINEER";

    @Spec
    CommandSpec spec;

    private final ActingEngineer acting;

    private TicketsCommand(ActingEngineer acting) {
        this.acting = acting;
    }

    @Option(names = "--as", paramLabel = "NAME", description = ActingEngineer.DESCRIPTION)
    void as(String name) {
        acting.name(name);
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /**
     * @param zone     the zone in which times are shown to people; JSON keeps UTC
     * @param language the language of the field labels
     * @param engineer the engineer a change is made as where --as names none: TICKETPOST_ENGINEER's value
     */
    public static CommandLine create(TicketQueries tickets, TicketActions actions, SupportTemplate template, ZoneId zone,
            String language, Optional<String> engineer) {
        ActingEngineer acting = new ActingEngineer(engineer);
        return new CommandLine(new TicketsCommand(acting))
                .addSubcommand(new ListTickets(tickets, zone))
                .addSubcommand(new Show(tickets, template, zone, language))
                .addSubcommand(new TicketChanges.StatusChange(actions, acting))
                .addSubcommand(new TicketChanges.SeverityChange(actions, acting))
                .addSubcommand(new TicketChanges.Reply(actions, acting))
                .addSubcommand(new TicketChanges.Assign(actions, acting))
                .addSubcommand(new TicketChanges.Close(actions, acting))
                .addSubcommand(new TicketChanges.Escalate(actions, acting));
    }

    static String shown(Instant instant, ZoneId zone) {
        return SHOWN.format(instant.atZone(zone));
    }

    /** Shared by the subcommands: a refusal and an unavailable database, each reported in one line. */
    abstract static class TicketCommand extends PrintingSubcommand {
        final TicketQueries tickets;
        final ZoneId zone;

        TicketCommand(TicketQueries tickets, ZoneId zone) {
            super("ticketpost tickets");
            this.tickets = tickets;
            this.zone = zone;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "Lists the open tickets: those escalated by phone first, then by the nearest SLA due time, then the newest.")
    static final class ListTickets extends TicketCommand {

        private static final Map<String, Status> STATUSES = Map.of("new", Status.NEW, "open", Status.OPEN,
                "waiting", Status.WAITING_FOR_CUSTOMER, "resolved", Status.RESOLVED, "closed", Status.CLOSED);

        @Option(names = "--json", description = "print a JSON array")
        boolean json;

        @Option(names = "--status", split = ",", paramLabel = "STATUS",
                description = "only tickets of these statuses, comma-separated: new, open, waiting, resolved, closed, or all"
                        + " (default: all but resolved and closed)")
        List<String> statuses = List.of();

        private TicketQuery query = TicketQuery.open();

        @Option(names = "--limit", paramLabel = "N",
                description = "at most N tickets, 1 to " + TicketQuery.MAX_LIMIT + " (default: " + TicketQuery.DEFAULT_LIMIT + ")")
        void limit(String value) {
            query = query.page(WholeNumber.parse(spec, "--limit", value, 1, TicketQuery.MAX_LIMIT), query.offset());
        }

        @Option(names = "--offset", paramLabel = "N", description = "skip the N newest first, to see the next page (default: 0)")
        void offset(String value) {
            query = query.page(query.limit(), WholeNumber.parse(spec, "--offset", value, 0, MAX_OFFSET));
        }

        @Option(names = "--severity", paramLabel = "1-4", description = "only tickets of this severity")
        void severity(String value) {
            query = query.withSeverity(WholeNumber.parse(spec, "--severity", value, 1, 4));
        }

        @Option(names = "--customer", paramLabel = "TEXT", description = "only tickets of customers whose name contains TEXT, in any case")
        void customer(String value) {
            query = query.withCustomer(value);
        }

        @Option(names = "--product", paramLabel = "NAME", description = "only tickets for this product, in any case, e.g. OXAPPSUITE")
        void product(String value) {
            query = query.withProduct(value);
        }

        @Option(names = "--component", paramLabel = "NAME",
                description = "only tickets for this component, in any case, e.g. 'Groupware Server'")
        void component(String value) {
            query = query.withComponent(value);
        }

        @Option(names = "--assignee", paramLabel = "ENGINEER", description = "only tickets assigned to this engineer")
        void assignee(String value) {
            query = query.withAssignee(value);
        }

        @Option(names = "--escalated", description = "only tickets the customer escalated by phone")
        void escalated(boolean only) {
            query = only ? query.escalatedOnly() : query;
        }

        @Option(names = "--breached", description = "only tickets with a breached SLA clock")
        void breached(boolean only) {
            query = only ? query.breachedOnly() : query;
        }

        @Option(names = "--due-within", paramLabel = "TIME",
                description = "only tickets with an SLA clock due within TIME, or overdue: 30m, 2h, 1d or PT2H")
        void dueWithin(String value) {
            query = query.dueWithin(ClockText.duration(spec, "--due-within", value));
        }

        ListTickets(TicketQueries tickets, ZoneId zone) {
            super(tickets, zone);
        }

        @Override
        String work() throws Refused {
            TicketQuery asked = statuses.isEmpty() ? query : query.withStatuses(statuses());
            List<TicketSummary> found = tickets.list(asked);
            if (json) {
                return Json.pretty(found) + "\n";
            }
            if (found.isEmpty()) {
                return statuses.isEmpty() ? "no open tickets\n" : "no tickets\n";
            }
            StringBuilder out = new StringBuilder();
            String row = "%-9s %-21s %-3s %-3s %-16s %-24s %-17s %-32s %s%n";
            out.append(String.format(row, "NUMBER", "STATUS", "SEV", "ESC", "ASSIGNEE", "CUSTOMER", "OPENED", "NEXT DUE", "SUBJECT"));
            for (TicketSummary ticket : found) {
                out.append(String.format(row, ticket.number(), ticket.status().label(), ticket.severity(),
                        ticket.escalated().isPresent() ? "!!" : "", KeysCommand.cut(ticket.assignee().orElse("-"), 16),
                        KeysCommand.cut(ticket.customer(), 24), shown(ticket.created(), zone),
                        ticket.due().map(ClockText::nearest).orElse("-"), KeysCommand.cut(ticket.subject(), 60)));
            }
            return out.toString();
        }

        private Set<Status> statuses() {
            Set<Status> chosen = EnumSet.noneOf(Status.class);
            for (String word : statuses) {
                String typed = word.strip().toLowerCase(Locale.ROOT);
                if (typed.equals("all")) {
                    chosen.addAll(EnumSet.allOf(Status.class));
                } else if (STATUSES.containsKey(typed)) {
                    chosen.add(STATUSES.get(typed));
                } else {
                    throw new ParameterException(spec.commandLine(), "--status must be " + String.join(", ", STATUS_WORDS)
                            + " or all, was '" + word + "'");
                }
            }
            return chosen;
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "Shows a ticket: its fields, its mails and its history.")
    static final class Show extends TicketCommand {
        @Parameters(paramLabel = "NUMBER", description = "the ticket number, check digit included")
        String number;

        @Option(names = "--json", description = "print JSON")
        boolean json;

        private final SupportTemplate template;
        private final String language;

        Show(TicketQueries tickets, SupportTemplate template, ZoneId zone, String language) {
            super(tickets, zone);
            this.template = template;
            this.language = language;
        }

        @Override
        String work() throws Refused {
            TicketDetails ticket = tickets.show(number);
            return json ? Json.pretty(TicketJson.of(ticket)) + "\n" : text(ticket);
        }

        private String text(TicketDetails ticket) {
            TicketSummary summary = ticket.summary();
            StringBuilder out = new StringBuilder();
            out.append("Ticket ").append(summary.number()).append("  ").append(summary.subject()).append('\n');
            out.append(String.format("  %-26s%s%n", "Status", summary.status().label()));
            out.append(String.format("  %-26s%s%n", "Assignee", summary.assignee().orElse("nobody yet")));
            out.append(String.format("  %-26s%s%n", "Escalated", escalation(ticket)));
            out.append(String.format("  %-26s%s%n", "Customer", summary.customer()));
            out.append(String.format("  %-26s%s%n", "Reporter", ticket.reporter()));
            out.append(String.format("  %-26s%s (%s)%n", "Opened", shown(summary.created(), zone), zone));
            out.append(String.format("  %-26s%s, severity %d%n", "Plan", ticket.plan(), summary.severity()));
            out.append("\n  SLA clocks (").append(zone).append(")\n");
            ticket.clocks().forEach(clock -> out.append(ClockText.line(clock, zone)).append('\n'));
            if (ticket.clocks().isEmpty()) {
                out.append("  none\n");
            }
            out.append('\n');
            for (FieldSpec field : template.fields()) {
                String value = ticket.fields().get(field.name());
                if (value != null) {
                    String[] lines = value.split("\n");
                    out.append(String.format("  %-26s%s%n", field.label(language), lines[0]));
                    for (int i = 1; i < lines.length; i++) {
                        out.append(String.format("  %-26s%s%n", "", lines[i]));
                    }
                }
            }
            ticket.messages().forEach(mail -> mail(out, mail));
            out.append("\n  History\n");
            ticket.events().forEach(event -> event(out, event));
            return out.toString();
        }

        /** "2026-11-16 09:00 by jdoe: phone call from Jane Doe", from the history's escalation. */
        private String escalation(TicketDetails ticket) {
            return ticket.summary().escalated().map(at -> shown(at, zone) + ticket.events().stream()
                    .filter(event -> event.kind() == EventKind.ESCALATED).reduce((first, last) -> last)
                    .map(event -> " by " + event.actor() + ": " + event.newValue().orElse(""))
                    .orElse("")).orElse("no");
        }

        private void mail(StringBuilder out, MessageView mail) {
            if (mail.internal()) {
                out.append("\n  ## ").append(shown(mail.at(), zone)).append("  INTERNAL NOTE by ").append(mail.author().orElse("?"))
                        .append(" (the customer does not see it)\n");
            } else {
                out.append("\n  ").append(mail.direction() == Message.Direction.IN ? "<< " : ">> ")
                        .append(shown(mail.at(), zone)).append("  ").append(mail.from().orElse(""))
                        .append("  ").append(mail.subject()).append(mail.author().map(name -> "  (by " + name + ")").orElse(""))
                        .append('\n');
            }
            mail.text().lines().forEach(line -> out.append("     ").append(line).append('\n'));
            for (String note : mail.notes()) {
                out.append("     [not read whole: ").append(note).append("]\n");
            }
            for (AttachmentView attachment : mail.attachments()) {
                out.append("     [").append(attachment.name()).append(", ").append(attachment.contentType()).append(", ")
                        .append(CheckReport.size(attachment.size()))
                        .append(attachment.stored() ? "" : ", not kept: over the size limit").append("]\n");
            }
        }

        private void event(StringBuilder out, EventView event) {
            out.append("    ").append(shown(event.at(), zone)).append("  ").append(event.actor()).append("  ").append(event.kind());
            if (event.oldValue().isPresent() || event.newValue().isPresent()) {
                out.append("  ").append(event.oldValue().orElse("-")).append(" -> ").append(event.newValue().orElse("-"));
            }
            event.note().ifPresent(note -> out.append("  (").append(note).append(')'));
            out.append('\n');
        }
    }
}
