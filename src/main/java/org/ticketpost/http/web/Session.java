package org.ticketpost.http.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * An engineer signed in to the page: who, the token every form of theirs carries, and a notice
 * to show on the next page, such as why a change was refused.
 */
final class Session {

    private final String id;
    private final String engineer;
    private final String csrfToken;
    private volatile Instant lastUsed;
    private volatile String notice;

    Session(String id, String engineer, String csrfToken, Instant now) {
        this.id = id;
        this.engineer = engineer;
        this.csrfToken = csrfToken;
        this.lastUsed = now;
    }

    String id() {
        return id;
    }

    /** The engineer's name, as the ticket's history records their changes. */
    String engineer() {
        return engineer;
    }

    String csrfToken() {
        return csrfToken;
    }

    /** Whether a form came from a page of this session; compared in constant time. */
    boolean carries(String formToken) {
        return formToken != null && MessageDigest.isEqual(csrfToken.getBytes(StandardCharsets.UTF_8),
                formToken.getBytes(StandardCharsets.UTF_8));
    }

    void tell(String text) {
        notice = text;
    }

    /** The notice, once: a reload does not show it again. */
    Optional<String> takeNotice() {
        String text = notice;
        notice = null;
        return Optional.ofNullable(text);
    }

    Duration idleSince(Instant now) {
        return Duration.between(lastUsed, now);
    }

    void used(Instant now) {
        lastUsed = now;
    }
}
