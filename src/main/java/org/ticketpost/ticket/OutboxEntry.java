package org.ticketpost.ticket;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;

/**
 * A mail waiting to be sent, and how sending it went so far: waiting (neither sent nor failed,
 * tried again from its next attempt on), sent, or failed for good.
 */
@Entity
@Table(name = "outbox")
public class OutboxEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "outbox_id")
    @SequenceGenerator(name = "outbox_id", sequenceName = "outbox_id_seq", allocationSize = 50)
    private Long id;

    @OneToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "message_id")
    private Message message;

    /** confirmation, rejection, …: which reply template made it. */
    @Column(nullable = false)
    private String kind;

    @Column(nullable = false)
    private String recipient;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "next_attempt_at", nullable = false)
    private Instant nextAttemptAt;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "sent_at")
    private Instant sentAt;

    @Column(name = "last_error")
    private String lastError;

    @Column(name = "failed_at")
    private Instant failedAt;

    protected OutboxEntry() {
    }

    public OutboxEntry(Message message, String kind, String recipient, Instant now) {
        this.message = message;
        this.kind = kind;
        this.recipient = Columns.fit(recipient, 320);
        this.createdAt = now;
        this.nextAttemptAt = now;
    }

    /**
     * Holds the mail for the sender that took it: no other sender takes it before then. Should
     * that sender end without saying how sending went, the mail is due again from then on.
     */
    public void claimUntil(Instant until) {
        this.nextAttemptAt = until;
    }

    /** The mail server took the mail. A mail sent twice (its first result lost) keeps its first time. */
    public void markSent(Instant now) {
        attempts++;
        if (sentAt == null) {
            sentAt = now;
        }
        failedAt = null;
    }

    /** Not sent this time, for a reason that may pass (the server down, a 4xx); tried again then. */
    public void markDeferred(String error, Instant nextAttempt) {
        if (sentAt != null || failedAt != null) {
            return;
        }
        attempts++;
        lastError = Columns.fit(error, 2000);
        nextAttemptAt = nextAttempt;
    }

    /** Not sent, and never tried again: refused for good, or given up after trying too long. */
    public void markFailed(String error, Instant now) {
        if (sentAt != null || failedAt != null) {
            return;
        }
        attempts++;
        lastError = Columns.fit(error, 2000);
        failedAt = now;
    }

    public long id() {
        return id;
    }

    public Message message() {
        return message;
    }

    public String kind() {
        return kind;
    }

    public String recipient() {
        return recipient;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant nextAttemptAt() {
        return nextAttemptAt;
    }

    public int attempts() {
        return attempts;
    }

    public Optional<Instant> sentAt() {
        return Optional.ofNullable(sentAt);
    }

    public Optional<Instant> failedAt() {
        return Optional.ofNullable(failedAt);
    }

    public Optional<String> lastError() {
        return Optional.ofNullable(lastError);
    }
}
