package org.ticketpost.http.web;

import io.javalin.config.RoutesConfig;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Map;
import org.ticketpost.desk.AttachmentFiles;
import org.ticketpost.desk.Engineers;
import org.ticketpost.desk.TicketActions;
import org.ticketpost.desk.TicketQueries;
import org.ticketpost.http.HttpRoutes;

/**
 * The support engineers' web page, served beside /health and /metrics: a login, the open tickets
 * with their SLA countdown, and each ticket with its mails, history, files and controls. It
 * calls the desk as the command line does, in the signed-in engineer's name.
 */
public final class EngineersPage implements HttpRoutes {

    /** What the page shows tickets with. */
    public record Settings(boolean secureCookies, ZoneId zone, Map<String, String> fieldLabels) {
        public Settings {
            fieldLabels = Map.copyOf(fieldLabels);
        }
    }

    private final LoginRoutes login;
    private final TicketListRoutes list;
    private final TicketRoutes ticket;
    private final AttachmentRoutes attachments;

    public EngineersPage(Engineers engineers, TicketQueries tickets, TicketActions actions, AttachmentFiles files,
            Settings settings, Clock clock) {
        Pages pages = new Pages();
        Sessions sessions = new Sessions(new SecureRandom(), clock);
        Guard guard = new Guard(sessions, engineers, pages);
        this.login = new LoginRoutes(engineers, sessions, new LoginThrottle(clock), new Cookies(settings.secureCookies()), pages,
                guard);
        this.list = new TicketListRoutes(tickets, pages, guard, settings.zone());
        this.ticket = new TicketRoutes(tickets, actions, engineers, pages, guard, settings.fieldLabels(), settings.zone());
        this.attachments = new AttachmentRoutes(files, pages, guard);
    }

    @Override
    public void addTo(RoutesConfig routes) {
        new StaticFiles().addTo(routes);
        login.addTo(routes);
        list.addTo(routes);
        ticket.addTo(routes);
        attachments.addTo(routes);
    }
}
