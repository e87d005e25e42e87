package org.ticketpost.http.web;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The engineers signed in to the page, by the random id their session cookie carries. Kept in
 * memory: a restart of the service signs everyone out, which costs a login and keeps no
 * session secret in the database.
 */
final class Sessions {

    /** A working day and some: an engineer signs in once a shift, not once an hour. */
    static final Duration IDLE_LIMIT = Duration.ofHours(10);

    private final Map<String, Session> signedIn = new ConcurrentHashMap<>();
    private final SecureRandom random;
    private final Clock clock;

    Sessions(SecureRandom random, Clock clock) {
        this.random = random;
        this.clock = clock;
    }

    /** A new session for the engineer, under a new id: an id known before the login is worth nothing after it. */
    Session open(String engineer) {
        Session session = new Session(token(), engineer, token(), clock.instant());
        signedIn.put(session.id(), session);
        return session;
    }

    /** The session with this id, unless it has been idle too long; using it keeps it alive. */
    Optional<Session> find(String id) {
        if (id == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        signedIn.values().removeIf(session -> session.idleSince(now).compareTo(IDLE_LIMIT) > 0);
        Session session = signedIn.get(id);
        if (session != null) {
            session.used(now);
        }
        return Optional.ofNullable(session);
    }

    void close(Session session) {
        signedIn.remove(session.id());
    }

    /** 256 random bits, URL-safe: a session id, or a form's CSRF token. */
    String token() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
