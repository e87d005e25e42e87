package org.ticketpost.cli;

import java.util.Locale;
import org.ticketpost.form.FieldSpec;
import org.ticketpost.form.FilledForm;
import org.ticketpost.form.Problem;
import org.ticketpost.form.SupportTemplate;
import org.ticketpost.intake.Attachment;
import org.ticketpost.intake.EmailAddress;
import org.ticketpost.intake.InboundMail;

/** What `ticketpost check` prints for a person; {@link CheckJson} is what it prints for a program. */
final class CheckReport {

    private CheckReport() {
    }

    static String text(String name, InboundMail mail, FilledForm form, SupportTemplate template) {
        String language = form.language();
        StringBuilder out = new StringBuilder();
        out.append(name).append(": ").append(verdict(mail, form)).append('\n');
        line(out, "From", mail.from().map(EmailAddress::toString).orElse(mail.fromText().isEmpty() ? "(none)" : mail.fromText()));
        line(out, "Subject", mail.subject().isEmpty() ? "(none)" : mail.subject());
        line(out, "Language", language.equals("de") ? "German (de)" : language.equals("en") ? "English (en)" : language);
        line(out, "Automatic", mail.automatic().map(reason -> "yes: " + reason + "; no automatic answer").orElse("no"));
        out.append('\n');
        for (FieldSpec field : template.fields()) {
            line(out, field.label(language), shown(form.values().get(field.name())));
        }
        if (!mail.attachments().isEmpty()) {
            out.append("\n  Attachments\n");
            for (Attachment attachment : mail.attachments()) {
                out.append("    ").append(attachment.name()).append("  ").append(attachment.contentType())
                        .append("  ").append(size(attachment.size())).append('\n');
            }
        }
        if (!form.problems().isEmpty()) {
            out.append("\n  Problems (").append(form.problems().size()).append(")\n");
            for (Problem problem : form.problems()) {
                out.append("    - ").append(problem.message()).append("  [").append(problem.code().id()).append("]\n");
            }
        }
        for (String note : mail.notes()) {
            out.append("\n  Note: ").append(note).append('\n');
        }
        return out.toString();
    }

    private static String verdict(InboundMail mail, FilledForm form) {
        if (mail.isAutomatic()) {
            return "sent by a machine: it would be recorded, not answered, and open no ticket";
        }
        if (form.isValid()) {
            return "valid, a ticket would be opened";
        }
        int count = form.problems().size();
        return "not valid, " + count + (count == 1 ? " problem" : " problems");
    }

    private static String shown(String value) {
        if (value == null) {
            return "-";
        }
        String[] lines = value.split("\n");
        return lines.length == 1 ? value : lines[0] + "  (+" + (lines.length - 1) + " more lines)";
    }

    private static void line(StringBuilder out, String label, String value) {
        out.append("  ").append(String.format(Locale.ROOT, "%-26s", label)).append(value).append('\n');
    }

    static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        if (bytes < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f KB", bytes / 1024.0);
        }
        return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
    }
}
