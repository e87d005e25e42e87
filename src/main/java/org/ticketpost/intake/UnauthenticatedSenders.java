package org.ticketpost.intake;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ticketpost.form.FilledForm;
import org.ticketpost.form.Problem;
import org.ticketpost.ticket.Message;
import org.ticketpost.ticket.Stores;

/**
 * Mail whose From address the receiving mail server could not authenticate, where
 * mail.authserv-id names that server, comes from a sender no key allows: anyone may have written
 * it in a customer's name, so it opens no ticket and adds nothing to one. The answer goes to the
 * From address, never a Reply-To, and says why; it carries the template blank, so that nothing
 * of the mail but its subject goes back to an address that most likely did not write it.
 */
final class UnauthenticatedSenders implements IntakeStep {

    private final IntakeRules rules;
    private final MailRecords records;

    UnauthenticatedSenders(IntakeRules rules, MailRecords records) {
        this.rules = rules;
        this.records = records;
    }

    @Override
    public Optional<Outcome> decide(InboundMail mail, Stores stores, Instant now) {
        if (SenderAuthenticity.failure(mail).isEmpty()) {
            return Optional.empty();
        }
        String language = rules.requests().check(mail).language();
        Problem problem = rules.keys().unauthenticatedSender(mail, language).orElseThrow();
        Message message = records.received(mail, Message.Handling.REJECTED, null, language, now);
        message.recordProblems(List.of(problem.field() + ": " + problem.code().id() + " (" + problem.value() + ")"));
        stores.messages().add(message);
        FilledForm blank = new FilledForm(language, Map.of(), List.of(problem));
        Optional<EmailAddress> answerTo = mail.replyAddress(Optional.empty());
        boolean answered = answerTo.isPresent() && records.reject(rules.replies().rejection(blank, List.of(problem),
                NewRequests.correspondence(mail, answerTo.get(), blank)), stores, now);
        return Optional.of(new Outcome.Rejected(List.of(problem), answered));
    }
}
