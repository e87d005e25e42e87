package org.ticketpost.http.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.ticketpost.desk.Refused;
import org.ticketpost.desk.TicketQueries;
import org.ticketpost.ticket.Status;

/**
 * GET /tickets: the open tickets, those escalated by phone first, then the nearest SLA due time,
 * as `ticketpost tickets list` sorts them, with its filters.
 */
final class TicketListRoutes {

    private final TicketQueries tickets;
    private final Pages pages;
    private final Guard guard;
    private final ZoneId zone;

    TicketListRoutes(TicketQueries tickets, Pages pages, Guard guard, ZoneId zone) {
        this.tickets = tickets;
        this.pages = pages;
        this.guard = guard;
        this.zone = zone;
    }

    void addTo(RoutesConfig routes) {
        routes.get("/", guard.page((context, session) -> {
            Pages.secure(context);
            context.redirect("/tickets", HttpStatus.SEE_OTHER);
        }));
        routes.get("/tickets", guard.page(this::list));
    }

    private void list(Context context, Session session) throws Refused {
        TicketFilter filter = TicketFilter.from(context);
        List<TicketRow> rows = tickets.list(filter.query()).stream().map(ticket -> TicketRow.of(ticket, zone)).toList();
        Map<String, Object> model = new HashMap<>(Layout.model(session, "Open tickets"));
        model.put("tickets", rows);
        model.put("filter", filter);
        model.put("statuses", Arrays.stream(Status.values()).map(Choice::of).toList());
        model.put("dueChoices", TicketFilter.DUE_WITHIN_HOURS);
        model.put("zone", zone.getId());
        pages.render(context, HttpStatus.OK, "tickets", model);
    }
}
