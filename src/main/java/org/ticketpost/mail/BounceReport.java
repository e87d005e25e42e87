package org.ticketpost.mail;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ticketpost.intake.Bounce;
import org.ticketpost.intake.EmailAddress;

/**
 * Reads a bounce: a delivery status notification (RFC 3464) by its status fields, where a
 * recipient's Action is failed; else a mail server's bounce in its own words (Exim, qmail, old
 * sendmail), by who sent it and a permanent SMTP reply (5xx) in its text. A delay warning, a
 * report of success and an auto-reply are no bounce.
 */
final class BounceReport {

    /** The fields a bounce is delivered by: a return path of one mail's own shows up in one of them. */
    private static final List<String> ADDRESSED_TO = List.of("to", "delivered-to", "x-original-to", "envelope-to");
    /** "550 5.1.1 …" at the start of a line (Exim), after "<<<" (sendmail) or after "said:" (qmail, Postfix's text). */
    private static final Pattern PERMANENT_REPLY = Pattern.compile("(?m)(?:^[ \\t]*(?:<<<[ \\t]*)?|said:[ \\t]*)(5\\d\\d[ -]\\S.*)$");
    private static final Pattern MESSAGE_ID_LINE = Pattern.compile("(?im)^[ \\t>]*message-id:[ \\t]*<([^<>\\s]+)>");
    private static final int IDS = 10;

    private BounceReport() {
    }

    static Optional<Bounce> read(TopHeaders headers, ReportParts report, String fromAddress, String subject, String text) {
        if (report.hasStatus()) {
            return report.failures().stream().findFirst()
                    .map(failure -> new Bounce(failure.recipient(), failure.reason(), returnedIds(report, text),
                            addressedTo(headers)));
        }
        if (!AutomaticMail.looksLikeBounce(headers, fromAddress, subject)) {
            return Optional.empty();
        }
        Matcher reply = PERMANENT_REPLY.matcher(text);
        if (!reply.find()) {
            return Optional.empty();
        }
        Optional<String> recipient = headers.all("x-failed-recipients").stream()
                .flatMap(value -> Mailboxes.in(value).stream()).map(EmailAddress::address).findFirst();
        return Optional.of(new Bounce(recipient, DeliveryStatus.cut(reply.group(1)), returnedIds(report, text),
                addressedTo(headers)));
    }

    /** Of the returned mail or its header first; then those written in the text, where a bounce quotes the header. */
    private static List<String> returnedIds(ReportParts report, String text) {
        Set<String> ids = new LinkedHashSet<>(report.returnedIds());
        Matcher id = MESSAGE_ID_LINE.matcher(text);
        while (id.find() && ids.size() < IDS) {
            ids.add(id.group(1));
        }
        return ids.stream().limit(IDS).toList();
    }

    private static List<String> addressedTo(TopHeaders headers) {
        return ADDRESSED_TO.stream().flatMap(field -> headers.all(field).stream())
                .flatMap(value -> Mailboxes.in(value).stream()).map(EmailAddress::address).distinct().toList();
    }
}
