package org.ticketpost.http.web;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.ticketpost.desk.AttachmentView;
import org.ticketpost.desk.EngineerView;
import org.ticketpost.desk.EventView;
import org.ticketpost.desk.MessageView;
import org.ticketpost.desk.TicketDetails;
import org.ticketpost.desk.TicketSummary;
import org.ticketpost.ticket.EventKind;
import org.ticketpost.ticket.Message;
import org.ticketpost.ticket.Status;

/**
 * One ticket as its page shows it: every value a string the template escapes.
 *
 * @param escalation   when, by whom and from whose call it was escalated; none when it was not
 * @param escalable    whether the desk would take a phone escalation now: open, Severity 1 or 2, not escalated yet
 * @param assignable   the enabled engineers it can go to, its assignee left out
 */
record TicketView(TicketRow ticket, String reporter, String plan, List<Field> fields, List<Countdown> clocks, List<Mail> mails,
        List<Event> events, List<Choice> nextStatuses, List<Integer> otherSeverities, Optional<Escalated> escalation,
        boolean escalable, List<String> assignable) {

    record Escalated(String at, String by, String call) {
    }

    record Field(String label, String value) {
    }

    /** @param direction "in", "out", or "internal" for a note the customer never sees; @param author who wrote an answer or a note */
    record Mail(String direction, String at, String from, String to, String subject, String text, List<String> notes,
            List<File> files, String author) {
    }

    /** @param href where it is downloaded; empty when its content was not kept */
    record File(String name, String contentType, String size, String href) {
    }

    record Event(String at, String actor, String what, String change, String note) {
    }

    static TicketView of(TicketDetails details, List<EngineerView> engineers, Map<String, String> labels, ZoneId zone) {
        String number = details.summary().number().toString();
        List<Field> fields = new ArrayList<>();
        details.fields().forEach((name, value) -> fields.add(new Field(labels.getOrDefault(name, name), value)));
        List<Mail> mails = IntStream.range(0, details.messages().size())
                .mapToObj(index -> mail(number, index, details.messages().get(index), zone)).toList();
        Status status = details.summary().status();
        return new TicketView(TicketRow.of(details.summary(), zone), details.reporter(), details.plan(), fields,
                details.clocks().stream().map(Countdown::of).toList(), mails,
                details.events().stream().map(event -> event(event, zone)).toList(),
                Arrays.stream(Status.values()).filter(status::canBecome).map(Choice::of).toList(),
                IntStream.rangeClosed(1, 4).filter(severity -> severity != details.summary().severity()).boxed().toList(),
                escalation(details, zone), escalable(details.summary()), assignable(details.summary(), engineers));
    }

    /** The desk's rule (TicketActions.escalateByPhone), asked before offering the form; the desk still decides. */
    private static boolean escalable(TicketSummary ticket) {
        return ticket.status().isOpen() && ticket.severity() <= 2 && ticket.escalated().isEmpty();
    }

    private static Optional<Escalated> escalation(TicketDetails details, ZoneId zone) {
        return details.summary().escalated().map(at -> details.events().stream()
                .filter(event -> event.kind() == EventKind.ESCALATED).reduce((first, last) -> last)
                .map(event -> new Escalated(TicketRow.shown(at, zone), event.actor(), event.newValue().orElse("")))
                .orElse(new Escalated(TicketRow.shown(at, zone), "", "")));
    }

    private static List<String> assignable(TicketSummary ticket, List<EngineerView> engineers) {
        return engineers.stream().filter(engineer -> !engineer.disabled()).map(EngineerView::name)
                .filter(name -> !ticket.assignee().orElse("").equals(name)).toList();
    }

    private static Mail mail(String number, int index, MessageView mail, ZoneId zone) {
        List<File> files = IntStream.range(0, mail.attachments().size()).mapToObj(file -> {
            AttachmentView attachment = mail.attachments().get(file);
            return new File(attachment.name(), attachment.contentType(), size(attachment.size()),
                    attachment.stored() ? "/tickets/" + number + "/attachments/" + index + "/" + file : "");
        }).toList();
        String direction = mail.internal() ? "internal" : mail.direction() == Message.Direction.IN ? "in" : "out";
        return new Mail(direction, TicketRow.shown(mail.at(), zone), mail.from().orElse(""), String.join(", ", mail.to()),
                mail.subject(), mail.text(), mail.notes(), files, mail.author().orElse(""));
    }

    private static Event event(EventView event, ZoneId zone) {
        String change = event.oldValue().isPresent() || event.newValue().isPresent()
                ? event.oldValue().orElse("-") + " → " + event.newValue().orElse("-") : "";
        return new Event(TicketRow.shown(event.at(), zone), event.actor(),
                event.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '), change, event.note().orElse(""));
    }

    private static String size(long bytes) {
        return bytes < 1024 ? bytes + " B" : bytes < 1024 * 1024 ? (bytes / 1024) + " KB" : (bytes / (1024 * 1024)) + " MB";
    }
}
