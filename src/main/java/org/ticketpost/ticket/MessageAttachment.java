package org.ticketpost.ticket;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.util.Optional;

/** A file that came with a mail; its content lies in the file store under its SHA-256, once per content. */
@Entity
@Table(name = "attachment")
public class MessageAttachment {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "attachment_id")
    @SequenceGenerator(name = "attachment_id", sequenceName = "attachment_id_seq", allocationSize = 50)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "message_id")
    private Message message;

    @Column(name = "file_name", nullable = false)
    private String fileName;

    @Column(name = "content_type", nullable = false)
    private String contentType;

    @Column(nullable = false)
    private long size;

    private String sha256;

    /** False when the file was over the size limit: it is listed, but its content was not kept. */
    @Column(nullable = false)
    private boolean stored;

    protected MessageAttachment() {
    }

    MessageAttachment(Message message, String fileName, String contentType, long size, String sha256, boolean stored) {
        this.message = message;
        this.fileName = Columns.fit(fileName, 500);
        this.contentType = Columns.fit(contentType, 200);
        this.size = size;
        this.sha256 = sha256;
        this.stored = stored;
    }

    public String fileName() {
        return fileName;
    }

    public String contentType() {
        return contentType;
    }

    public long size() {
        return size;
    }

    public Optional<String> sha256() {
        return Optional.ofNullable(sha256);
    }

    public boolean isStored() {
        return stored;
    }
}
