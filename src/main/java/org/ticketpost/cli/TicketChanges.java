package org.ticketpost.cli;

import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.ticketpost.desk.Refusal;
import org.ticketpost.desk.Refused;
import org.ticketpost.desk.TicketActions;
import org.ticketpost.desk.TicketDetails;
import org.ticketpost.desk.TicketSummary;
import org.ticketpost.ticket.Status;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

/** `ticketpost tickets status|severity|reply`: an engineer's changes, each made as the engineer named. */
final class TicketChanges {

    private TicketChanges() {
    }

    /** What a change printed: the ticket as it is now, and what its nearest clock has left. */
    static String changed(TicketDetails ticket) {
        TicketSummary summary = ticket.summary();
        return "ticket " + summary.number() + ": " + summary.status().label() + ", severity " + summary.severity()
                + "; next due: " + summary.due().map(ClockText::nearest).orElse("-") + "\n";
    }

    /** A change made as an engineer, whom --as names here or on `tickets`, or TICKETPOST_ENGINEER. */
    abstract static class ChangingSubcommand extends PrintingSubcommand {
        final TicketActions actions;
        final ActingEngineer acting;

        ChangingSubcommand(String command, TicketActions actions, ActingEngineer acting) {
            super(command);
            this.actions = actions;
            this.acting = acting;
        }

        @Option(names = "--as", paramLabel = "NAME", description = ActingEngineer.DESCRIPTION)
        void as(String name) {
            acting.name(name);
        }
    }

    @Command(name = "status", mixinStandardHelpOptions = true,
            description = "Sets a ticket's status: waiting pauses its SLA clocks, open resumes them, resolved stops them.")
    static final class StatusChange extends ChangingSubcommand {

        private static final Map<String, Status> WORDS = Map.of("waiting", Status.WAITING_FOR_CUSTOMER, "open", Status.OPEN,
                "resolved", Status.RESOLVED);

        @Parameters(index = "0", paramLabel = "NUMBER", description = "the ticket number, check digit included")
        String number;

        @Parameters(index = "1", paramLabel = "STATUS", description = "waiting (for the customer), open or resolved")
        String status;

        StatusChange(TicketActions actions, ActingEngineer acting) {
            super("ticketpost tickets status", actions, acting);
        }

        @Override
        String work() throws Refused {
            Status next = WORDS.get(status.strip().toLowerCase(Locale.ROOT));
            if (next == null) {
                throw new ParameterException(spec.commandLine(), "STATUS must be one of "
                        + WORDS.keySet().stream().sorted().collect(Collectors.joining(", ")) + ", was '" + status + "'");
            }
            return changed(actions.changeStatus(number, next, acting.name()));
        }
    }

    @Command(name = "severity", mixinStandardHelpOptions = true,
            description = "Sets a ticket's severity: its SLA clocks count against the new targets from the ticket's start.")
    static final class SeverityChange extends ChangingSubcommand {

        @Parameters(index = "0", paramLabel = "NUMBER", description = "the ticket number, check digit included")
        String number;

        @Parameters(index = "1", paramLabel = "SEVERITY", description = "1 (outage) to 4 (question)")
        String severity;

        SeverityChange(TicketActions actions, ActingEngineer acting) {
            super("ticketpost tickets severity", actions, acting);
        }

        @Override
        String work() throws Refused {
            return changed(actions.changeSeverity(number, WholeNumber.parse(spec, "SEVERITY", severity, 1, 4), acting.name()));
        }
    }

    @Command(name = "reply", mixinStandardHelpOptions = true, header = "Answers a ticket's customer, or keeps an internal note on it.",
            description = {"The answer goes to the ticket's reporter through the outbox, in the",
                    "ticket's language, on the thread of the customer's latest mail, and",
                    "meets the first-response clock. With --internal the text is a note",
                    "for engineers: the customer is not told, and no clock moves. A closed",
                    "ticket takes no more answers."})
    static final class Reply extends ChangingSubcommand {

        @Parameters(index = "0", paramLabel = "NUMBER", description = "the ticket number, check digit included")
        String number;

        @ArgGroup(exclusive = true, multiplicity = "1")
        Text text;

        /** The text comes from the command line or from a file, never from both. */
        static final class Text {
            @Option(names = "--message", required = true, paramLabel = "TEXT", description = "the text")
            String message;

            @Option(names = "--file", required = true, paramLabel = "FILE", description = "a file holding the text, in UTF-8")
            Path file;
        }

        @Option(names = "--internal", description = "a note for engineers, which the customer does not see")
        boolean internal;

        Reply(TicketActions actions, ActingEngineer acting) {
            super("ticketpost tickets reply", actions, acting);
        }

        @Override
        String work() throws Refused {
            String body = text.message != null ? text.message : read(text.file);
            if (internal) {
                return "internal note kept; the customer is not told\n" + changed(actions.addNote(number, acting.name(), body));
            }
            TicketDetails ticket = actions.answer(number, acting.name(), body);
            return "answer to " + ticket.reporter() + " queued in the outbox\n" + changed(ticket);
        }

        private static String read(Path file) throws Refused {
            try {
                if (Files.size(file) > 4L * TicketActions.MAX_TEXT_LENGTH) {
                    throw refused(file + ": too large for an answer (" + Files.size(file) + " bytes)");
                }
                return Files.readString(file);
            } catch (NoSuchFileException e) {
                throw refused(file + ": no such file");
            } catch (MalformedInputException e) {
                throw refused(file + ": not UTF-8 text");
            } catch (IOException e) {
                throw refused(file + ": cannot be read: " + e.getMessage());
            }
        }

        private static Refused refused(String problem) {
            return new Refused(new Refusal.Invalid(List.of(problem)));
        }
    }
}
