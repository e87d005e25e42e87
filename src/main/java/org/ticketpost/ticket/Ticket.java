package org.ticketpost.ticket;

import jakarta.persistence.CascadeType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.MapKeyEnumerated;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** A customer's support request, with its template fields, its status and its history. */
@Entity
@Table(name = "ticket")
public class Ticket {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "ticket_id")
    @SequenceGenerator(name = "ticket_id", sequenceName = "ticket_id_seq", allocationSize = 50)
    private Long id;

    @Column(nullable = false, unique = true)
    private String number;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status;

    @Column(nullable = false)
    private int severity;

    @Column(nullable = false)
    private String subject;

    @Column(nullable = false)
    private String customer;

    /** The address that opened the ticket. */
    @Column(nullable = false)
    private String reporter;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "support_key_id")
    private SupportKey supportKey;

    @Column(nullable = false)
    private String language;

    private String product;
    private String component;
    private String module;
    private String server;
    @Column(name = "server_version")
    private String serverVersion;
    private String distribution;
    @Column(name = "gui_version")
    private String guiVersion;
    @Column(name = "track_id")
    private String trackId;
    @Column(name = "steps_to_reproduce")
    private String stepsToReproduce;
    @Column(name = "current_behaviour")
    private String currentBehaviour;
    @Column(name = "expected_behaviour")
    private String expectedBehaviour;

    /** Template fields without a column of their own ({@link FieldColumn}), for templates an operator extended. */
    @ElementCollection
    @CollectionTable(name = "ticket_field", joinColumns = @JoinColumn(name = "ticket_id"))
    @MapKeyColumn(name = "name")
    @Column(name = "field_value", nullable = false)
    private Map<String, String> otherFields = new TreeMap<>();

    /** The SLA clocks, one per target of the plan at this severity ({@link TicketClocks}). */
    @ElementCollection
    @CollectionTable(name = "ticket_clock", joinColumns = @JoinColumn(name = "ticket_id"))
    @MapKeyColumn(name = "name")
    @MapKeyEnumerated(EnumType.STRING)
    private Map<ClockName, TicketClock> clocks = new EnumMap<>(ClockName.class);

    /** The nearest due time of a running clock, which the engineers' list sorts by. */
    @Column(name = "next_due_at")
    private Instant nextDueAt;

    /** The engineer who works on it; none until someone is assigned. */
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "assignee_id")
    private Engineer assignee;

    /** When the customer phoned in about it; none when no one did. */
    @Column(name = "escalated_at")
    private Instant escalatedAt;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    @OneToMany(mappedBy = "ticket", cascade = CascadeType.ALL)
    @OrderBy("at, id")
    private List<TicketEvent> events = new ArrayList<>();

    protected Ticket() {
    }

    /**
     * A new ticket for a valid request.
     *
     * @param fields the template fields by name, as checked; the support key and the severity are given apart
     */
    public Ticket(TicketNumber number, String subject, String reporter, SupportKey supportKey, int severity,
            String language, Map<String, String> fields, Instant now) {
        if (severity < 1 || severity > 4) {
            throw new IllegalArgumentException("severity is 1 to 4, was " + severity);
        }
        this.number = number.digits();
        this.status = Status.NEW;
        this.severity = severity;
        this.subject = Columns.fit(subject, 1000);
        this.customer = supportKey.customer();
        this.reporter = Columns.fit(reporter, 320);
        this.supportKey = supportKey;
        this.language = language;
        fields.forEach(this::assign);
        this.createdAt = now;
        this.updatedAt = now;
        record(now, reporter, EventKind.CREATED, null, status.label(), "severity " + severity);
    }

    /**
     * Who may write into this ticket by mail: whoever opened it, and every sender the support
     * key allows. Anyone else quoting the ticket number gets a ticket of their own.
     */
    public boolean isParticipant(String address) {
        return reporter.equalsIgnoreCase(address) || supportKey.allows(address);
    }

    /** A closed ticket takes no more mail; a reply to it starts over. */
    public boolean acceptsMail() {
        return status != Status.CLOSED;
    }

    /**
     * The customer wrote again: the reply goes on record, and a ticket waiting for it or resolved
     * is open again, its clocks running with the time they had left.
     */
    public void customerReplied(String address, Instant at, String subject, ServiceLevels levels) {
        record(at, address, EventKind.MESSAGE_RECEIVED, null, null, subject);
        if (status == Status.RESOLVED) {
            record(at, address, EventKind.REOPENED, status.label(), Status.OPEN.label(), "the customer replied");
            moveTo(Status.OPEN, at, levels);
        } else if (status == Status.WAITING_FOR_CUSTOMER) {
            record(at, address, EventKind.STATUS_CHANGED, status.label(), Status.OPEN.label(), "the customer replied");
            moveTo(Status.OPEN, at, levels);
        }
        updatedAt = at;
    }

    /**
     * Moves the ticket along its lifecycle, and its clocks with it: waiting for the customer
     * pauses them, open resumes them, resolved or closed stops them.
     *
     * @throws IllegalStateException when the lifecycle does not allow it (a closed ticket stays closed)
     */
    public void changeStatus(Status next, String actor, Instant at, ServiceLevels levels) {
        if (!status.canBecome(next)) {
            throw new IllegalStateException("a " + status.label() + " ticket cannot become " + next.label());
        }
        record(at, actor, EventKind.STATUS_CHANGED, status.label(), next.label(), null);
        moveTo(next, at, levels);
        updatedAt = at;
    }

    private void moveTo(Status next, Instant at, ServiceLevels levels) {
        status = next;
        clocks(levels).follow(next, at);
        nextDueAt = clocks(levels).nextDue().orElse(null);
    }

    /** Opens the clocks of the plan's targets at this severity, from now. */
    public void openClocks(ServiceLevels levels, Instant at) {
        clocks(levels).open(at);
        nextDueAt = clocks(levels).nextDue().orElse(null);
    }

    /** The customer was answered: the first response is met, in time or late, and the next update is due an interval later. */
    public void customerAnswered(String actor, Instant at, ServiceLevels levels) {
        clocks(levels).answered(status, at).ifPresent(met -> record(at, actor, EventKind.CLOCK_MET,
                met.due().map(Instant::toString).orElse(null), at.toString(),
                ClockName.FIRST_RESPONSE.label() + (met.breached(at) ? " met late" : " met in time")));
        nextDueAt = clocks(levels).nextDue().orElse(null);
        updatedAt = at;
    }

    /** An engineer's answer went into the outbox: it meets the first response like any answer. */
    public void engineerAnswered(String engineer, String recipient, Instant at, ServiceLevels levels) {
        record(at, engineer, EventKind.ANSWERED, null, recipient, null);
        customerAnswered(engineer, at, levels);
    }

    /** An engineer kept a note for the others; the customer hears nothing, and no clock moves. */
    public void noteAdded(String engineer, Instant at) {
        record(at, engineer, EventKind.NOTE_ADDED, null, null, null);
        updatedAt = at;
    }

    /**
     * The clocks count against the targets of the new severity, as if it had applied from the
     * start; the history records each due time that moved.
     *
     * @throws IllegalArgumentException for a severity outside 1 to 4
     */
    public void changeSeverity(int next, String actor, Instant at, ServiceLevels levels) {
        if (next < 1 || next > 4) {
            throw new IllegalArgumentException("severity is 1 to 4, was " + next);
        }
        ServiceLevel target = levels.of(supportKey.plan(), next);
        List<TicketClocks.Moved> moved = clocks(levels).retarget(target, status, at);
        record(at, actor, EventKind.SEVERITY_CHANGED, Integer.toString(severity), Integer.toString(next), null);
        moved.forEach(clock -> record(at, actor, EventKind.CLOCK_MOVED, clock.before(), clock.after(),
                clock.clock().label() + ", severity " + severity + " -> " + next));
        severity = next;
        nextDueAt = clocks(levels).nextDue().orElse(null);
        updatedAt = at;
    }

    /** Gives the ticket to an engineer, who may be another than the one who had it. */
    public void assign(Engineer engineer, String actor, Instant at) {
        record(at, actor, EventKind.ASSIGNED, assignee().map(Engineer::name).orElse(null), engineer.name(), null);
        assignee = engineer;
        updatedAt = at;
    }

    /**
     * Whether the customer may alarm support by phone about this ticket: only for an outage or a
     * severe disruption (Severity 1 or 2) that is still being worked on.
     */
    public boolean canBeEscalatedByPhone() {
        return severity <= 2 && status.isOpen();
    }

    /**
     * The customer phoned in: the ticket is flagged as escalated, once, and the history names the
     * caller and what they said.
     *
     * @throws IllegalStateException when {@link #canBeEscalatedByPhone} says no, or it is escalated already
     */
    public void escalateByPhone(String caller, String note, String actor, Instant at) {
        if (!canBeEscalatedByPhone() || escalatedAt != null) {
            throw new IllegalStateException("a " + status.label() + " ticket of severity " + severity
                    + (escalatedAt != null ? ", escalated already," : "") + " cannot be escalated by phone");
        }
        record(at, actor, EventKind.ESCALATED, null, "phone call from " + caller, note);
        escalatedAt = at;
        updatedAt = at;
    }

    /**
     * Records, for each running clock, the warning or the breach that is due by now and not yet
     * recorded; a clock alerts once for each, whoever asks how often.
     *
     * @return what was recorded, for the on-call engineers to hear of
     */
    public List<SlaAlert> recordDueAlerts(Instant now, ServiceLevels levels) {
        List<SlaAlert> alerts = clocks(levels).alert(now);
        alerts.forEach(alert -> record(now, TicketEvent.SYSTEM, alert.breach() ? EventKind.SLA_BREACHED : EventKind.SLA_WARNING,
                null, alert.due().toString(), alert.shown()));
        return alerts;
    }

    private TicketClocks clocks(ServiceLevels levels) {
        return new TicketClocks(clocks, levels.of(supportKey.plan(), severity));
    }

    /** A mail to the customer was put in the outbox. */
    public void replyQueued(String kind, String recipient, Instant at) {
        record(at, TicketEvent.SYSTEM, EventKind.REPLY_QUEUED, null, recipient, kind);
    }

    /** A mail to the customer will not be sent: "confirmation to jane@example.com could not be sent: 550 5.1.1 …". */
    public void replyFailed(String kind, String recipient, String reason, Instant at) {
        record(at, TicketEvent.SYSTEM, EventKind.REPLY_FAILED, null, null, kind + " to " + recipient + " could not be sent: " + reason);
    }

    /** A mail to the customer came back: "confirmation to jane@example.com bounced: 550 5.1.1 …". */
    public void replyBounced(String kind, String recipient, String reason, Instant at) {
        record(at, TicketEvent.SYSTEM, EventKind.REPLY_BOUNCED, null, null, kind + " to " + recipient + " bounced: " + reason);
    }

    /** An operator had a failed or bounced mail to the customer sent again. */
    public void replyRetried(String kind, String recipient, String actor, Instant at) {
        record(at, actor, EventKind.REPLY_RETRIED, null, null, kind + " to " + recipient + " is sent again");
    }

    /** A mail to the customer was not sent: the request came from a mailbox's old backlog. */
    public void replyWithheld(String kind, String recipient, Instant at) {
        record(at, TicketEvent.SYSTEM, EventKind.REPLY_WITHHELD, null, recipient,
                kind + " not sent: the mail had waited in the mailbox since before Ticketpost first read it");
    }

    private void record(Instant at, String actor, EventKind kind, String oldValue, String newValue, String note) {
        events.add(new TicketEvent(this, at, actor, kind, oldValue, newValue, note));
    }

    /** A field with a column of its own ({@link FieldColumn}) goes there, cut to the column's length; any other to ticket_field. */
    private void assign(String field, String value) {
        FieldColumn.of(field).ifPresentOrElse(column -> assign(column, value), () -> otherFields.put(field, Columns.text(value)));
    }

    private void assign(FieldColumn column, String value) {
        switch (column) {
            case SUPPORT_KEY, SEVERITY -> { }   // given apart, as the key relation and the severity number
            case SERVER -> server = Columns.fit(value, 1000);
            case SERVER_VERSION -> serverVersion = Columns.text(value);
            case DISTRIBUTION -> distribution = Columns.fit(value, 100);
            case GUI_VERSION -> guiVersion = Columns.text(value);
            case MODULE -> module = Columns.fit(value, 100);
            case TRACK_ID -> trackId = Columns.fit(value, 1000);
            case PRODUCT -> product = Columns.fit(value, 100);
            case COMPONENT -> component = Columns.fit(value, 100);
            case STEPS_TO_REPRODUCE -> stepsToReproduce = Columns.text(value);
            case CURRENT_BEHAVIOUR -> currentBehaviour = Columns.text(value);
            case EXPECTED_BEHAVIOUR -> expectedBehaviour = Columns.text(value);
        }
    }

    /** Every template field with a value, by name, the support key and the severity included. */
    public Map<String, String> fields() {
        Map<String, String> fields = new LinkedHashMap<>();
        for (FieldColumn column : FieldColumn.values()) {
            String value = value(column);
            if (value != null) {
                fields.put(column.field(), value);
            }
        }
        fields.putAll(otherFields);
        return Collections.unmodifiableMap(fields);
    }

    private String value(FieldColumn column) {
        return switch (column) {
            case SUPPORT_KEY -> supportKey.key();
            case SEVERITY -> Integer.toString(severity);
            case SERVER -> server;
            case SERVER_VERSION -> serverVersion;
            case DISTRIBUTION -> distribution;
            case GUI_VERSION -> guiVersion;
            case MODULE -> module;
            case TRACK_ID -> trackId;
            case PRODUCT -> product;
            case COMPONENT -> component;
            case STEPS_TO_REPRODUCE -> stepsToReproduce;
            case CURRENT_BEHAVIOUR -> currentBehaviour;
            case EXPECTED_BEHAVIOUR -> expectedBehaviour;
        };
    }

    public TicketNumber number() {
        return TicketNumber.parse(number).orElseThrow(() -> new IllegalStateException("stored ticket number " + number));
    }

    public Status status() {
        return status;
    }

    public int severity() {
        return severity;
    }

    public String subject() {
        return subject;
    }

    public String customer() {
        return customer;
    }

    public String reporter() {
        return reporter;
    }

    public SupportKey supportKey() {
        return supportKey;
    }

    public String language() {
        return language;
    }

    public Optional<String> product() {
        return Optional.ofNullable(product);
    }

    public Optional<String> component() {
        return Optional.ofNullable(component);
    }

    /** The clocks, in the order of {@link ClockName}. */
    public Map<ClockName, TicketClock> clocks() {
        Map<ClockName, TicketClock> ordered = new EnumMap<>(ClockName.class);
        ordered.putAll(clocks);
        return Collections.unmodifiableMap(ordered);
    }

    public Optional<Engineer> assignee() {
        return Optional.ofNullable(assignee);
    }

    public Optional<Instant> escalatedAt() {
        return Optional.ofNullable(escalatedAt);
    }

    public Optional<Instant> nextDueAt() {
        return Optional.ofNullable(nextDueAt);
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public List<TicketEvent> events() {
        return Collections.unmodifiableList(events);
    }
}
