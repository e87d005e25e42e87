package org.ticketpost.ticket;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** A customer's support key: it names the customer and the SLA plan, and who may open tickets with it. */
@Entity
@Table(name = "support_key")
public class SupportKey {

    /** Whether a sender may open a ticket with this key today, and if not, why. */
    public enum Standing { USABLE, UNKNOWN, DISABLED, EXPIRED, SENDER_NOT_ALLOWED }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "support_key_id")
    @SequenceGenerator(name = "support_key_id", sequenceName = "support_key_id_seq", allocationSize = 50)
    private Long id;

    @Column(name = "key_value", nullable = false, unique = true)
    private String keyValue;

    @Column(nullable = false)
    private String customer;

    @Column(nullable = false)
    private String plan;

    @Column(name = "valid_until")
    private LocalDate validUntil;

    @Column(nullable = false)
    private boolean disabled;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "support_key_sender", joinColumns = @JoinColumn(name = "support_key_id"))
    @Column(name = "sender", nullable = false)
    private Set<String> senders = new TreeSet<>();

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected SupportKey() {
    }

    public SupportKey(String key, String customer, String plan, Collection<SenderRule> senders, LocalDate validUntil,
            Instant now) {
        if (senders.isEmpty()) {
            throw new IllegalArgumentException("a support key needs at least one allowed sender");
        }
        this.keyValue = key;
        this.customer = customer;
        this.plan = plan;
        senders.forEach(rule -> this.senders.add(rule.rule()));
        this.validUntil = validUntil;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** Valid through the whole of its last day. */
    public Standing standingFor(String senderAddress, LocalDate today) {
        if (disabled) {
            return Standing.DISABLED;
        }
        if (validUntil != null && today.isAfter(validUntil)) {
            return Standing.EXPIRED;
        }
        return allows(senderAddress) ? Standing.USABLE : Standing.SENDER_NOT_ALLOWED;
    }

    public boolean allows(String senderAddress) {
        return senderRules().stream().anyMatch(rule -> rule.allows(senderAddress));
    }

    /** Takes the data of an import or an edit; the key itself never changes. */
    public void update(String customer, String plan, Collection<SenderRule> senders, LocalDate validUntil, Instant now) {
        this.customer = customer;
        this.plan = plan;
        this.senders.clear();
        senders.forEach(rule -> this.senders.add(rule.rule()));
        this.validUntil = validUntil;
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

    public String key() {
        return keyValue;
    }

    public String customer() {
        return customer;
    }

    public String plan() {
        return plan;
    }

    public Optional<LocalDate> validUntil() {
        return Optional.ofNullable(validUntil);
    }

    public boolean isDisabled() {
        return disabled;
    }

    public List<SenderRule> senderRules() {
        return senders.stream().sorted().map(SenderRule::new).toList();
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
