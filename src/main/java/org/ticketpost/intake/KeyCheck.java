package org.ticketpost.intake;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.ticketpost.form.FieldSpec;
import org.ticketpost.form.FieldType;
import org.ticketpost.form.FilledForm;
import org.ticketpost.form.FormCheck;
import org.ticketpost.form.Problem;
import org.ticketpost.form.SupportTemplate;
import org.ticketpost.ticket.SupportKey;
import org.ticketpost.ticket.SupportKeyRepository;

/**
 * Checks a request's support key against the registry: registered, enabled, not expired, and
 * allowed to this sender; and no key allows a sender whose mail the receiving server could not
 * authenticate ({@link SenderAuthenticity}).
 */
public final class KeyCheck {

    /** The key, when the request may use it, and otherwise what is wrong with it. */
    public record Verdict(Optional<SupportKey> key, List<Problem> problems) {
    }

    /** A longer address is cut where a problem message quotes it. */
    private static final int SHOWN_ADDRESS = 100;

    private final SupportTemplate template;
    private final FieldSpec keyField;
    private final FormCheck form;

    public KeyCheck(SupportTemplate template, FormCheck form) {
        this.template = template;
        this.keyField = template.fieldOfType(FieldType.KEY);
        this.form = form;
    }

    /**
     * The problem of a mail whose From address the receiving mail server could not authenticate,
     * with what its results lacked as the value; none where it could, where the mail names no From
     * address, or where mail.authserv-id is not set.
     */
    public Optional<Problem> unauthenticatedSender(InboundMail mail, String language) {
        return SenderAuthenticity.failure(mail).map(reason -> {
            String address = mail.from().orElseThrow().address();
            String shown = address.length() <= SHOWN_ADDRESS ? address : address.substring(0, SHOWN_ADDRESS - 1) + "…";
            return new Problem("from", Problem.Code.SENDER_NOT_AUTHENTICATED, reason,
                    template.problemText(Problem.Code.SENDER_NOT_AUTHENTICATED, language).replace("{value}", shown));
        });
    }

    /** A form whose key field has its own problem (missing, malformed) is not looked up. */
    public Verdict check(FilledForm request, Optional<EmailAddress> sender, SupportKeyRepository keys, LocalDate today) {
        boolean keyFieldOk = request.problems().stream().noneMatch(problem -> problem.field().equals(keyField.name()));
        Optional<String> written = request.value(keyField.name());
        if (!keyFieldOk || written.isEmpty()) {
            return new Verdict(Optional.empty(), List.of());
        }
        Optional<SupportKey> key = keys.find(written.get());
        SupportKey.Standing standing = key
                .map(found -> found.standingFor(sender.map(EmailAddress::address).orElse(""), today))
                .orElse(SupportKey.Standing.UNKNOWN);
        Problem.Code code = switch (standing) {
            case USABLE -> null;
            case UNKNOWN -> Problem.Code.UNKNOWN_KEY;
            case DISABLED -> Problem.Code.DISABLED_KEY;
            case EXPIRED -> Problem.Code.EXPIRED_KEY;
            case SENDER_NOT_ALLOWED -> Problem.Code.SENDER_NOT_ALLOWED;
        };
        if (code == null) {
            return new Verdict(key, List.of());
        }
        return new Verdict(Optional.empty(), List.of(form.problem(keyField, code, written.get(), request.language())));
    }
}
