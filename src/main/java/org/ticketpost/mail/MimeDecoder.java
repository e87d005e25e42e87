package org.ticketpost.mail;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.apache.commons.io.IOUtils;
import org.apache.commons.io.input.BoundedInputStream;
import org.apache.james.mime4j.MimeException;
import org.apache.james.mime4j.io.MaxHeaderLengthLimitException;
import org.apache.james.mime4j.io.MaxHeaderLimitException;
import org.apache.james.mime4j.stream.MimeConfig;
import org.ticketpost.intake.AttachmentSink;
import org.ticketpost.intake.EmailAddress;
import org.ticketpost.intake.InboundMail;
import org.ticketpost.intake.MailParser;
import org.ticketpost.intake.UnreadableMailException;

/**
 * Reads a mail with mime4j's streaming parser: headers decoded, the text a person would
 * read chosen, every attachment streamed to the sink. Nothing is held in memory but
 * the texts, each capped, so a 50 MB attachment costs no more memory than a small one.
 * The parts are walked by {@link PartReader}; this class checks that the input is a mail
 * at all, sets the limits and puts the {@link InboundMail} together.
 */
public final class MimeDecoder implements MailParser {

    /** A text part beyond this is cut; what follows is counted, not kept. */
    static final int TEXT_LIMIT = 4 * 1024 * 1024;
    /** Deeper multiparts are not taken apart: their content is kept as one attachment. */
    static final int NESTING_LIMIT = 50;
    /** A header field beyond this ends the reading: no mail program writes one, so it is an attack or garbage. */
    static final int HEADER_LIMIT = 4 * 1024 * 1024;
    /** More header fields than this end the reading too; real mails have a few dozen. */
    static final int HEADER_FIELD_LIMIT = 10_000;
    /**
     * Parts after this many are not read: each attachment costs a file and a database row, so
     * 80,000 parts took a minute and a half to take in, and no person sends a thousand. The
     * mail as it came, kept whole, still holds them.
     */
    static final int PART_LIMIT = 1000;
    private static final int SUBJECT_LIMIT = 1000;
    /** How the reason begins when reading failed in a way no check foresaw. */
    static final String UNFORESEEN = "the mail cannot be read (";

    private static final MimeConfig LIMITS = MimeConfig.custom()
            .setMaxLineLen(-1)                       // real mail has absurd lines; memory is bounded elsewhere
            .setMaxHeaderLen(HEADER_LIMIT)           // a 1 MB header field is read; a 4 MB one ends the reading
            .setMaxHeaderCount(HEADER_FIELD_LIMIT)
            .setMaxContentLen(-1)
            .build();

    private final Optional<ReceivingServer> receivingServer;

    /** A decoder that reads no Authentication-Results. */
    public MimeDecoder() {
        this(Optional.empty());
    }

    /** @param authservId the receiving mail server's authserv-id, whose Authentication-Results fields count */
    public MimeDecoder(Optional<String> authservId) {
        this.receivingServer = authservId.map(ReceivingServer::new);
    }

    @Override
    public InboundMail parse(InputStream message, AttachmentSink sink) throws IOException, UnreadableMailException {
        MessageDigest sha256 = sha256();
        // without a maximum it only counts
        BoundedInputStream counted = BoundedInputStream.builder().setInputStream(new DigestInputStream(message, sha256)).get();
        byte[] head = new byte[8192];   // what tells whether the input is a mail: most header sections fit
        int length = counted.readNBytes(head, 0, head.length);
        if (length == head.length && !MailSniffer.hasHeaderEnd(head, length)) {
            head = Arrays.copyOf(head, MailSniffer.HEAD);
            length += counted.readNBytes(head, length, head.length - length);
        }
        Optional<String> notAMail = MailSniffer.notAMail(head, length);
        if (notAMail.isPresent()) {
            throw new UnreadableMailException(notAMail.get());
        }
        int start = MailSniffer.headerStart(head, length);
        InputStream input = new SequenceInputStream(new ByteArrayInputStream(head, start, length - start), counted);

        InputStream lines = new StrayNuls(MailSniffer.hasBareCrLineEnds(head, head.length) ? new BareCrLineEnds(input) : input);
        PartReader parts = new PartReader(sink);
        try {
            parts.run(new FilterInputStream(lines) {
                @Override
                public void close() {
                    // mime4j closes a part's stream when it is read; the rest of the input is still needed
                }
            }, LIMITS);
            IOUtils.skip(input, Long.MAX_VALUE);   // read, not skipped: the digest covers every byte
            return mail(parts, HexFormat.of().formatHex(sha256.digest()), counted.getCount());
        } catch (UncheckedIOException e) {
            throw e.getCause();   // reading or storing failed: the mail may be read again later
        } catch (RuntimeException e) {
            // a failure caused by what one mail holds: retrying would fail the same way for ever
            throw new UnreadableMailException(UNFORESEEN + e + ")");
        } catch (MaxHeaderLengthLimitException e) {
            throw new UnreadableMailException("a header field is longer than " + HEADER_LIMIT / (1024 * 1024) + " MB");
        } catch (MaxHeaderLimitException e) {
            throw new UnreadableMailException("the mail has more than " + HEADER_FIELD_LIMIT + " header fields");
        } catch (MimeException e) {
            throw new UnreadableMailException("the MIME structure cannot be read: " + e.getMessage());
        }
    }

    private InboundMail mail(PartReader parts, String sha256, long size) {
        TopHeaders headers = parts.headers();
        List<String> notes = new ArrayList<>(parts.notes());
        headers.setFallback(parts.declaredCharset());
        Optional<EmailAddress> from = author(addresses(headers, "from"));
        String subject = headers.text("subject").orElse("");
        if (subject.length() > SUBJECT_LIMIT) {
            notes.add("the subject of " + subject.length() + " characters was cut");
            subject = subject.substring(0, SUBJECT_LIMIT);
        }
        String text = parts.text();
        Optional<String> automatic = AutomaticMail.reason(headers, parts.topMimeType(),
                from.map(EmailAddress::address).orElse(""), subject);
        return new InboundMail(
                headers.messageIds("message-id").stream().findFirst(),
                headers.messageIds("in-reply-to"),
                headers.messageIds("references"),
                from,
                headers.text("from").orElse(""),
                addresses(headers, "reply-to"),
                addresses(headers, "to"),
                addresses(headers, "cc"),
                subject,
                headers.date(),
                text,
                parts.attachments(),
                automatic,
                receivingServer.map(server -> server.report(headers.trace())),
                sha256,
                size,
                notes,
                automatic.isPresent() || parts.report().hasStatus()
                        ? BounceReport.read(headers, parts.report(), from.map(EmailAddress::address).orElse(""), subject, text)
                        : Optional.empty());
    }

    /** The mailboxes of every such field: a mail may carry a garbled From and then a readable one. */
    private static List<EmailAddress> addresses(TopHeaders headers, String field) {
        return headers.all(field).stream().flatMap(value -> Mailboxes.in(value).stream()).toList();
    }

    /**
     * The author whose address a support key and a ticket's participants are checked against. From
     * fields naming several mailboxes name no one author (RFC 5322 §3.6.2): taking one of them would
     * let the others speak for its owner.
     */
    private static Optional<EmailAddress> author(List<EmailAddress> from) {
        boolean one = from.stream().map(EmailAddress::address).distinct().count() == 1;
        return one ? Optional.of(from.get(0)) : Optional.empty();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
