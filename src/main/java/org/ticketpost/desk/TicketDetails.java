package org.ticketpost.desk;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ticketpost.ticket.Message;
import org.ticketpost.ticket.Ticket;

/**
 * Everything about one ticket, read inside one transaction: usable after it has ended.
 *
 * @param plan     the SLA plan of its support key
 * @param language the customer's language, in which replies are written
 * @param fields   the template fields with a value, by name, the support key and the severity included
 * @param messages the mails received and sent, oldest first
 * @param events   its history, oldest first
 * @param clocks   its SLA clocks: first response, update, resolution, as far as its plan sets them
 */
public record TicketDetails(TicketSummary summary, String reporter, String plan, String language, Map<String, String> fields,
        List<MessageView> messages, List<EventView> events, List<ClockView> clocks) {

    public TicketDetails {
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
        messages = List.copyOf(messages);
        events = List.copyOf(events);
        clocks = List.copyOf(clocks);
    }

    static TicketDetails of(Ticket ticket, List<Message> messages, Instant now) {
        return new TicketDetails(TicketSummary.of(ticket, now), ticket.reporter(), ticket.supportKey().plan(), ticket.language(),
                ticket.fields(), messages.stream().map(MessageView::of).toList(),
                ticket.events().stream().map(EventView::of).toList(),
                ticket.clocks().entrySet().stream().map(clock -> ClockView.of(clock.getKey(), clock.getValue(), now)).toList());
    }
}
