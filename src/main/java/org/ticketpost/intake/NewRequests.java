package org.ticketpost.intake;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.ticketpost.form.FieldType;
import org.ticketpost.form.FilledForm;
import org.ticketpost.form.Problem;
import org.ticketpost.reply.AttachmentNotKept;
import org.ticketpost.reply.Correspondence;
import org.ticketpost.reply.OutgoingMail;
import org.ticketpost.ticket.ClockName;
import org.ticketpost.ticket.Message;
import org.ticketpost.ticket.Stores;
import org.ticketpost.ticket.Ticket;
import org.ticketpost.ticket.TicketClock;

/**
 * Everything else is a new request: a valid one from an allowed sender becomes a ticket and
 * gets a confirmation; any other gets a rejection that lists each problem and carries the
 * template back, filled in with what was understood. When its subject names a ticket by a
 * number whose check digit fails, the customer most likely meant to write about a ticket:
 * the answer says the number is mistyped and lists the sender's own open tickets.
 */
final class NewRequests implements IntakeStep {

    /** How a mistyped ticket number is recorded among a rejected mail's problems. */
    static final String MISTYPED_NUMBER = "mistyped_ticket_number";

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
        Optional<EmailAddress> answerTo = mail.replyAddress(key.key());
        if (form.isValid() && key.problems().isEmpty() && key.key().isPresent() && mail.from().isPresent()) {
            String severityField = rules.template().fieldOfType(FieldType.SEVERITY).name();
            Ticket ticket = new Ticket(stores.tickets().nextNumber(), mail.subject(), mail.from().get().address(),
                    key.key().get(), Integer.parseInt(form.value(severityField).orElseThrow()), form.language(),
                    form.values(), now);
            ticket.openClocks(rules.serviceLevels(), now);
            stores.tickets().add(ticket);
            stores.messages().add(records.received(mail, Message.Handling.TICKET, ticket, form.language(), now));
            answerTo.ifPresent(to -> records.confirm(rules.replies().confirmation(ticket, correspondence(mail, to, form),
                    notKept(mail), respondBy(ticket)), ticket, stores, now));
            return Optional.of(new Outcome.Opened(ticket.number()));
        }
        List<Problem> problems = form.withProblems(key.problems()).problems();
        Optional<String> mistyped = rules.tag().mistyped(mail.subject());
        Message message = records.received(mail, Message.Handling.REJECTED, null, form.language(), now);
        List<String> recorded = new ArrayList<>();
        mistyped.ifPresent(digits -> recorded.add("subject: " + MISTYPED_NUMBER + " " + digits));
        problems.forEach(problem -> recorded.add(problem.field() + ": " + problem.code().id()));
        message.recordProblems(recorded);
        stores.messages().add(message);
        boolean answered = answerTo.isPresent() && records.reject(mistyped.isPresent()
                ? mistypedNumber(mail, mistyped.get(), form, answerTo.get(), stores)
                : rules.replies().rejection(form, problems, correspondence(mail, answerTo.get(), form)), stores, now);
        return Optional.of(new Outcome.Rejected(problems, answered, mistyped));
    }

    /** A reply meant for a ticket whose number was mistyped: the answer says so rather than list every empty field. */
    private OutgoingMail mistypedNumber(InboundMail mail, String digits, FilledForm form, EmailAddress to, Stores stores) {
        return rules.replies().mistypedNumber(digits, SendersOpenTickets.of(mail.from(), to.address(), stores), form,
                correspondence(mail, to, form));
    }

    /**
     * When the first-response clock just opened runs out, in the zone of the plan's business hours,
     * where the customer's day is; around the clock the plan has no zone, and time.zone shows it.
     */
    private Optional<ZonedDateTime> respondBy(Ticket ticket) {
        return Optional.ofNullable(ticket.clocks().get(ClockName.FIRST_RESPONSE)).flatMap(TicketClock::due)
                .map(due -> due.atZone(rules.serviceLevels().of(ticket.supportKey().plan(), ticket.severity()).zone()
                        .orElse(rules.zone())));
    }

    private static List<AttachmentNotKept> notKept(InboundMail mail) {
        return mail.attachments().stream()
                .filter(attachment -> attachment.content().overLimit().isPresent())
                .map(attachment -> new AttachmentNotKept(attachment.name(), attachment.size(),
                        attachment.content().overLimit().getAsLong()))
                .toList();
    }

    static Correspondence correspondence(InboundMail mail, EmailAddress to, FilledForm form) {
        return new Correspondence(to.address(), to.name(), mail.subject(), mail.messageId(), mail.references(),
                form.language());
    }
}
