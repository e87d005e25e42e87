package org.ticketpost.json;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ticketpost.desk.AttachmentView;
import org.ticketpost.desk.ClockView;
import org.ticketpost.desk.EventView;
import org.ticketpost.desk.MessageView;
import org.ticketpost.desk.TicketDetails;
import org.ticketpost.desk.TicketSummary;
import org.ticketpost.ticket.EventKind;
import org.ticketpost.ticket.Message;

/**
 * One ticket as every door writes it (tickets show --json, GET /api/tickets/{number}), as the
 * README documents it: the keys of a list's summaries, then the rest. A list's summaries are
 * written as they are.
 */
public record TicketJson(@JsonUnwrapped TicketSummary summary, String reporter, String plan, String language,
        Map<String, String> fields, List<Mail> messages, List<Event> events, List<ClockView> clocks) {

    public static TicketJson of(TicketDetails ticket) {
        return new TicketJson(ticket.summary(), ticket.reporter(), ticket.plan(), ticket.language(), ticket.fields(),
                ticket.messages().stream().map(Mail::of).toList(), ticket.events().stream().map(Event::of).toList(), ticket.clocks());
    }

    /**
     * @param from     "" when the mail named no sender; @param to the recipients, separated by ", "
     * @param author   the engineer who wrote an answer or a note
     * @param internal a note for engineers, never sent
     */
    public record Mail(Message.Direction direction, Instant at, String from, String to, String subject, Optional<String> messageId,
            String text, List<String> notes, List<AttachmentView> attachments, Optional<String> author, boolean internal) {

        static Mail of(MessageView mail) {
            return new Mail(mail.direction(), mail.at(), mail.from().orElse(""), String.join(", ", mail.to()), mail.subject(),
                    mail.messageId(), mail.text(), mail.notes(), mail.attachments(), mail.author(), mail.internal());
        }
    }

    public record Event(Instant at, String actor, EventKind kind, @JsonProperty("old") Optional<String> oldValue,
            @JsonProperty("new") Optional<String> newValue, Optional<String> note) {

        static Event of(EventView event) {
            return new Event(event.at(), event.actor(), event.kind(), event.oldValue(), event.newValue(), event.note());
        }
    }
}
