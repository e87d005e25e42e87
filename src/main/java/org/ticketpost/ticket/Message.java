package org.ticketpost.ticket;

import jakarta.persistence.CascadeType;
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
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/** A mail received or sent, kept with its ticket when it has one. */
@Entity
@Table(name = "message")
public class Message {

    public enum Direction { IN, OUT }

    /** What intake made of a received mail. */
    public enum Handling { TICKET, FOLLOWUP, REJECTED, IGNORED }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "message_id")
    @SequenceGenerator(name = "message_id", sequenceName = "message_id_seq", allocationSize = 50)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "ticket_id")
    private Ticket ticket;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Direction direction;

    @Enumerated(EnumType.STRING)
    @Column(name = "outcome")
    private Handling handling;

    /** For received mail: what makes a second delivery recognisable; unique in the database. */
    @Column(name = "message_key", unique = true)
    private String messageKey;

    @Column(name = "message_id")
    private String messageId;

    @Column(name = "in_reply_to")
    private String inReplyTo;

    @Column(name = "references_ids")
    private String references;

    @Column(name = "from_address")
    private String fromAddress;

    @Column(name = "from_name")
    private String fromName;

    @Column(name = "to_addresses")
    private String toAddresses;

    @Column(nullable = false)
    private String subject;

    @Column(nullable = false)
    private String body;

    private String language;

    /** Why a machine sent it, for automatic mail received. */
    private String automatic;

    /** The Auto-Submitted value of a mail Ticketpost sends by itself. */
    @Column(name = "auto_submitted")
    private String autoSubmitted;

    /** For a rejected mail: the problems, one "field: code" per line. */
    private String problems;

    /** For a received mail: what could not be read of it as it should, one note per line. */
    @Column(name = "reading_notes")
    private String readingNotes;

    /** The engineer who wrote an answer or a note; none for mail received and for what Ticketpost writes by itself. */
    private String author;

    /** A note engineers keep on the ticket for one another: the customer never sees it. */
    @Column(nullable = false)
    private boolean internal;

    @Column(name = "raw_sha256")
    private String rawSha256;

    @Column(name = "raw_size")
    private Long rawSize;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @OneToMany(mappedBy = "message", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("id")
    private List<MessageAttachment> attachments = new ArrayList<>();

    protected Message() {
    }

    private Message(Direction direction, Ticket ticket, String messageId, List<String> inReplyTo, List<String> references,
            String fromAddress, String fromName, List<String> to, String subject, String body, String language,
            Instant createdAt) {
        this.direction = direction;
        this.ticket = ticket;
        this.messageId = Columns.fit(messageId, 600);
        this.inReplyTo = Columns.text(joined(inReplyTo));
        this.references = Columns.text(joined(references));
        this.fromAddress = Columns.fit(fromAddress, 320);
        this.fromName = Columns.fit(fromName, 320);
        this.toAddresses = Columns.text(joined(to));
        this.subject = Columns.fit(subject, 1000);
        this.body = Columns.text(body);
        this.language = language;
        this.createdAt = createdAt;
    }

    /** A received mail, as it was handled. */
    public static Message received(Handling handling, Ticket ticket, String messageKey, String messageId, List<String> inReplyTo,
            List<String> references, String fromAddress, String fromName, List<String> to, String subject, String body,
            String language, String rawSha256, long rawSize, Instant at) {
        Message message = new Message(Direction.IN, ticket, messageId, inReplyTo, references, fromAddress, fromName, to,
                subject, body, language, at);
        message.handling = handling;
        message.messageKey = messageKey;   // short enough by construction: a long Message-ID is keyed by its hash
        message.rawSha256 = rawSha256;
        message.rawSize = rawSize;
        return message;
    }

    /** A mail Ticketpost sends by itself; it carries Auto-Submitted. */
    public static Message automaticReply(Ticket ticket, String messageId, List<String> inReplyTo, List<String> references,
            String fromAddress, String fromName, String to, String subject, String body, String language, Instant at) {
        Message message = new Message(Direction.OUT, ticket, messageId, inReplyTo, references, fromAddress, fromName,
                List.of(to), subject, body, language, at);
        message.autoSubmitted = "auto-replied";
        return message;
    }

    /**
     * An engineer's answer to the customer: a person wrote it, so it carries no Auto-Submitted,
     * and an auto-responder may answer it like any mail.
     */
    public static Message engineerAnswer(Ticket ticket, String author, String messageId, List<String> inReplyTo,
            List<String> references, String fromAddress, String fromName, String to, String subject, String body, String language,
            Instant at) {
        Message message = new Message(Direction.OUT, ticket, messageId, inReplyTo, references, fromAddress, fromName,
                List.of(to), subject, body, language, at);
        message.author = author;
        return message;
    }

    /** A note engineers keep on the ticket: no mail, no Message-ID, no recipient; never sent. */
    public static Message internalNote(Ticket ticket, String author, String body, Instant at) {
        Message message = new Message(Direction.OUT, ticket, null, List.of(), List.of(), null, null, List.of(), "internal note",
                body, null, at);
        message.author = author;
        message.internal = true;
        return message;
    }

    /**
     * A notice Ticketpost writes by itself to its own people, such as the on-call engineers: in no
     * ticket's correspondence, so that it never reaches or threads with a customer. It carries
     * Auto-Submitted: auto-generated, being an answer to no mail.
     */
    public static Message automaticNotice(String messageId, String fromAddress, String fromName, String to, String subject,
            String body, String language, Instant at) {
        Message message = new Message(Direction.OUT, null, messageId, List.of(), List.of(), fromAddress, fromName,
                List.of(to), subject, body, language, at);
        message.autoSubmitted = "auto-generated";
        return message;
    }

    public void markAutomatic(String reason) {
        this.automatic = Columns.fit(reason, 300);
    }

    public void recordProblems(List<String> problems) {
        this.problems = Columns.text(String.join("\n", problems));
    }

    public void recordReadingNotes(List<String> notes) {
        this.readingNotes = notes.isEmpty() ? null : Columns.text(String.join("\n", notes));
    }

    public void attach(String fileName, String contentType, long size, String sha256, boolean stored) {
        attachments.add(new MessageAttachment(this, fileName, contentType, size, sha256, stored));
    }

    private static String joined(List<String> values) {
        return values == null || values.isEmpty() ? null : String.join(" ", values);
    }

    private static List<String> split(String values) {
        return values == null ? List.of() : Arrays.asList(values.split(" "));
    }

    public Optional<Ticket> ticket() {
        return Optional.ofNullable(ticket);
    }

    public Direction direction() {
        return direction;
    }

    public Optional<Handling> handling() {
        return Optional.ofNullable(handling);
    }

    public Optional<String> messageId() {
        return Optional.ofNullable(messageId);
    }

    public List<String> inReplyTo() {
        return split(inReplyTo);
    }

    public List<String> references() {
        return split(references);
    }

    public Optional<String> fromAddress() {
        return Optional.ofNullable(fromAddress);
    }

    public Optional<String> fromName() {
        return Optional.ofNullable(fromName);
    }

    public List<String> to() {
        return split(toAddresses);
    }

    public String subject() {
        return subject;
    }

    public String body() {
        return body;
    }

    public Optional<String> language() {
        return Optional.ofNullable(language);
    }

    public Optional<String> automatic() {
        return Optional.ofNullable(automatic);
    }

    public Optional<String> autoSubmitted() {
        return Optional.ofNullable(autoSubmitted);
    }

    public List<String> problems() {
        return problems == null ? List.of() : Arrays.asList(problems.split("\n"));
    }

    public List<String> readingNotes() {
        return readingNotes == null ? List.of() : Arrays.asList(readingNotes.split("\n"));
    }

    public Optional<String> author() {
        return Optional.ofNullable(author);
    }

    public boolean isInternal() {
        return internal;
    }

    public Optional<String> rawSha256() {
        return Optional.ofNullable(rawSha256);
    }

    public Instant createdAt() {
        return createdAt;
    }

    public List<MessageAttachment> attachments() {
        return Collections.unmodifiableList(attachments);
    }
}
