package org.ticketpost.mail;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.ticketpost.form.QuoteStripper;
import org.ticketpost.intake.Attachment;
import org.ticketpost.intake.EmailAddress;
import org.ticketpost.intake.InboundMail;

/** Compares what Ticketpost read of a message with what its source expects, aspect by aspect. */
final class Comparison {

    /** The names Ticketpost makes up for unnamed attachments (see FileNames). */
    private static final Pattern MADE_UP_NAME = Pattern.compile("attachment-\\d+\\.[a-z0-9]+");

    private Comparison() {
    }

    static void compare(CorpusMessage message, InboundMail mail, Expected expected, Agreement agreement) {
        expected.subject().ifPresent(subject -> agreement.record(message, "subject",
                LooseText.collapsed(mail.subject()).equals(LooseText.collapsed(subject)), subject, mail.subject()));
        expected.fromAddress().ifPresent(address -> {
            String actual = mail.from().map(EmailAddress::address).orElse("");
            agreement.record(message, "sender", actual.equals(address), address, actual);
        });
        expected.fromName().ifPresent(name -> {
            String actual = mail.from().map(EmailAddress::name).orElse("");
            agreement.record(message, "sender name", unquoted(actual).equals(unquoted(name)), name, actual);
        });
        expected.body().ifPresent(body -> {
            boolean agrees = body.whole() ? LooseText.same(mail.text(), body.text()) : LooseText.contains(mail.text(), body.text());
            agreement.record(message, "body", agrees, difference(body.text(), mail.text()));
        });
        expected.attachments().ifPresent(attachments -> {
            Expected.Attachments actual = attachments(mail, attachments);
            agreement.record(message, "attachments", agrees(actual, attachments), attachments, actual);
        });
        expected.attachmentTypes().ifPresent(types -> {
            List<String> actual = mail.attachments().stream().map(Attachment::contentType)
                    .filter(type -> !type.equals("text/plain") && !type.equals("text/html")).sorted().toList();
            agreement.record(message, "attachment types", actual.equals(types), types, actual);
        });
        expected.sentAt().ifPresent(date -> agreement.record(message, "date",
                mail.sentAt().map(date::equals).orElse(false), date, mail.sentAt().orElse(null)));
        expected.ownText().ifPresent(text -> {
            String actual = QuoteStripper.ownText(mail.text());
            agreement.record(message, "own text", LooseText.squeezed(actual).equals(LooseText.squeezed(text)), text, actual);
        });
    }

    private static boolean agrees(Expected.Attachments actual, Expected.Attachments expected) {
        if (!expected.inventsNames()) {
            return sorted(actual.names()).equals(sorted(expected.names())) && actual.unnamed() == expected.unnamed();
        }
        List<String> unmatched = new ArrayList<>(sorted(expected.names()));
        return actual.names().size() + actual.unnamed() == expected.names().size()
                && sorted(actual.names()).stream().allMatch(unmatched::remove);
    }

    /**
     * Ticketpost's attachments, those with names it made up counted as unnamed; so are attached mails
     * it named after their subject, unless the source names them so too.
     */
    private static Expected.Attachments attachments(InboundMail mail, Expected.Attachments expected) {
        List<String> names = new ArrayList<>();
        int unnamed = 0;
        for (Attachment attachment : mail.attachments()) {
            boolean namedAfterSubject = !expected.inventsNames() && attachment.contentType().equals("message/rfc822")
                    && !expected.names().contains(attachment.name());
            if (MADE_UP_NAME.matcher(attachment.name()).matches() || namedAfterSubject) {
                unnamed++;
            } else {
                names.add(attachment.name());
            }
        }
        return new Expected.Attachments(names, unnamed, false);
    }

    private static List<String> sorted(List<String> names) {
        return names.stream().map(LooseText::collapsed).sorted().toList();
    }

    private static String unquoted(String name) {
        return LooseText.collapsed(name.replaceAll("^[\"']+|[\"']+$", "")).toLowerCase(Locale.ROOT);
    }

    /** Where two texts part, in letters and digits: enough to see why a body disagrees. */
    private static String difference(String expected, String actual) {
        String e = LooseText.words(expected);
        String a = LooseText.words(actual);
        int at = 0;
        while (at < e.length() && at < a.length() && e.charAt(at) == a.charAt(at)) {
            at++;
        }
        int from = Math.max(0, at - 20);
        return String.format(Locale.ROOT, "similarity %.2f, lengths %d/%d, from character %d: expected \"%s\" actual \"%s\"",
                LooseText.similarity(a, e), e.length(), a.length(), at,
                e.substring(from, Math.min(e.length(), at + 40)), a.substring(from, Math.min(a.length(), at + 40)));
    }
}
