package org.ticketpost.http.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.ticketpost.desk.EngineerView;
import org.ticketpost.desk.Engineers;
import org.ticketpost.desk.Refusal;
import org.ticketpost.desk.Refused;

/** The login with an engineer's name and password (set with `ticketpost engineers password`), and the logout. */
final class LoginRoutes {

    private static final Logger LOG = LoggerFactory.getLogger(LoginRoutes.class);

    private final Engineers engineers;
    private final Sessions sessions;
    private final LoginThrottle throttle;
    private final Cookies cookies;
    private final Pages pages;
    private final Guard guard;

    LoginRoutes(Engineers engineers, Sessions sessions, LoginThrottle throttle, Cookies cookies, Pages pages, Guard guard) {
        this.engineers = engineers;
        this.sessions = sessions;
        this.throttle = throttle;
        this.cookies = cookies;
        this.pages = pages;
        this.guard = guard;
    }

    void addTo(RoutesConfig routes) {
        routes.get("/login", this::form);
        routes.post("/login", this::login);
        routes.post("/logout", guard.form(this::logout));
    }

    private void form(Context context) {
        if (sessions.find(context.cookie(Cookies.SESSION)).isPresent()) {
            Pages.secure(context);
            context.redirect("/tickets", HttpStatus.SEE_OTHER);
            return;
        }
        show(context, HttpStatus.OK, "", Optional.empty());
    }

    private void login(Context context) {
        String name = Optional.ofNullable(context.formParam("name")).orElse("").strip();
        if (!fromOurForm(context)) {
            show(context, HttpStatus.FORBIDDEN, name, Optional.of("The login form had expired. Please sign in again."));
            return;
        }
        Optional<Duration> wait = throttle.waitFor(name, context.ip());
        if (wait.isPresent()) {
            long minutes = Math.max(1, (wait.get().toSeconds() + 59) / 60);
            show(context, HttpStatus.TOO_MANY_REQUESTS, name, Optional.of("Too many failed logins for this name or from this address. "
                    + "Try again in " + minutes + (minutes == 1 ? " minute." : " minutes.")));
            return;
        }
        char[] password = Optional.ofNullable(context.formParam("password")).orElse("").toCharArray();
        try {
            EngineerView engineer = engineers.verifyPassword(name, password);
            throttle.succeeded(name);
            Session session = sessions.open(engineer.name());
            cookies.clear(context, Cookies.LOGIN);
            cookies.set(context, Cookies.SESSION, session.id());
            LOG.info("{} signed in to the engineers' page from {}", engineer.name(), context.ip());
            Pages.secure(context);
            context.redirect("/tickets", HttpStatus.SEE_OTHER);
        } catch (Refused refused) {
            refusedLogin(context, name, refused.refusal());
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    private void refusedLogin(Context context, String name, Refusal refusal) {
        if (refusal instanceof Refusal.Forbidden) {
            show(context, HttpStatus.FORBIDDEN, name, Optional.of("This engineer is disabled and cannot sign in."));
        } else if (refusal instanceof Refusal.Unauthenticated) {
            throttle.failed(name, context.ip());
            LOG.info("a login as '{}' from {} was refused: wrong name or password", name, context.ip());
            show(context, HttpStatus.UNAUTHORIZED, name, Optional.of("Wrong name or password."));
        } else {
            show(context, HttpStatus.SERVICE_UNAVAILABLE, name, Optional.of(RefusalText.of(refusal)));
        }
    }

    private void logout(Context context, Session session) {
        sessions.close(session);
        cookies.clear(context, Cookies.SESSION);
        Pages.secure(context);
        context.redirect("/login", HttpStatus.SEE_OTHER);
    }

    /** The login form's token matches the cookie its page set: no other site's page sent it. */
    private static boolean fromOurForm(Context context) {
        String cookie = context.cookie(Cookies.LOGIN);
        String field = context.formParam(Guard.CSRF_FIELD);
        return cookie != null && field != null
                && MessageDigest.isEqual(cookie.getBytes(StandardCharsets.UTF_8), field.getBytes(StandardCharsets.UTF_8));
    }

    private void show(Context context, HttpStatus status, String name, Optional<String> problem) {
        String token = sessions.token();
        cookies.set(context, Cookies.LOGIN, token);
        pages.render(context, status, "login", Map.of("title", "Sign in", "name", name, "csrf", token, "problem", problem.orElse("")));
    }
}
