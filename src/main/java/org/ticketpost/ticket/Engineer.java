package org.ticketpost.ticket;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A support engineer's account. It keeps only hashes of the engineer's secrets: the API token's
 * and the password's, each made by whoever issues it; the secrets themselves are never stored.
 */
@Entity
@Table(name = "engineer")
public class Engineer {

    /** Letters, digits, dot, dash and underscore, starting with a letter or digit; kept in lower case. */
    public static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "engineer_id")
    @SequenceGenerator(name = "engineer_id", sequenceName = "engineer_id_seq", allocationSize = 50)
    private Long id;

    @Column(nullable = false, unique = true)
    private String name;

    @Column(nullable = false)
    private String email;

    @Column(name = "on_call", nullable = false)
    private boolean onCall;

    @Column(nullable = false)
    private boolean disabled;

    @Column(name = "token_hash", unique = true)
    private String tokenHash;

    @Column(name = "password_hash")
    private String passwordHash;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected Engineer() {
    }

    /** @param name as {@link #normalName} gives it */
    public Engineer(String name, String email, boolean onCall, Instant now) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not an engineer's name: " + name);
        }
        this.name = name;
        this.email = email;
        this.onCall = onCall;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** A name as typed, in the form it is kept and looked up in: names are the same in any case. */
    public static String normalName(String typed) {
        return typed == null ? "" : typed.strip().toLowerCase(Locale.ROOT);
    }

    /** Replaces the token hash: the token it was made from stops working at once. */
    public void replaceTokenHash(String hash, Instant now) {
        this.tokenHash = hash;
        this.updatedAt = now;
    }

    public void replacePasswordHash(String hash, Instant now) {
        this.passwordHash = hash;
        this.updatedAt = now;
    }

    public void disable(Instant now) {
        this.disabled = true;
        this.updatedAt = now;
    }

    public void enable(Instant now) {
        this.disabled = false;
        this.updatedAt = now;
    }

    public void putOnCall(boolean onCall, Instant now) {
        this.onCall = onCall;
        this.updatedAt = now;
    }

    public String name() {
        return name;
    }

    public String email() {
        return email;
    }

    public boolean isOnCall() {
        return onCall;
    }

    public boolean isDisabled() {
        return disabled;
    }

    public Optional<String> tokenHash() {
        return Optional.ofNullable(tokenHash);
    }

    public Optional<String> passwordHash() {
        return Optional.ofNullable(passwordHash);
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
