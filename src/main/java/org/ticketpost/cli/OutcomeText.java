package org.ticketpost.cli;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.ticketpost.form.Problem;
import org.ticketpost.intake.Outcome;
import org.ticketpost.ticket.TicketNumber;

/** An intake outcome as a line for a person and as JSON for a program. */
final class OutcomeText {

    /**
     * ingest --json for a mail taken in.
     *
     * @param mistypedTicket only for a rejection about a ticket number whose check digit fails
     * @param file           the input, when there are files; none for standard input
     */
    record Taken(String outcome, Optional<TicketNumber> ticket,
            @JsonProperty("mistyped_ticket") @JsonInclude(JsonInclude.Include.NON_ABSENT) Optional<String> mistypedTicket,
            List<Problem> problems, @JsonInclude(JsonInclude.Include.NON_ABSENT) Optional<String> file) {
    }

    /**
     * ingest --json for an input that did not become an outcome.
     *
     * @param outcome "not_a_mail" (bounced) or "try_again" (nothing stored)
     */
    record NotTaken(String outcome, String reason, @JsonInclude(JsonInclude.Include.NON_ABSENT) Optional<String> file) {
    }

    private OutcomeText() {
    }

    static String line(Outcome outcome) {
        if (outcome instanceof Outcome.Opened opened) {
            return "ticket " + opened.number() + " opened";
        }
        if (outcome instanceof Outcome.FollowedUp followedUp) {
            return "added to ticket " + followedUp.number();
        }
        if (outcome instanceof Outcome.Rejected rejected && rejected.mistypedNumber().isPresent()) {
            return "rejected: the ticket number " + rejected.mistypedNumber().get() + " in the subject is mistyped; "
                    + (rejected.answered() ? "the sender is told so, with a list of their open tickets"
                    : "not answered (no address, or too many replies to it lately)");
        }
        if (outcome instanceof Outcome.Rejected rejected) {
            String problems = rejected.problems().stream()
                    .map(problem -> problem.field() + " " + problem.code().id())
                    .collect(Collectors.joining(", "));
            return "rejected (" + problems + "); " + (rejected.answered()
                    ? "the sender gets the problems by mail"
                    : "not answered (no address, or too many replies to it lately)");
        }
        if (outcome instanceof Outcome.Ignored ignored) {
            return "ignored, sent by a machine: " + ignored.reason();
        }
        return ((Outcome.Duplicate) outcome).number()
                .map(number -> "duplicate of a mail on ticket " + number + "; nothing new stored")
                .orElse("duplicate of a mail received before; nothing new stored");
    }

    /** @param file the input's name, empty for standard input */
    static Taken json(Outcome outcome, String file) {
        Optional<String> mistyped = outcome instanceof Outcome.Rejected rejected ? rejected.mistypedNumber() : Optional.empty();
        return new Taken(outcome.id(), outcome.ticket(), mistyped, outcome.problems(), named(file));
    }

    /** @param failure "not_a_mail" or "try_again"; @param file the input's name, empty for standard input */
    static NotTaken json(String failure, String reason, String file) {
        return new NotTaken(failure, reason, named(file));
    }

    private static Optional<String> named(String file) {
        return file.isEmpty() ? Optional.empty() : Optional.of(file);
    }
}
