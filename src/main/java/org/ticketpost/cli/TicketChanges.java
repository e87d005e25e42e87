package org.ticketpost.cli;

import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.ticketpost.desk.Refused;
import org.ticketpost.desk.TicketActions;
import org.ticketpost.desk.TicketDetails;
import org.ticketpost.desk.TicketSummary;
import org.ticketpost.ticket.Status;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

/** `ticketpost tickets status|severity`: an engineer's changes, until the engineers' desk has its own door. */
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
}
