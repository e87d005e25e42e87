package org.ticketpost.http.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.ZoneId;
import java.util.Map;
import org.ticketpost.desk.Engineers;
import org.ticketpost.desk.Refused;
import org.ticketpost.desk.TicketActions;
import org.ticketpost.desk.TicketQueries;

/**
 * GET /tickets/{number}: one ticket, its mails and history, and a form per thing an engineer does
 * to it. Each form is a template of its own under pages/controls/ and one {@link TicketForms#add}
 * in {@link TicketControls}: the change is made in the engineer's name, and the page comes back saying what happened.
 */
final class TicketRoutes {

    private final TicketQueries tickets;
    private final TicketActions actions;
    private final Engineers engineers;
    private final Pages pages;
    private final Guard guard;
    private final Map<String, String> fieldLabels;
    private final ZoneId zone;

    TicketRoutes(TicketQueries tickets, TicketActions actions, Engineers engineers, Pages pages, Guard guard,
            Map<String, String> fieldLabels, ZoneId zone) {
        this.tickets = tickets;
        this.actions = actions;
        this.engineers = engineers;
        this.pages = pages;
        this.guard = guard;
        this.fieldLabels = Map.copyOf(fieldLabels);
        this.zone = zone;
    }

    void addTo(RoutesConfig routes) {
        routes.get("/tickets/{number}", guard.page(this::show));
        new TicketControls(actions).addTo(new TicketForms(routes, guard));
    }

    private void show(Context context, Session session) {
        String number = context.pathParam("number");
        try {
            TicketView ticket = TicketView.of(tickets.show(number), engineers.list(), fieldLabels, zone);
            Map<String, Object> model = Layout.model(session, "Ticket " + ticket.ticket().number());
            model.put("view", ticket);
            pages.render(context, HttpStatus.OK, "ticket", model);
        } catch (Refused refused) {
            Map<String, Object> model = Layout.model(session, "No such ticket");
            model.put("message", RefusalText.of(refused.refusal()));
            pages.render(context, HttpStatus.NOT_FOUND, "refused", model);
        }
    }
}
