package org.ticketpost.http.web;

import java.util.Optional;
import org.ticketpost.desk.Escalation;
import org.ticketpost.desk.TicketActions;
import org.ticketpost.ticket.Status;

/**
 * What the forms under pages/controls/ do, each one call of the desk in the signed-in engineer's
 * name, and the sentence the ticket's page then says; the desk's refusals are worded by {@link RefusalText}.
 */
final class TicketControls {

    private final TicketActions actions;

    TicketControls(TicketActions actions) {
        this.actions = actions;
    }

    void addTo(TicketForms forms) {
        forms.add("status", (number, form, engineer) -> {
            Optional<Status> next = Choice.status(form.apply("status"));
            if (next.isEmpty()) {
                return "Choose a status.";
            }
            actions.changeStatus(number, next.get(), engineer);
            return "Status changed to " + next.get().label() + ".";
        });
        forms.add("severity", (number, form, engineer) -> {
            String severity = Optional.ofNullable(form.apply("severity")).orElse("");
            if (!severity.matches("[1-4]")) {
                return "Choose a severity from 1 to 4.";
            }
            actions.changeSeverity(number, Integer.parseInt(severity), engineer);
            return "Severity changed to " + severity + ".";
        });
        forms.add("reply", (number, form, engineer) -> {
            if ("on".equals(form.apply("internal"))) {
                actions.addNote(number, engineer, form.apply("text"));
                return "Internal note added: the customer does not see it.";
            }
            actions.answer(number, engineer, form.apply("text"));
            return "Answer queued for the customer.";
        });
        forms.add("assign", (number, form, engineer) -> {
            String assignee = Optional.ofNullable(form.apply("engineer")).orElse("");
            if (assignee.isBlank()) {
                return "Choose an engineer.";
            }
            actions.assign(number, assignee, engineer);
            return "Assigned to " + assignee.strip() + ".";
        });
        forms.add("close", (number, form, engineer) -> {
            actions.close(number, engineer);
            return "Ticket closed.";
        });
        forms.add("escalate", (number, form, engineer) -> {
            Escalation escalation = actions.escalateByPhone(number, form.apply("caller"), form.apply("note"), engineer);
            return "Escalated. " + (escalation.told().isEmpty() ? "No engineer is on call: no one was told by mail."
                    : "On call, told by mail: " + String.join(", ", escalation.told()) + ".");
        });
    }
}
