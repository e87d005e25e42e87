package org.ticketpost.reply;

import java.security.SecureRandom;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.ticketpost.form.FieldSpec;
import org.ticketpost.form.FilledForm;
import org.ticketpost.form.Problem;
import org.ticketpost.form.SupportTemplate;
import org.ticketpost.ticket.ClockName;
import org.ticketpost.ticket.Engineer;
import org.ticketpost.ticket.SlaAlert;
import org.ticketpost.ticket.Ticket;
import org.ticketpost.ticket.TicketTag;

/** Writes Ticketpost's automatic mails from the templates, in the customer's language. */
public final class ReplyComposer {

    private static final int SUBJECT_LENGTH = 200;
    /** A listed ticket takes one line of a mail. */
    private static final int LISTED_SUBJECT_LENGTH = 60;
    private static final Pattern REPLY_PREFIX = Pattern.compile("^(re|aw|antw):\\s*", Pattern.CASE_INSENSITIVE);
    private static final Pattern REPLY_OR_FORWARD_PREFIXES = Pattern.compile("^((re|aw|antw|fwd?|wg):\\s*)+", Pattern.CASE_INSENSITIVE);
    private static final Pattern LINE_BREAKS = Pattern.compile("[\\r\\n\\t]+");
    private static final Pattern SPACES = Pattern.compile(" {2,}");
    /** Compact, for engineers; the zone's short name in their language ("CET", "MEZ"). */
    private static final DateTimeFormatter DUE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm zzz", Locale.ROOT);
    private static final SecureRandom RANDOM = new SecureRandom();

    /** The templates of the notices a change of status sends the customer. */
    public static final List<String> STATUS_NOTICES = List.of("status-waiting", "status-resolved");


    private final ReplyTemplates templates;
    private final SupportTemplate supportTemplate;
    private final Sender sender;
    private final TicketTag tag;
    private final Optional<String> hotline;

    public ReplyComposer(ReplyTemplates templates, SupportTemplate supportTemplate, Sender sender, TicketTag tag,
            Optional<String> hotline) {
        this.templates = templates;
        this.supportTemplate = supportTemplate;
        this.sender = sender;
        this.tag = tag;
        this.hotline = hotline;
    }

    /**
     * A confirmation repeats the fields the support template marks {@code confirmed}, names each
     * attachment that was not kept, with the limit, and gives Severity 1 and 2 the hotline where
     * support.hotline is set.
     *
     * @param respondBy when the first-response target runs out, in the zone the customer reads it in;
     *                  none where the plan sets no such target, and the mail names no time
     */
    public OutgoingMail confirmation(Ticket ticket, Correspondence mail, List<AttachmentNotKept> notKept,
            Optional<ZonedDateTime> respondBy) {
        String language = mail.language();
        Map<String, Object> model = base(mail);
        model.put("tag", tag.of(ticket.number()));
        model.put("number", ticket.number().digits());
        model.put("subject", withoutReplyPrefixes(headerSafe(mail.subject())));
        List<Map<String, String>> fields = new ArrayList<>();
        Map<String, String> values = ticket.fields();
        for (FieldSpec field : supportTemplate.fields()) {
            if (field.confirmed() && values.containsKey(field.name())) {
                fields.add(Map.of("label", field.label(language), "value", values.get(field.name())));
            }
        }
        model.put("fields", fields);
        model.put("respondBy", respondBy.map(due -> DateText.of(due, language)).orElse(null));
        model.put("hotline", ticket.severity() <= 2 ? hotline.orElse(null) : null);
        model.put("notKept", notKept.isEmpty() ? null : Map.of(
                "limit", FileSize.of(notKept.get(0).limit(), language),
                "files", notKept.stream().map(file -> Map.of("name", headerSafe(file.name()),
                        "size", FileSize.of(file.size(), language))).toList()));
        return mail("confirmation", mail, model, ticket.number().digits());
    }

    /** A rejection lists every problem and carries the template back, filled in with what was understood. */
    public OutgoingMail rejection(FilledForm form, List<Problem> problems, Correspondence mail) {
        Map<String, Object> model = base(mail);
        model.put("subject", echoedSubject(mail));
        model.put("problems", problems.stream().map(Problem::message).toList());
        model.put("template", prefilledTemplate(form, mail.language()).strip());
        model.put("shortened", isShortened(form) ? true : null);
        return mail("rejection", mail, model, "r");
    }

    /**
     * The answer to a mail whose subject names a ticket by a number that fails its check digit: it
     * says so and lists the sender's open tickets, instead of a rejection listing every field of a
     * template the customer never meant to fill in; the template still follows, for a new request.
     *
     * @param ownTickets only tickets the recipient is a participant of: their subjects are shown
     */
    public OutgoingMail mistypedNumber(String digits, List<Ticket> ownTickets, FilledForm form, Correspondence mail) {
        Map<String, Object> model = base(mail);
        model.put("subject", echoedSubject(mail));
        model.put("number", digits);
        model.put("tickets", ownTickets.stream().map(ticket -> Map.of("tag", tag.of(ticket.number()),
                "subject", Echo.cut(withoutReplyPrefixes(headerSafe(ticket.subject())), LISTED_SUBJECT_LENGTH))).toList());
        model.put("hasTickets", !ownTickets.isEmpty());
        model.put("template", prefilledTemplate(form, mail.language()).strip());
        model.put("shortened", isShortened(form) ? true : null);
        return mail("mistyped-number", mail, model, "r");
    }

    /**
     * An engineer's answer to the customer: the engineer's text in the template of the customer's
     * language, on the thread of the customer's mail, its subject tagged like the confirmation's.
     *
     * @param thread the customer's latest mail on the ticket; its subject is the ticket's
     */
    public OutgoingMail answer(Ticket ticket, Correspondence thread, String text, String engineer) {
        Map<String, Object> model = aboutTicket(ticket, thread);
        model.put("text", text.strip());
        model.put("engineer", engineer);
        return mail("answer", thread, model, ticket.number().digits());
    }

    /**
     * Tells the customer that the ticket waits for them, or that it is resolved: status-waiting or
     * status-resolved, as {@link #STATUS_NOTICES} names them.
     */
    public OutgoingMail statusNotice(String kind, Ticket ticket, Correspondence thread) {
        if (!STATUS_NOTICES.contains(kind)) {
            throw new IllegalArgumentException("no status notice " + kind);
        }
        return mail(kind, thread, aboutTicket(ticket, thread), ticket.number().digits());
    }

    /** Tells the customer that the ticket's severity changed, and from what. */
    public OutgoingMail severityNotice(Ticket ticket, int before, Correspondence thread) {
        Map<String, Object> model = aboutTicket(ticket, thread);
        model.put("before", before);
        model.put("severity", ticket.severity());
        return mail("severity-changed", thread, model, ticket.number().digits());
    }

    /**
     * Tells an on-call engineer, or for an update reminder the ticket's assignee, of an SLA warning or breach: which ticket (number, severity,
     * customer, subject), which clock, and when it is or was due, in the service's time zone. The
     * update clock's warning on an outage is the reminder that the customer's next update is due.
     *
     * @param language the on-call engineers' (the setting language), not the customer's
     */
    public OutgoingMail slaAlert(Ticket ticket, SlaAlert alert, String recipient, ZoneId zone, String language) {
        return slaAlert(ticket, alert, recipient, false, zone, language);
    }

    /** @param toAssignee whether the recipient is the ticket's assignee, whom the mail says so, rather than one on call */
    public OutgoingMail slaAlert(Ticket ticket, SlaAlert alert, String recipient, boolean toAssignee, ZoneId zone,
            String language) {
        Map<String, Object> model = new LinkedHashMap<>();
        boolean reminder = !alert.breach() && alert.clock() == ClockName.UPDATE;
        model.put("tag", tag.of(ticket.number()));
        model.put("number", ticket.number().digits());
        model.put("severity", ticket.severity());
        model.put("customer", headerSafe(ticket.customer()));
        model.put("subject", Echo.cut(withoutReplyPrefixes(headerSafe(ticket.subject())), LISTED_SUBJECT_LENGTH));
        model.put("clock", ClockWords.of(alert.clock(), language));
        model.put("due", DUE.withLocale(Locale.forLanguageTag(language)).format(alert.due().atZone(zone)));
        model.put("left", SlaAlert.inWords(alert.left()));
        model.put("percent", alert.percentUsed());
        model.put("reminder", reminder ? true : null);
        model.put("warning", !alert.breach() && !reminder ? true : null);
        model.put("breach", alert.breach() ? true : null);
        model.put("assignee", toAssignee ? true : null);
        ReplyTemplates.Text text = templates.render("sla-alert", language, model);
        String subject = headerSafe(text.subject());
        return new OutgoingMail("sla-" + (alert.breach() ? "breach" : "warning"), sender.address(), sender.name(), recipient, "",
                subject.length() <= SUBJECT_LENGTH ? subject : subject.substring(0, SUBJECT_LENGTH), text.body(), newMessageId("sla"),
                sender.returnPath().newAddress(), List.of(), List.of(), language);
    }

    /**
     * Tells an on-call engineer that a customer phoned in about a Severity 1 or 2 ticket: which
     * ticket, who called and what they said, and which engineer took the call, at a time in the
     * service's time zone.
     */
    public OutgoingMail phoneEscalation(Ticket ticket, PhoneCall call, String recipient, ZoneId zone, String language) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("tag", tag.of(ticket.number()));
        model.put("number", ticket.number().digits());
        model.put("severity", ticket.severity());
        model.put("status", ticket.status().label());
        model.put("customer", headerSafe(ticket.customer()));
        model.put("subject", Echo.cut(withoutReplyPrefixes(headerSafe(ticket.subject())), LISTED_SUBJECT_LENGTH));
        model.put("assignee", ticket.assignee().map(Engineer::name).orElse("nobody yet"));
        model.put("caller", headerSafe(call.caller()));
        model.put("engineer", headerSafe(call.engineer()));
        model.put("at", DUE.withLocale(Locale.forLanguageTag(language)).format(call.at().atZone(zone)));
        model.put("note", call.note().strip());
        ReplyTemplates.Text text = templates.render("escalation", language, model);
        String subject = headerSafe(text.subject());
        return new OutgoingMail("escalation", sender.address(), sender.name(), recipient, "",
                subject.length() <= SUBJECT_LENGTH ? subject : subject.substring(0, SUBJECT_LENGTH), text.body(),
                newMessageId("escalation"), sender.returnPath().newAddress(), List.of(), List.of(), language);
    }

    /**
     * The template with each value read from the mail (normalised where it is valid, as written where
     * it is not), long ones shortened ({@link Echo}), and the prompts where none was found.
     */
    String prefilledTemplate(FilledForm form, String language) {
        Map<String, Object> values = new HashMap<>();
        for (FieldSpec field : supportTemplate.fields()) {
            values.put(field.name(), form.value(field.name()).map(value -> Echo.value(field, value)).orElse(field.prompt(language)));
        }
        return templates.fill("support-template", language, values);
    }

    private boolean isShortened(FilledForm form) {
        return supportTemplate.fields().stream()
                .anyMatch(field -> form.value(field.name()).filter(value -> Echo.isCut(field, value)).isPresent());
    }

    private static String echoedSubject(Correspondence mail) {
        return Echo.cut(REPLY_PREFIX.matcher(headerSafe(mail.subject())).replaceFirst(""), Echo.SUBJECT_LENGTH);
    }

    private Map<String, Object> aboutTicket(Ticket ticket, Correspondence thread) {
        Map<String, Object> model = base(thread);
        model.put("tag", tag.of(ticket.number()));
        model.put("number", ticket.number().digits());
        String tagged = tag.of(ticket.number());   // the template puts it first, once
        model.put("subject", headerSafe(withoutReplyPrefixes(headerSafe(thread.subject())).replace(tagged, "")));
        return model;
    }

    private Map<String, Object> base(Correspondence mail) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("name", mail.recipientName().isBlank() ? null : Echo.cut(headerSafe(mail.recipientName()), Echo.NAME_LENGTH));
        return model;
    }

    private OutgoingMail mail(String kind, Correspondence mail, Map<String, Object> model, String idPart) {
        ReplyTemplates.Text text = templates.render(kind, mail.language(), model);
        String subject = headerSafe(text.subject());
        return new OutgoingMail(kind, sender.address(), sender.name(), mail.recipient(), mail.recipientName(),
                subject.length() <= SUBJECT_LENGTH ? subject : subject.substring(0, SUBJECT_LENGTH),
                text.body(), newMessageId(idPart), sender.returnPath().newAddress(), mail.messageId().stream().toList(), mail.answerReferences(),
                mail.language());
    }

    private static String withoutReplyPrefixes(String subject) {
        return REPLY_OR_FORWARD_PREFIXES.matcher(subject).replaceFirst("");
    }

    private String newMessageId(String idPart) {
        return "ticketpost." + idPart + "." + Long.toString(RANDOM.nextLong() & Long.MAX_VALUE, 36) + "@" + sender.domain();
    }

    /**
     * Text from a mail that becomes one line of ours: the subject, which could forge header fields
     * with a CR or LF, or a name, a file name or a ticket's subject in a line of the body.
     */
    static String headerSafe(String text) {
        return SPACES.matcher(LINE_BREAKS.matcher(text).replaceAll(" ")).replaceAll(" ").strip();
    }
}
