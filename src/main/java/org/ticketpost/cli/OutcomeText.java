package org.ticketpost.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.stream.Collectors;
import org.ticketpost.form.Problem;
import org.ticketpost.intake.Outcome;
import org.ticketpost.ticket.TicketNumber;

/** An intake outcome as a line for a person and as JSON for a program. */
final class OutcomeText {

    private static final ObjectMapper JSON = new ObjectMapper();

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

    /** For an input that did not become an outcome: "not_a_mail" (bounced) or "try_again" (nothing stored). */
    static ObjectNode json(String failure, String reason) {
        ObjectNode node = JSON.createObjectNode();
        node.put("outcome", failure);
        node.put("reason", reason);
        return node;
    }

    static ObjectNode json(Outcome outcome) {
        ObjectNode node = JSON.createObjectNode();
        node.put("outcome", outcome.id());
        node.put("ticket", outcome.ticket().map(TicketNumber::digits).orElse(null));
        if (outcome instanceof Outcome.Rejected rejected) {
            rejected.mistypedNumber().ifPresent(digits -> node.put("mistyped_ticket", digits));
        }
        ArrayNode problems = node.putArray("problems");
        for (Problem problem : outcome.problems()) {
            problems.addObject().put("field", problem.field()).put("code", problem.code().id()).put("message", problem.message());
        }
        return node;
    }
}
