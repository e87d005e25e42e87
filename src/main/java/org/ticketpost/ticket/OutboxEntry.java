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
import java.util.Locale;
import java.util.Optional;

/**
 * A mail waiting to be sent, and how sending it went so far: waiting (neither sent nor failed,
 * tried again from its next attempt on), sent, failed for good, or bounced: sent, and returned by
 * the recipient's mail server. An operator may have a failed or bounced mail sent again.
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

    /** The part of the recipient after its last @, in lower case: the per-domain reply limit counts by it. */
    @Column(name = "recipient_domain")
    private String recipientDomain;

    @Column(name = "recipient_name")
    private String recipientName;

    /** The envelope sender, fixed when the mail was written; null for mails written before it was kept. */
    @Column(name = "return_path")
    private String returnPath;

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

    @Column(name = "bounced_at")
    private Instant bouncedAt;

    @Column(name = "bounce_reason")
    private String bounceReason;

    @Column(name = "retried_at")
    private Instant retriedAt;

    protected OutboxEntry() {
    }

    /**
     * @param recipientName the recipient's display name, possibly empty
     * @param returnPath    the envelope sender, where the recipient's server sends a bounce
     */
    public OutboxEntry(Message message, String kind, String recipient, String recipientName, String returnPath, Instant now) {
        this.message = message;
        this.kind = kind;
        this.recipient = Columns.fit(recipient, 320);
        this.recipientDomain = Columns.fit(domainOf(recipient), 320);
        this.recipientName = recipientName == null || recipientName.isBlank() ? null : Columns.fit(recipientName, 320);
        this.returnPath = returnPath;   // an address: 320 characters at most by its own rules
        this.createdAt = now;
        this.nextAttemptAt = now;
    }

    /** The part after the last @ in lower case, as the per-domain count looks it up. */
    public static String domainOf(String address) {
        return address.substring(address.lastIndexOf('@') + 1).toLowerCase(Locale.ROOT);
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
        if (!isWaiting()) {
            return;
        }
        attempts++;
        lastError = Columns.fit(error, 2000);
        nextAttemptAt = nextAttempt;
    }

    /**
     * Not sent, and never tried again: refused for good, or given up after trying too long.
     *
     * @return false when it was no longer waiting: sent, failed or bounced by another attempt meanwhile
     */
    public boolean markFailed(String error, Instant now) {
        if (!isWaiting()) {
            return false;
        }
        attempts++;
        lastError = Columns.fit(error, 2000);
        failedAt = now;
        return true;
    }

    /**
     * The recipient's mail server sent the mail back. It is not sent again, not even when the
     * sender had not recorded it as sent yet (it ended between sending and recording).
     *
     * @return false when it had bounced already: a second report of one bounce changes nothing
     */
    public boolean markBounced(String reason, Instant now) {
        if (bouncedAt != null) {
            return false;
        }
        bouncedAt = now;
        bounceReason = Columns.fit(reason, 2000);
        return true;
    }

    /**
     * An operator asks for the mail to be sent again: a failed or bounced mail is due now, with its
     * attempts counted afresh. The last error stays until the next attempt, to say what went wrong.
     *
     * @throws IllegalStateException for a mail that is still waiting, or sent and not bounced
     */
    public void retry(Instant now) {
        if (!isFailed() && !isBounced()) {
            throw new IllegalStateException("outbox entry " + id + " is " + (sentAt != null ? "sent" : "still waiting"));
        }
        sentAt = null;
        failedAt = null;
        bouncedAt = null;
        bounceReason = null;
        attempts = 0;
        retriedAt = now;
        nextAttemptAt = now;
    }

    /** From when its attempts count: when it was written, or when an operator had it sent again. */
    public Instant attemptsSince() {
        return retriedAt != null ? retriedAt : createdAt;
    }

    public boolean isWaiting() {
        return sentAt == null && failedAt == null && bouncedAt == null;
    }

    public boolean isFailed() {
        return failedAt != null;
    }

    public boolean isBounced() {
        return bouncedAt != null;
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

    /** The recipient's display name, empty when the mail named none. */
    public String recipientName() {
        return recipientName == null ? "" : recipientName;
    }

    public Optional<String> returnPath() {
        return Optional.ofNullable(returnPath);
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

    public Optional<Instant> bouncedAt() {
        return Optional.ofNullable(bouncedAt);
    }

    public Optional<String> bounceReason() {
        return Optional.ofNullable(bounceReason);
    }

    public Optional<Instant> retriedAt() {
        return Optional.ofNullable(retriedAt);
    }
}
