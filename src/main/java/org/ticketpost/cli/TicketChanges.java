package org.ticketpost.cli;

import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.ticketpost.desk.Escalation;
import org.ticketpost.desk.Refused;
import org.ticketpost.desk.TicketActions;
import org.ticketpost.desk.TicketDetails;
import org.ticketpost.desk.TicketSummary;
import org.ticketpost.ticket.Status;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

/** `ticketpost tickets status|severity|assign|close|escalate`: an engineer's changes, until the engineers' desk has its own door. */
final class TicketChanges {

    private TicketChanges() {
    }

    /** What a change printed: the ticket as it is now, and what its nearest clock has left. */
    static String changed(TicketDetails ticket) {
        TicketSummary summary = ticket.summary();
        return "ticket " + summary.number() + ": " + summary.status().label() + ", severity " + summary.severity()
                + "; next due: " + summary.due().map(ClockText::nearest).orElse("-") + "\n";
    }

    @Command(name = "status", mixinStandardHelpOptions = true,
            description = "Sets a ticket's status: waiting pauses its SLA clocks, open resumes them, resolved stops them.")
    static final class StatusChange extends PrintingSubcommand {

        private static final Map<String, Status> WORDS = Map.of("waiting", Status.WAITING_FOR_CUSTOMER, "open", Status.OPEN,
                "resolved", Status.RESOLVED);

        @Parameters(index = "0", paramLabel = "NUMBER", description = "the ticket number, check digit included")
        String number;

        @Parameters(index = "1", paramLabel = "STATUS", description = "waiting (for the customer), open or resolved")
        String status;

        private final TicketActions actions;
        private final String actor;

        StatusChange(TicketActions actions, String actor) {
            super("ticketpost tickets status");
            this.actions = actions;
            this.actor = actor;
        }

        @Override
        String work() throws Refused {
            Status next = WORDS.get(status.strip().toLowerCase(Locale.ROOT));
            if (next == null) {
                throw new ParameterException(spec.commandLine(), "STATUS must be one of "
                        + WORDS.keySet().stream().sorted().collect(Collectors.joining(", ")) + ", was '" + status + "'");
            }
            return changed(actions.changeStatus(number, next, actor));
        }
    }

    @Command(name = "severity", mixinStandardHelpOptions = true,
            description = "Sets a ticket's severity: its SLA clocks count against the new targets from the ticket's start.")
    static final class SeverityChange extends PrintingSubcommand {

        @Parameters(index = "0", paramLabel = "NUMBER", description = "the ticket number, check digit included")
        String number;

        @Parameters(index = "1", paramLabel = "SEVERITY", description = "1 (outage) to 4 (question)")
        String severity;

        private final TicketActions actions;
        private final String actor;

        SeverityChange(TicketActions actions, String actor) {
            super("ticketpost tickets severity");
            this.actions = actions;
            this.actor = actor;
        }

        @Override
        String work() throws Refused {
            return changed(actions.changeSeverity(number, WholeNumber.parse(spec, "SEVERITY", severity, 1, 4), actor));
        }
    }

    @Command(name = "assign", mixinStandardHelpOptions = true,
            description = "Gives a ticket to an engineer, who must be registered (engineers add) and not disabled.")
    static final class Assign extends PrintingSubcommand {

        @Parameters(index = "0", paramLabel = "NUMBER", description = "the ticket number, check digit included")
        String number;

        @Parameters(index = "1", paramLabel = "ENGINEER", description = "the engineer's name, in any case")
        String engineer;

        private final TicketActions actions;
        private final String actor;

        Assign(TicketActions actions, String actor) {
            super("ticketpost tickets assign");
            this.actions = actions;
            this.actor = actor;
        }

        @Override
        String work() throws Refused {
            TicketSummary ticket = actions.assign(number, engineer, actor).summary();
            return "ticket " + ticket.number() + " is assigned to " + ticket.assignee().orElse("?") + "\n";
        }
    }

    @Command(name = "close", mixinStandardHelpOptions = true,
            description = "Closes a ticket for good, usually a resolved one: a closed ticket takes no more mail and cannot be reopened.")
    static final class Close extends PrintingSubcommand {

        @Parameters(index = "0", paramLabel = "NUMBER", description = "the ticket number, check digit included")
        String number;

        private final TicketActions actions;
        private final String actor;

        Close(TicketActions actions, String actor) {
            super("ticketpost tickets close");
            this.actions = actions;
            this.actor = actor;
        }

        @Override
        String work() throws Refused {
            return changed(actions.close(number, actor));
        }
    }

    @Command(name = "escalate", mixinStandardHelpOptions = true,
            description = {"Escalates a Severity 1 or 2 ticket while the customer is on the phone: flags it, records the caller "
                    + "and the note in its history and mails the on-call engineers (engineers on call, and sla.notify).",
                    "Severity 3 and 4, resolved and closed tickets are refused, saying what to do instead."})
    static final class Escalate extends PrintingSubcommand {

        @Parameters(index = "0", paramLabel = "NUMBER", description = "the ticket number, check digit included")
        String number;

        @Option(names = "--phone", required = true, description = "the customer phoned in (the only way to escalate so far)")
        boolean phone;

        @Option(names = "--caller", required = true, paramLabel = "NAME", description = "who phoned")
        String caller;

        @Option(names = "--note", required = true, paramLabel = "TEXT", description = "what the caller said")
        String note;

        private final TicketActions actions;
        private final String actor;

        Escalate(TicketActions actions, String actor) {
            super("ticketpost tickets escalate");
            this.actions = actions;
            this.actor = actor;
        }

        @Override
        String work() throws Refused {
            Escalation escalation = actions.escalateByPhone(number, caller, note, actor);
            String ticket = "ticket " + escalation.ticket().summary().number() + " is escalated";
            if (escalation.told().isEmpty()) {
                return ticket + "; no one is on call to tell: put an engineer on call with `engineers on-call NAME on`,"
                        + " or set sla.notify\n";
            }
            return ticket + "; the on-call engineers' mail is in the outbox, to " + String.join(", ", escalation.told()) + "\n";
        }
    }
}
