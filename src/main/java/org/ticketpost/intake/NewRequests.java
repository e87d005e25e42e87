package org.ticketpost.intake;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.ticketpost.form.FieldType;
import org.ticketpost.form.FilledForm;
import org.ticketpost.form.Problem;
import org.ticketpost.reply.AttachmentNotKept;
import org.ticketpost.reply.Correspondence;
import org.ticketpost.ticket.Message;
import org.ticketpost.ticket.Stores;
import org.ticketpost.ticket.Ticket;

/**
 * Everything else is a new request: a valid one from an allowed sender becomes a ticket and
 * gets a confirmation; any other gets a rejection that lists each problem and carries the
 * template back, filled in with what was understood.
 */
final class NewRequests implements IntakeStep {

    private final IntakeRules rules;
    private final MailRecords records;

    NewRequests(IntakeRules rules, MailRecords records) {
        this.rules = rules;
        this.records = records;
    }

    @Override
    public Optional<Outcome> decide(InboundMail mail, Stores stores, Instant now) {
        FilledForm form = rules.requests().check(mail);
        KeyCheck.Verdict key = rules.keys().check(form, mail.from(), stores.keys(), LocalDate.ofInstant(now, rules.zone()));
        Optional<EmailAddress> answerTo = mail.replyTo().stream().findFirst().or(mail::from);
        if (form.isValid() && key.problems().isEmpty() && key.key().isPresent() && mail.from().isPresent()) {
            String severityField = rules.template().fieldOfType(FieldType.SEVERITY).name();
            Ticket ticket = new Ticket(stores.tickets().nextNumber(), mail.subject(), mail.from().get().address(),
                    key.key().get(), Integer.parseInt(form.value(severityField).orElseThrow()), form.language(),
                    form.values(), now);
            stores.tickets().add(ticket);
            stores.messages().add(records.received(mail, Message.Handling.TICKET, ticket, form.language(), now));
            answerTo.ifPresent(to -> records.confirm(rules.replies().confirmation(ticket, correspondence(mail, to, form),
                    notKept(mail)), ticket, stores, now));
            return Optional.of(new Outcome.Opened(ticket.number()));
        }
        List<Problem> problems = form.withProblems(key.problems()).problems();
        Message message = records.received(mail, Message.Handling.REJECTED, null, form.language(), now);
        message.recordProblems(problems.stream().map(problem -> problem.field() + ": " + problem.code().id()).toList());
        stores.messages().add(message);
        boolean answered = answerTo.isPresent()
                && records.reject(rules.replies().rejection(form, problems, correspondence(mail, answerTo.get(), form)),
                        stores, now);
        return Optional.of(new Outcome.Rejected(problems, answered));
    }

    private static List<AttachmentNotKept> notKept(InboundMail mail) {
        return mail.attachments().stream()
                .filter(attachment -> attachment.content().overLimit().isPresent())
                .map(attachment -> new AttachmentNotKept(attachment.name(), attachment.size(),
                        attachment.content().overLimit().getAsLong()))
                .toList();
    }

    private static Correspondence correspondence(InboundMail mail, EmailAddress to, FilledForm form) {
        return new Correspondence(to.address(), to.name(), mail.subject(), mail.messageId(), mail.references(),
                form.language());
    }
}
