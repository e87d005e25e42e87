package org.ticketpost.http.api;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.Header;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.ticketpost.desk.EngineerView;
import org.ticketpost.desk.Engineers;
import org.ticketpost.desk.Refusal;
import org.ticketpost.desk.Refused;
import org.ticketpost.ticket.StoreException;

/**
 * A route for signed-in engineers only: the request's bearer token (RFC 6750) names the engineer,
 * and every answer that is not a success is JSON ({@link ApiError}). A missing or wrong token is
 * 401 with WWW-Authenticate, a disabled engineer's 403. The token is never logged nor echoed.
 */
final class SignedIn implements Handler {

    private static final Logger LOG = LoggerFactory.getLogger(SignedIn.class);
    private static final String REALM = "Bearer realm=\"ticketpost\"";

    private final Engineers engineers;
    private final EngineerRequest request;

    SignedIn(Engineers engineers, EngineerRequest request) {
        this.engineers = engineers;
        this.request = request;
    }

    @Override
    public void handle(Context context) {
        Optional<String> token = bearerToken(context.header(Header.AUTHORIZATION));
        if (token.isEmpty()) {
            context.header(Header.WWW_AUTHENTICATE, REALM);
            answer(context, ApiError.unauthenticated());
            return;
        }
        try {
            EngineerView engineer = engineers.authenticate(token.get());
            request.handle(context, engineer);
        } catch (Refused refused) {
            if (refused.refusal() instanceof Refusal.Unauthenticated) {
                context.header(Header.WWW_AUTHENTICATE, REALM + ", error=\"invalid_token\"");
            }
            answer(context, ApiError.refused(refused.refusal()));
        } catch (BadRequest bad) {
            answer(context, ApiError.badRequest(bad.getMessage()));
        } catch (StoreException e) {
            LOG.warn("{} {} not answered: the database is unavailable: {}", context.method(), context.path(), e.getMessage());
            answer(context, ApiError.unavailable());
        }
    }

    /** The token of "Authorization: Bearer TOKEN", the scheme in any case; none for another scheme. */
    static Optional<String> bearerToken(String authorization) {
        if (authorization == null) {
            return Optional.empty();
        }
        String[] parts = authorization.strip().split("\\s+", 2);
        if (parts.length < 2 || !parts[0].toLowerCase(Locale.ROOT).equals("bearer")) {
            return Optional.empty();
        }
        return Optional.of(parts[1].strip());
    }

    static void answer(Context context, ApiError.Answer answer) {
        context.status(answer.status()).json(answer.body());
    }
}
