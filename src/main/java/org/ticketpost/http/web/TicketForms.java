package org.ticketpost.http.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.HttpStatus;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;
import org.ticketpost.desk.Refused;

/**
 * The forms of a ticket's page: POST /tickets/{number}/{name}, checked for the session's CSRF
 * token, done in the signed-in engineer's name, then back to the ticket (a reload sends nothing
 * twice) with what happened, or why the desk refused, as its notice.
 */
final class TicketForms {

    /** One thing an engineer does to a ticket. */
    @FunctionalInterface
    interface Change {
        /**
         * @param form     the form's fields by name; null for one it lacks
         * @param engineer who is signed in, the actor in the ticket's history
         * @return what the engineer is told on the ticket's page
         */
        String apply(String number, Function<String, String> form, String engineer) throws Refused;
    }

    private final RoutesConfig routes;
    private final Guard guard;

    TicketForms(RoutesConfig routes, Guard guard) {
        this.routes = routes;
        this.guard = guard;
    }

    void add(String name, Change change) {
        routes.post("/tickets/{number}/" + name, guard.form((context, session) -> {
            String number = context.pathParam("number");
            try {
                session.tell(change.apply(number, context::formParam, session.engineer()));
            } catch (Refused refused) {
                session.tell(RefusalText.of(refused.refusal()));
            }
            Pages.secure(context);
            context.redirect("/tickets/" + URLEncoder.encode(number, StandardCharsets.UTF_8), HttpStatus.SEE_OTHER);
        }));
    }
}
