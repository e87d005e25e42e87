package org.ticketpost.mail;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Recognises mail that a machine sent: auto-replies (RFC 3834 and the older conventions),
 * bulk and list mail, delivery status notifications and bounces, read receipts. Such
 * mail is recorded but never answered automatically, so that two auto-responders cannot
 * keep answering each other.
 */
final class AutomaticMail {

    /** As much of a field value as a reason quotes: enough to recognise it, not a screenful. */
    private static final int SHOWN = 40;
    private static final Set<String> BOUNCE_SENDERS = Set.of("mailer-daemon", "postmaster", "mail-daemon");
    private static final Set<String> BULK_PRECEDENCE = Set.of("bulk", "junk", "list", "auto_reply");
    private static final Set<String> AUTOREPLY_FIELDS = Set.of("x-autoreply", "x-autorespond", "x-autoreply-from",
            "x-mail-autoreply");
    private static final Set<String> REPORT_TYPES = Set.of("multipart/report", "message/delivery-status",
            "message/disposition-notification", "message/feedback-report");

    /**
     * Subjects with which auto-responders that set no header announce themselves: a keyword and a
     * colon before the original subject ("Automatic reply: ...", "Unzustellbar: ..."), or a mail
     * server's fixed bounce subject. A person's subject about the feature ("Out of office replies
     * are not sent") has no colon there, and is a support request like any other.
     */
    private static final Pattern AUTOMATIC_SUBJECT = Pattern.compile(
            "(?iu)\\s*(automatic reply|auto-?reply|autoreply|out of (the )?office( reply)?|abwesenheitsnotiz|abwesend"
                    + "|automatische antwort|undeliver(ed|able)|unzustellbar|non[- ]delivery report|delivery failure)\\s*:.*"
                    + "|\\s*(undelivered mail returned to sender|returned mail: see transcript for details"
                    + "|mail delivery failed: returning message to sender|delivery status notification \\((failure|delay)\\))\\s*");

    /** The subjects of mail servers' bounces, as opposed to auto-replies. */
    private static final Pattern BOUNCE_SUBJECT = Pattern.compile(
            "(?iu)\\s*(undeliver(ed|able)|unzustellbar|non[- ]delivery report|delivery failure)\\s*:.*"
                    + "|\\s*(undelivered mail returned to sender|returned mail: see transcript for details"
                    + "|mail delivery failed: returning message to sender|delivery status notification \\(failure\\))\\s*");

    private AutomaticMail() {
    }

    /**
     * Whether a mail server, not a person or an auto-responder, wrote it about a mail it could not
     * deliver: a bounce that does not follow RFC 3464, whose text says what happened.
     */
    static boolean looksLikeBounce(TopHeaders headers, String fromAddress, String subject) {
        String localPart = fromAddress.contains("@") ? fromAddress.substring(0, fromAddress.lastIndexOf('@')) : fromAddress;
        return headers.has("x-failed-recipients") || BOUNCE_SENDERS.contains(localPart.toLowerCase(Locale.ROOT))
                || BOUNCE_SUBJECT.matcher(subject).matches();
    }

    /** Why this mail was sent by a machine, or empty when a person sent it. */
    static Optional<String> reason(TopHeaders headers, String topMimeType, String fromAddress, String subject) {
        Optional<String> autoSubmitted = headers.keyword("auto-submitted").filter(value -> !value.equals("no"));
        if (autoSubmitted.isPresent()) {
            String value = autoSubmitted.get();
            return Optional.of("Auto-Submitted: " + (value.length() <= SHOWN ? value : value.substring(0, SHOWN) + "…"));
        }
        for (String field : AUTOREPLY_FIELDS) {
            if (headers.has(field)) {
                return Optional.of("auto-reply (" + field + " field)");
            }
        }
        Optional<String> precedence = headers.keyword("precedence").filter(BULK_PRECEDENCE::contains);
        if (precedence.isPresent()) {
            return Optional.of("Precedence: " + precedence.get());
        }
        if (REPORT_TYPES.contains(topMimeType)) {
            return Optional.of("delivery or read report (" + topMimeType + ")");
        }
        if (headers.has("x-failed-recipients")) {
            return Optional.of("bounce (X-Failed-Recipients)");
        }
        if (headers.unfolded("return-path").map(path -> path.replaceAll("\\s", "").equals("<>")).orElse(false)) {
            return Optional.of("bounce (empty Return-Path)");
        }
        String localPart = fromAddress.contains("@") ? fromAddress.substring(0, fromAddress.lastIndexOf('@')) : fromAddress;
        if (BOUNCE_SENDERS.contains(localPart.toLowerCase(Locale.ROOT))) {
            return Optional.of("bounce (from " + fromAddress + ")");
        }
        if (AUTOMATIC_SUBJECT.matcher(subject).matches()) {
            return Optional.of("auto-reply or bounce (subject)");
        }
        return Optional.empty();
    }
}
