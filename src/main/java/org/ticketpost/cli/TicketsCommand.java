package org.ticketpost.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.ticketpost.desk.MissingDatabase;
import org.ticketpost.form.FieldSpec;
import org.ticketpost.form.SupportTemplate;
import org.ticketpost.ticket.Message;
import org.ticketpost.ticket.MessageAttachment;
import org.ticketpost.ticket.StoreException;
import org.ticketpost.ticket.Ticket;
import org.ticketpost.ticket.TicketEvent;
import org.ticketpost.ticket.TicketNumber;
import org.ticketpost.ticket.UnitOfWork;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** `ticketpost tickets …`: what is open, and everything about one ticket. */
@Command(name = "tickets", mixinStandardHelpOptions = true, description = "Lists and shows tickets.",
        exitCodeListHeading = "%nExit codes:%n", exitCodeList = {
                " 0:done",
                " 1:no such ticket, a mistyped ticket number, or no database yet",
                "64:called wrongly: an unknown command or option, or an option out of its range",
                "75:the database is unavailable; try again later",
                "78:the configuration is wrong"})
public final class TicketsCommand implements Runnable {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** @param zone the zone in which times are shown to people; JSON keeps UTC */
    public static CommandLine create(UnitOfWork database, MissingDatabase missing, SupportTemplate template, ZoneId zone) {
        return new CommandLine(new TicketsCommand())
                .addSubcommand(new ListTickets(database, missing, zone))
                .addSubcommand(new Show(database, missing, template, zone));
    }

    static final int MAX_LIMIT = 10_000;

    static boolean noDatabase(MissingDatabase missing, CommandSpec spec) {
        Optional<String> said = missing.file().map(file -> RefusalText.noDatabase(file.toString(), "nothing has been taken in"));
        said.ifPresent(line -> spec.commandLine().getErr().println("ticketpost tickets: " + line));
        return said.isPresent();
    }

    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    static String shown(String instant, ZoneId zone) {
        return SHOWN.format(Instant.parse(instant).atZone(zone));
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists the open tickets, newest first.")
    static final class ListTickets implements Callable<Integer> {
        @Option(names = "--json", description = "print a JSON array")
        boolean json;

        int limit = 200;

        @Option(names = "--limit", paramLabel = "N", description = "at most N tickets, 1 to " + MAX_LIMIT + " (default: 200)")
        void limit(String value) {
            limit = WholeNumber.parse(spec, "--limit", value, 1, MAX_LIMIT);
        }

        @Spec
        CommandSpec spec;

        private final UnitOfWork database;
        private final MissingDatabase missing;
        private final ZoneId zone;

        ListTickets(UnitOfWork database, MissingDatabase missing, ZoneId zone) {
            this.database = database;
            this.missing = missing;
            this.zone = zone;
        }

        @Override
        public Integer call() {
            if (noDatabase(missing, spec)) {
                return ExitCodes.REFUSED;   // without a database there is no ticket: not an empty list
            }
            List<ObjectNode> tickets;
            try {
                tickets = database.inTransaction(stores -> stores.tickets().open(limit).stream().map(TicketsCommand::summary).toList());
            } catch (StoreException e) {
                spec.commandLine().getErr().println("ticketpost tickets: " + e.getMessage());
                return ExitCodes.TEMPORARY_FAILURE;
            }
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                ArrayNode array = JSON.createArrayNode();
                tickets.forEach(array::add);
                out.println(array.toPrettyString());
                return ExitCodes.OK;
            }
            if (tickets.isEmpty()) {
                out.println("no open tickets");
                return ExitCodes.OK;
            }
            out.printf("%-9s %-21s %-3s %-24s %-17s %s%n", "NUMBER", "STATUS", "SEV", "CUSTOMER", "OPENED", "SUBJECT");
            for (ObjectNode ticket : tickets) {
                out.printf("%-9s %-21s %-3s %-24s %-17s %s%n", ticket.get("number").asText(), ticket.get("status").asText(),
                        ticket.get("severity").asText(), KeysCommand.cut(ticket.get("customer").asText(), 24),
                        shown(ticket.get("created").asText(), zone),
                        KeysCommand.cut(ticket.get("subject").asText(), 60));
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "Shows a ticket: its fields, its mails and its history.")
    static final class Show implements Callable<Integer> {
        @Parameters(paramLabel = "NUMBER", description = "the ticket number, check digit included")
        String number;

        @Option(names = "--json", description = "print JSON")
        boolean json;

        @Spec
        CommandSpec spec;

        private final UnitOfWork database;
        private final MissingDatabase missing;
        private final SupportTemplate template;
        private final ZoneId zone;

        Show(UnitOfWork database, MissingDatabase missing, SupportTemplate template, ZoneId zone) {
            this.database = database;
            this.missing = missing;
            this.template = template;
            this.zone = zone;
        }

        @Override
        public Integer call() {
            PrintWriter err = spec.commandLine().getErr();
            Optional<TicketNumber> parsed = TicketNumber.parse(number);
            if (parsed.isEmpty()) {
                err.println("ticketpost tickets: " + number + " is not a ticket number (a digit is wrong or missing)");
                return ExitCodes.REFUSED;
            }
            if (noDatabase(missing, spec)) {
                return ExitCodes.REFUSED;   // without a database there is no ticket: not an empty list
            }
            Optional<ObjectNode> ticket;
            try {
                ticket = database.inTransaction(stores -> stores.tickets().find(parsed.get())
                        .map(found -> details(found, stores.messages().ofTicket(found))));
            } catch (StoreException e) {
                err.println("ticketpost tickets: " + e.getMessage());
                return ExitCodes.TEMPORARY_FAILURE;
            }
            if (ticket.isEmpty()) {
                err.println("ticketpost tickets: there is no ticket " + parsed.get());
                return ExitCodes.REFUSED;
            }
            spec.commandLine().getOut().print(json ? ticket.get().toPrettyString() + "\n" : text(ticket.get()));
            return ExitCodes.OK;
        }

        private String text(ObjectNode ticket) {
            StringBuilder out = new StringBuilder();
            out.append("Ticket ").append(ticket.get("number").asText()).append("  ").append(ticket.get("subject").asText()).append('\n');
            out.append(String.format("  %-26s%s%n", "Status", ticket.get("status").asText()));
            out.append(String.format("  %-26s%s%n", "Customer", ticket.get("customer").asText()));
            out.append(String.format("  %-26s%s%n", "Reporter", ticket.get("reporter").asText()));
            out.append(String.format("  %-26s%s (%s)%n", "Opened", shown(ticket.get("created").asText(), zone), zone));
            out.append('\n');
            ObjectNode fields = (ObjectNode) ticket.get("fields");
            for (FieldSpec field : template.fields()) {
                if (fields.hasNonNull(field.name())) {
                    String[] lines = fields.get(field.name()).asText().split("\n");
                    out.append(String.format("  %-26s%s%n", field.label("en"), lines[0]));
                    for (int i = 1; i < lines.length; i++) {
                        out.append(String.format("  %-26s%s%n", "", lines[i]));
                    }
                }
            }
            for (var message : ticket.get("messages")) {
                out.append("\n  ").append(message.get("direction").asText().equals("IN") ? "<< " : ">> ")
                        .append(shown(message.get("at").asText(), zone)).append("  ").append(message.get("from").asText())
                        .append("  ").append(message.get("subject").asText()).append('\n');
                message.get("text").asText().lines().forEach(line -> out.append("     ").append(line).append('\n'));
                for (var note : message.get("notes")) {
                    out.append("     [not read whole: ").append(note.asText()).append("]\n");
                }
                for (var attachment : message.get("attachments")) {
                    out.append("     [").append(attachment.get("name").asText()).append(", ")
                            .append(attachment.get("contentType").asText()).append(", ")
                            .append(CheckReport.size(attachment.get("size").asLong()))
                            .append(attachment.get("stored").asBoolean() ? "" : ", not kept: over the size limit").append("]\n");
                }
            }
            out.append("\n  History\n");
            for (var event : ticket.get("events")) {
                out.append("    ").append(shown(event.get("at").asText(), zone)).append("  ").append(event.get("actor").asText())
                        .append("  ").append(event.get("kind").asText());
                if (event.hasNonNull("old") || event.hasNonNull("new")) {
                    out.append("  ").append(event.path("old").asText("-")).append(" -> ").append(event.path("new").asText("-"));
                }
                if (event.hasNonNull("note")) {
                    out.append("  (").append(event.get("note").asText()).append(')');
                }
                out.append('\n');
            }
            return out.toString();
        }
    }

    static ObjectNode summary(Ticket ticket) {
        ObjectNode node = JSON.createObjectNode();
        node.put("number", ticket.number().digits());
        node.put("status", ticket.status().label());
        node.put("severity", ticket.severity());
        node.put("subject", ticket.subject());
        node.put("customer", ticket.customer());
        node.put("product", ticket.product().orElse(null));
        node.put("component", ticket.component().orElse(null));
        node.put("created", ticket.createdAt().toString());
        node.put("updated", ticket.updatedAt().toString());
        return node;
    }

    static ObjectNode details(Ticket ticket, List<Message> messages) {
        ObjectNode node = summary(ticket);
        node.put("reporter", ticket.reporter());
        node.put("plan", ticket.supportKey().plan());
        node.put("language", ticket.language());
        ObjectNode fields = node.putObject("fields");
        for (Map.Entry<String, String> field : ticket.fields().entrySet()) {
            fields.put(field.getKey(), field.getValue());
        }
        ArrayNode mails = node.putArray("messages");
        for (Message message : messages) {
            ObjectNode mail = mails.addObject();
            mail.put("direction", message.direction().name());
            mail.put("at", message.createdAt().toString());
            mail.put("from", message.fromAddress().orElse(""));
            mail.put("to", String.join(", ", message.to()));
            mail.put("subject", message.subject());
            mail.put("messageId", message.messageId().orElse(null));
            mail.put("text", message.body());
            ArrayNode notes = mail.putArray("notes");
            message.readingNotes().forEach(notes::add);
            ArrayNode attachments = mail.putArray("attachments");
            for (MessageAttachment attachment : message.attachments()) {
                attachments.addObject().put("name", attachment.fileName()).put("contentType", attachment.contentType())
                        .put("size", attachment.size()).put("stored", attachment.isStored())
                        .put("sha256", attachment.sha256().orElse(null));
            }
        }
        ArrayNode events = node.putArray("events");
        for (TicketEvent event : ticket.events()) {
            events.addObject().put("at", event.at().toString()).put("actor", event.actor()).put("kind", event.kind().name())
                    .put("old", event.oldValue().orElse(null)).put("new", event.newValue().orElse(null))
                    .put("note", event.note().orElse(null));
        }
        return node;
    }
}
