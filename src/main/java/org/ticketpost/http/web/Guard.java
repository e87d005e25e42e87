package org.ticketpost.http.web;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HttpStatus;
import java.util.Map;
import java.util.Optional;
import org.ticketpost.desk.Engineers;
import org.ticketpost.desk.Refused;

/**
 * Lets only signed-in engineers through: a page asked for without a session goes to the login,
 * and a form sent without its session's CSRF token is refused, whatever it asks for.
 */
final class Guard {

    static final String CSRF_FIELD = "csrf";

    /** A handler that knows who is signed in. */
    @FunctionalInterface
    interface SignedIn {
        void handle(Context context, Session session) throws Exception;
    }

    private final Sessions sessions;
    private final Engineers engineers;
    private final Pages pages;

    Guard(Sessions sessions, Engineers engineers, Pages pages) {
        this.sessions = sessions;
        this.engineers = engineers;
        this.pages = pages;
    }

    Handler page(SignedIn handler) {
        return context -> {
            Optional<Session> session = sessions.find(context.cookie(Cookies.SESSION));
            if (session.isPresent() && !admitted(session.get().engineer())) {
                sessions.close(session.get());   // disabled, or removed, since signing in
                session = Optional.empty();
            }
            if (session.isEmpty()) {
                Pages.secure(context);
                context.redirect("/login", HttpStatus.SEE_OTHER);
                return;
            }
            handler.handle(context, session.get());
        };
    }

    /** Asked at each request, so that disabling an engineer ends their sessions at once. */
    private boolean admitted(String engineer) throws Refused {
        return engineers.list().stream().anyMatch(account -> account.name().equals(engineer) && !account.disabled());
    }

    Handler form(SignedIn handler) {
        return page((context, session) -> {
            if (!session.carries(context.formParam(CSRF_FIELD))) {
                pages.render(context, HttpStatus.FORBIDDEN, "refused", Map.of("title", "Form refused",
                        "message", "This form did not come from a page of your session. Reload the page and send it again."));
                return;
            }
            handler.handle(context, session);
        });
    }
}
