package org.ticketpost.mail;

import jakarta.mail.internet.MailDateFormat;
import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.ParsePosition;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.james.mime4j.MimeException;
import org.apache.james.mime4j.codec.Base64InputStream;
import org.apache.james.mime4j.codec.DecodeMonitor;
import org.apache.james.mime4j.codec.QuotedPrintableInputStream;
import org.apache.james.mime4j.stream.BodyDescriptor;
import org.apache.james.mime4j.stream.EntityState;
import org.apache.james.mime4j.stream.MimeConfig;
import org.apache.james.mime4j.stream.MimeTokenStream;
import org.apache.james.mime4j.stream.RecursionMode;
import org.ticketpost.intake.Attachment;
import org.ticketpost.intake.AttachmentSink;
import org.ticketpost.intake.EmailAddress;
import org.ticketpost.intake.InboundMail;
import org.ticketpost.intake.MailParser;
import org.ticketpost.intake.StoredContent;
import org.ticketpost.intake.UnreadableMailException;

/**
 * Reads a mail with mime4j's streaming parser: headers decoded, the text a person would
 * read chosen, every attachment streamed to the sink. Nothing is held in memory but
 * the texts, each capped, so a 50 MB attachment costs no more memory than a small one.
 */
public final class MimeDecoder implements MailParser {

    /** A text part beyond this is cut; what follows is counted, not kept. */
    static final int TEXT_LIMIT = 4 * 1024 * 1024;
    /** Deeper multiparts are not taken apart: their content is kept as one attachment. */
    static final int NESTING_LIMIT = 50;
    /** A header field beyond this ends the reading: no mail program writes one, so it is an attack or garbage. */
    static final int HEADER_LIMIT = 4 * 1024 * 1024;
    private static final int SUBJECT_LIMIT = 1000;
    private static final int REFERENCES_LIMIT = 100;

    private static final MimeConfig LIMITS = MimeConfig.custom()
            .setMaxLineLen(-1)                       // real mail has absurd lines; memory is bounded elsewhere
            .setMaxHeaderLen(HEADER_LIMIT)           // a 1 MB header field is read; a 4 MB one ends the reading
            .setMaxHeaderCount(10_000)
            .setMaxContentLen(-1)
            .build();

    private static final Pattern MESSAGE_ID = Pattern.compile("<([^<>\\s]+)>");

    @Override
    public InboundMail parse(InputStream message, AttachmentSink sink) throws IOException, UnreadableMailException {
        MessageDigest sha256 = sha256();
        CountingInputStream counted = new CountingInputStream(new DigestInputStream(message, sha256));
        BufferedInputStream input = new BufferedInputStream(counted, MailSniffer.HEAD);
        input.mark(MailSniffer.HEAD);
        byte[] head = input.readNBytes(MailSniffer.HEAD);
        Optional<String> notAMail = MailSniffer.notAMail(head, head.length);
        if (notAMail.isPresent()) {
            throw new UnreadableMailException(notAMail.get());
        }
        input.reset();
        input.skipNBytes(MailSniffer.mboxLineLength(head, head.length));

        InputStream lines = MailSniffer.hasBareCrLineEnds(head, head.length) ? new BareCrLineEnds(input) : input;
        Reading reading = new Reading(sink);
        try {
            reading.run(new FilterInputStream(lines) {
                @Override
                public void close() {
                    // mime4j closes a part's stream when it is read; the rest of the input is still needed
                }
            });
        } catch (MimeException e) {
            throw new UnreadableMailException("the MIME structure cannot be read: " + e.getMessage());
        }
        input.transferTo(java.io.OutputStream.nullOutputStream());   // the digest covers every byte
        return reading.toMail(HexFormat.of().formatHex(sha256.digest()), counted.count());
    }

    /** The state of reading one message. */
    private static final class Reading {
        private final AttachmentSink sink;
        private final TopHeaders headers = new TopHeaders();
        private final PartFields part = new PartFields();
        private final Deque<TextParts> multiparts = new ArrayDeque<>();
        private final TextParts root = new TextParts("mixed");
        private final List<Attachment> attachments = new ArrayList<>();
        private final List<String> notes = new ArrayList<>();
        private String topMimeType = "text/plain";
        private Charset textCharset;
        private Charset mailCharset;
        private int bodyPartDepth;

        Reading(AttachmentSink sink) {
            this.sink = sink;
        }

        void run(InputStream input) throws IOException, MimeException {
            MimeTokenStream stream = new MimeTokenStream(LIMITS, DecodeMonitor.SILENT, null);
            stream.setRecursionMode(RecursionMode.M_NO_RECURSE);   // an attached mail is an attachment
            stream.parse(input);
            for (EntityState state = stream.getState(); state != EntityState.T_END_OF_STREAM; state = stream.next()) {
                switch (state) {
                    case T_START_HEADER -> part.reset();
                    case T_FIELD -> {
                        part.add(stream.getField());
                        if (bodyPartDepth == 0) {
                            headers.add(stream.getField());
                        }
                    }
                    case T_START_BODYPART -> bodyPartDepth++;
                    case T_END_BODYPART -> bodyPartDepth--;
                    case T_START_MULTIPART -> startMultipart(stream);
                    case T_END_MULTIPART -> endMultipart(stream);
                    case T_BODY -> body(stream);
                    default -> { }
                }
            }
        }

        private void startMultipart(MimeTokenStream stream) {
            if (multiparts.isEmpty() && bodyPartDepth == 0) {
                topMimeType = stream.getBodyDescriptor().getMimeType();
                // some programs name the mail's charset on the top multipart only, and write raw 8-bit names in it
                part.contentTypeParameter("charset").flatMap(TextDecoding::charset)
                        .ifPresent(charset -> mailCharset = charset);
            }
            multiparts.push(new TextParts(stream.getBodyDescriptor().getSubType()));
            if (multiparts.size() == NESTING_LIMIT) {
                stream.setRecursionMode(RecursionMode.M_FLAT);
                notes.add("multiparts nested deeper than " + NESTING_LIMIT + " levels are kept as attachments");
            }
        }

        private void endMultipart(MimeTokenStream stream) {
            if (multiparts.size() == NESTING_LIMIT) {
                stream.setRecursionMode(RecursionMode.M_NO_RECURSE);
            }
            TextParts done = multiparts.pop();
            done.combined().ifPresent(text -> (multiparts.isEmpty() ? root : multiparts.peek()).add(text));
        }

        private void body(MimeTokenStream stream) throws IOException {
            BodyDescriptor body = stream.getBodyDescriptor();
            String mimeType = body.getMimeType().toLowerCase(Locale.ROOT);
            if (multiparts.isEmpty() && bodyPartDepth == 0) {
                topMimeType = mimeType;
            }
            Optional<String> fileName = part.fileName(TextDecoding.forRawBytes(declaredCharset()));
            boolean readable = mimeType.equals("text/plain") || mimeType.equals("text/html");
            try (InputStream content = decoded(stream.getInputStream(), body.getTransferEncoding())) {
                if (readable && fileName.isEmpty() && !part.dispositionType().equals("attachment")) {
                    text(content, mimeType);
                } else {
                    StoredContent stored = sink.accept(content);
                    String name = fileName.orElseGet(() -> FileNames.forUnnamed(attachments.size() + 1, mimeType));
                    attachments.add(new org.ticketpost.intake.Attachment(name, mimeType, stored.size(), stored));
                }
            }
        }

        private void text(InputStream content, String mimeType) throws IOException {
            byte[] bytes = content.readNBytes(TEXT_LIMIT);
            long rest = content.transferTo(java.io.OutputStream.nullOutputStream());
            if (rest > 0) {
                notes.add("a text part of " + (bytes.length + rest) + " bytes was cut at " + TEXT_LIMIT + " bytes");
            }
            String charset = part.contentTypeParameter("charset").orElse(null);
            if (mimeType.equals("text/html") && charset == null) {
                charset = HtmlCharset.declared(bytes).orElse(null);
            }
            if (textCharset == null) {
                textCharset = TextDecoding.charset(charset).orElse(null);
            }
            if (charset == null && mailCharset != null) {
                charset = mailCharset.name();
            }
            String text = TextDecoding.decode(bytes, bytes.length, charset).replace("\r\n", "\n").replace('\r', '\n');
            if (mimeType.equals("text/plain") && part.contentTypeParameter("format").filter("flowed"::equalsIgnoreCase).isPresent()) {
                text = FlowedText.unflow(text, part.contentTypeParameter("delsp").filter("yes"::equalsIgnoreCase).isPresent());
            }
            (multiparts.isEmpty() ? root : multiparts.peek()).add(new TextParts.Text(text, mimeType.equals("text/html")));
        }

        /** The charset the mail declares for its text: of the first text that names one, else of the whole mail. */
        private Charset declaredCharset() {
            return textCharset != null ? textCharset : mailCharset != null ? mailCharset : TextDecoding.FALLBACK;
        }

        InboundMail toMail(String sha256, long size) {
            headers.setFallback(declaredCharset());
            Optional<EmailAddress> from = addresses("from").stream().findFirst();
            String subject = headers.text("subject").orElse("");
            if (subject.length() > SUBJECT_LIMIT) {
                notes.add("the subject of " + subject.length() + " characters was cut");
                subject = subject.substring(0, SUBJECT_LIMIT);
            }
            String text = root.combined().map(TextParts.Text::plain).orElse("").replace("\0", "");
            Optional<String> automatic = AutomaticMail.reason(headers, topMimeType,
                    from.map(EmailAddress::address).orElse(""), subject);
            return new InboundMail(
                    messageIds("message-id").stream().findFirst(),
                    messageIds("in-reply-to"),
                    messageIds("references"),
                    from,
                    headers.text("from").orElse(""),
                    addresses("reply-to"),
                    addresses("to"),
                    addresses("cc"),
                    subject,
                    headers.unfolded("date").flatMap(Reading::date),
                    text,
                    attachments,
                    automatic,
                    sha256,
                    size,
                    notes);
        }

        private List<String> messageIds(String field) {
            List<String> ids = new ArrayList<>();
            Optional<String> value = headers.unfolded(field);
            if (value.isEmpty()) {
                return ids;
            }
            Matcher id = MESSAGE_ID.matcher(value.get());
            while (id.find()) {
                ids.add(id.group(1));
            }
            if (ids.isEmpty() && !value.get().isBlank() && !value.get().contains(" ")) {
                ids.add(value.get());   // some programs leave out the angle brackets
            }
            return ids.size() <= REFERENCES_LIMIT ? ids : ids.subList(ids.size() - REFERENCES_LIMIT, ids.size());
        }

        /** The mailboxes of every such field: a mail may carry a garbled From and then a readable one. */
        private List<EmailAddress> addresses(String field) {
            return headers.all(field).stream().flatMap(value -> Mailboxes.in(value).stream()).toList();
        }

        private static Optional<Instant> date(String value) {
            java.util.Date parsed = new MailDateFormat().parse(value, new ParsePosition(0));
            return Optional.ofNullable(parsed).map(java.util.Date::toInstant);
        }
    }

    /** Undoes the transfer encoding, forgiving the odd spellings found in real mail ("base64;", "Quoted-Printable "). */
    private static InputStream decoded(InputStream raw, String transferEncoding) {
        String encoding = transferEncoding == null ? "" : transferEncoding.toLowerCase(Locale.ROOT);
        if (encoding.contains("base64")) {
            return new Base64InputStream(raw, DecodeMonitor.SILENT);
        }
        if (encoding.contains("quoted")) {
            return new QuotedPrintableInputStream(raw, DecodeMonitor.SILENT);
        }
        return raw;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
