package org.ticketpost.cli;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ticketpost.form.FieldSpec;
import org.ticketpost.form.FieldType;
import org.ticketpost.form.FilledForm;
import org.ticketpost.form.Problem;
import org.ticketpost.form.SupportTemplate;
import org.ticketpost.intake.EmailAddress;
import org.ticketpost.intake.InboundMail;

/**
 * check --json, one line per mail as the README documents it: the file first, then what was understood.
 *
 * @param automaticReason only where a machine sent the mail
 * @param from            the sender's address, or the From field as written when it names no readable mailbox
 * @param fields          every template field in template order: its value, or null; a severity as a number
 */
record CheckJson(String file, boolean readable, boolean valid, String language, boolean automatic,
        @JsonInclude(JsonInclude.Include.NON_ABSENT) Optional<String> automaticReason, String subject, String from,
        String fromName, Optional<String> messageId, Map<String, Object> fields, List<Problem> problems,
        List<Attachment> attachments, List<String> notes) {

    record Attachment(String name, String contentType, long size) {
    }

    /** The line for a file that is no readable mail. */
    record Unreadable(String file, boolean readable, String reason) {
        Unreadable(String file, String reason) {
            this(file, false, reason);
        }
    }

    static CheckJson of(String file, InboundMail mail, FilledForm form, SupportTemplate template) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (FieldSpec field : template.fields()) {
            String value = form.values().get(field.name());
            fields.put(field.name(), field.type() != FieldType.SEVERITY || value == null ? value
                    : value.matches("\\d{1,3}") ? Integer.valueOf(value) : null);
        }
        return new CheckJson(file, true, form.isValid(), form.language(), mail.isAutomatic(), mail.automatic(),
                mail.subject(), mail.from().map(EmailAddress::address).orElse(mail.fromText()),
                mail.from().map(EmailAddress::name).orElse(""), mail.messageId(), fields, form.problems(),
                mail.attachments().stream()
                        .map(attachment -> new Attachment(attachment.name(), attachment.contentType(), attachment.size()))
                        .toList(),
                mail.notes());
    }
}
