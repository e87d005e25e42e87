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
import org.ticketpost.desk.Escalation;
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

/** `ticketpost tickets status|severity|reply|assign|close|escalate`: an engineer's changes, each made as the engineer named. */
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

    @Command(name = "assign", mixinStandardHelpOptions = true,
            description = "Gives a ticket to an engineer, who must be registered (engineers add) and not disabled.")
    static final class Assign extends ChangingSubcommand {

        @Parameters(index = "0", paramLabel = "NUMBER", description = "the ticket number, check digit included")
        String number;

        @Parameters(index = "1", paramLabel = "ENGINEER", description = "the engineer's name, in any case")
        String engineer;

        Assign(TicketActions actions, ActingEngineer acting) {
            super("ticketpost tickets assign", actions, acting);
        }

        @Override
        String work() throws Refused {
            TicketSummary ticket = actions.assign(number, engineer, acting.name()).summary();
            return "ticket " + ticket.number() + " is assigned to " + ticket.assignee().orElse("?") + "\n";
        }
    }

    @Command(name = "close", mixinStandardHelpOptions = true,
            description = "Closes a ticket for good, usually a resolved one: a closed ticket takes no more mail and cannot be reopened.")
    static final class Close extends ChangingSubcommand {

        @Parameters(index = "0", paramLabel = "NUMBER", description = "the ticket number, check digit included")
        String number;

        Close(TicketActions actions, ActingEngineer acting) {
            super("ticketpost tickets close", actions, acting);
        }

        @Override
        String work() throws Refused {
            return changed(actions.close(number, acting.name()));
        }
    }

    @Command(name = "escalate", mixinStandardHelpOptions = true,
            description = {"Escalates a Severity 1 or 2 ticket while the customer is on the phone: flags it, records the caller "
                    + "and the note in its history and mails the on-call engineers (engineers on call, and sla.notify).",
                    "Severity 3 and 4, resolved and closed tickets are refused, saying what to do instead."})
    static final class Escalate extends ChangingSubcommand {

        @Parameters(index = "0", paramLabel = "NUMBER", description = "the ticket number, check digit included")
        String number;

        @Option(names = "--phone", required = true, description = "the customer phoned in (the only way to escalate so far)")
        boolean phone;

        @Option(names = "--caller", required = true, paramLabel = "NAME", description = "who phoned")
        String caller;

        @Option(names = "--note", required = true, paramLabel = "TEXT", description = "what the caller said")
        String note;

        Escalate(TicketActions actions, ActingEngineer acting) {
            super("ticketpost tickets escalate", actions, acting);
        }

        @Override
        String work() throws Refused {
            Escalation escalation = actions.escalateByPhone(number, caller, note, acting.name());
            String ticket = "ticket " + escalation.ticket().summary().number() + " is escalated";
            if (escalation.told().isEmpty()) {
                return ticket + "; no one is on call to tell: put an engineer on call with `engineers on-call NAME on`,"
                        + " or set sla.notify\n";
            }
            return ticket + "; the on-call engineers' mail is in the outbox, to " + String.join(", ", escalation.told()) + "\n";
        }
    }
}
