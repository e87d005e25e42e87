package org.ticketpost.http.web;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.ticketpost.desk.AttachmentView;
import org.ticketpost.desk.EventView;
import org.ticketpost.desk.MessageView;
import org.ticketpost.desk.TicketDetails;
import org.ticketpost.ticket.Message;
import org.ticketpost.ticket.Status;

/** One ticket as its page shows it: every value a string the template escapes. */
record TicketView(TicketRow ticket, String reporter, String plan, List<Field> fields, List<Countdown> clocks, List<Mail> mails,
        List<Event> events, List<Choice> nextStatuses, List<Integer> otherSeverities) {

    record Field(String label, String value) {
    }

    record Mail(String direction, String at, String from, String to, String subject, String text, List<String> notes,
            List<File> files) {
    }

    /** @param href where it is downloaded; empty when its content was not kept */
    record File(String name, String contentType, String size, String href) {
    }

    record Event(String at, String actor, String what, String change, String note) {
    }

    static TicketView of(TicketDetails details, Map<String, String> labels, ZoneId zone) {
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
                IntStream.rangeClosed(1, 4).filter(severity -> severity != details.summary().severity()).boxed().toList());
    }

    private static Mail mail(String number, int index, MessageView mail, ZoneId zone) {
        List<File> files = IntStream.range(0, mail.attachments().size()).mapToObj(file -> {
            AttachmentView attachment = mail.attachments().get(file);
            return new File(attachment.name(), attachment.contentType(), size(attachment.size()),
                    attachment.stored() ? "/tickets/" + number + "/attachments/" + index + "/" + file : "");
        }).toList();
        return new Mail(mail.direction() == Message.Direction.IN ? "in" : "out", TicketRow.shown(mail.at(), zone),
                mail.from().orElse(""), String.join(", ", mail.to()), mail.subject(), mail.text(), mail.notes(), files);
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
