package org.ticketpost.ticket;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;

/** One entry of a ticket's history: who did what when, with the old and the new value. */
@Entity
@Table(name = "ticket_event")
public class TicketEvent {

    /** The actor of what Ticketpost does by itself. */
    public static final String SYSTEM = "ticketpost";

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "ticket_event_id")
    @SequenceGenerator(name = "ticket_event_id", sequenceName = "ticket_event_id_seq", allocationSize = 50)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "ticket_id")
    private Ticket ticket;

    @Column(nullable = false)
    private Instant at;

    @Column(nullable = false)
    private String actor;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private EventKind kind;

    @Column(name = "old_value")
    private String oldValue;

    @Column(name = "new_value")
    private String newValue;

    private String note;

    protected TicketEvent() {
    }

    TicketEvent(Ticket ticket, Instant at, String actor, EventKind kind, String oldValue, String newValue, String note) {
        this.ticket = ticket;
        this.at = at;
        this.actor = Columns.fit(actor, 320);
        this.kind = kind;
        this.oldValue = Columns.fit(oldValue, 1000);
        this.newValue = Columns.fit(newValue, 1000);
        this.note = Columns.fit(note, 2000);
    }

    public Instant at() {
        return at;
    }

    public String actor() {
        return actor;
    }

    public EventKind kind() {
        return kind;
    }

    public Optional<String> oldValue() {
        return Optional.ofNullable(oldValue);
    }

    public Optional<String> newValue() {
        return Optional.ofNullable(newValue);
    }

    public Optional<String> note() {
        return Optional.ofNullable(note);
    }
}
