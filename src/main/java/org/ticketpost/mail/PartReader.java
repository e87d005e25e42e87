package org.ticketpost.mail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.commons.io.IOUtils;
import org.apache.commons.io.input.BoundedInputStream;
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
import org.ticketpost.intake.StoredContent;

/**
 * Walks the parts of one mail with mime4j's token stream: the top header fields are kept,
 * the readable texts combined as a mail program shows them, and every other part streamed
 * to the attachment sink as it is read.
 */
final class PartReader {

    private final AttachmentSink sink;
    private final TopHeaders headers = new TopHeaders();
    private final PartFields part = new PartFields();
    private final Deque<TextParts> multiparts = new ArrayDeque<>();
    private final TextParts root = new TextParts("mixed");
    private final List<Attachment> attachments = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private final ReportParts report = new ReportParts();
    private String topMimeType = "text/plain";
    private Charset textCharset;
    private Charset mailCharset;
    private int bodyPartDepth;
    private int bodyParts;
    private int messages;

    PartReader(AttachmentSink sink) {
        this.sink = sink;
    }

    /** Reads the mail to the end of its structure; the caller reads on to the end of the input. */
    void run(InputStream input, MimeConfig config) throws IOException, MimeException {
        MimeTokenStream stream = new MimeTokenStream(config, new Truncation(), null);
        stream.setRecursionMode(RecursionMode.M_NO_RECURSE);   // an attached mail is an attachment
        stream.parse(input);
        for (EntityState state = stream.getState(); state != EntityState.T_END_OF_STREAM; state = stream.next()) {
            if (state == EntityState.T_START_BODYPART && bodyParts++ == MimeDecoder.PART_LIMIT) {
                notes.add("the mail has more than " + MimeDecoder.PART_LIMIT + " parts: those after part "
                        + MimeDecoder.PART_LIMIT + " were not read, and are only in the mail as it came");
                endAllMultiparts();
                return;
            }
            switch (state) {
                case T_START_MESSAGE -> startMessage(stream);
                case T_START_HEADER -> part.reset();
                case T_FIELD -> {
                    part.add(stream.getField());
                    if (bodyPartDepth == 0 && messages == 1) {
                        headers.add(stream.getField());
                    }
                }
                case T_END_HEADER -> endHeader(stream);
                case T_START_BODYPART -> bodyPartDepth++;
                case T_END_BODYPART -> bodyPartDepth--;
                case T_START_MULTIPART -> startMultipart(stream);
                case T_END_MULTIPART -> endMultipart(stream);
                case T_BODY -> body(stream);
                default -> { }
            }
        }
    }

    /** Hears from mime4j when a part ends without its boundary: the mail was cut off in transit. */
    private final class Truncation extends DecodeMonitor {
        private boolean noted;

        @Override
        public boolean warn(String error, String dropDesc) {
            if (!noted && error.contains("ended prematurely")) {
                noted = true;
                notes.add(attachments.isEmpty()
                        ? "the mail ends inside a MIME part: it was cut off, and its last part may be incomplete"
                        : "the mail ends inside a MIME part: it was cut off, and the last attachment read, \""
                                + attachments.get(attachments.size() - 1).name() + "\", may be incomplete");
            }
            return false;   // read on: what arrived is kept
        }

        @Override
        public boolean isListening() {
            return true;
        }
    }

    /**
     * A mail that is nothing but another mail (Content-Type: message/rfc822 at the top, as some
     * programs forward) is read through: its text and attachments are those of the mail inside.
     * An attached mail within a multipart stays one attachment.
     */
    private void endHeader(MimeTokenStream stream) {
        if (bodyPartDepth == 0 && multiparts.isEmpty() && part.mimeType().equals("message/rfc822")) {
            stream.setRecursionMode(RecursionMode.M_RECURSE);
        }
    }

    private void startMessage(MimeTokenStream stream) {
        messages++;
        stream.setRecursionMode(RecursionMode.M_NO_RECURSE);   // only a wrapping mail is read through
    }

    private void startMultipart(MimeTokenStream stream) {
        if (multiparts.isEmpty() && bodyPartDepth == 0) {
            topMimeType = stream.getBodyDescriptor().getMimeType();
            // some programs name the mail's charset on the top multipart only, and write raw 8-bit names in it
            part.contentTypeParameter("charset").flatMap(CharsetLabels::charset)
                    .ifPresent(charset -> mailCharset = charset);
        }
        multiparts.push(new TextParts(stream.getBodyDescriptor().getSubType()));
        if (multiparts.size() == MimeDecoder.NESTING_LIMIT) {
            stream.setRecursionMode(RecursionMode.M_FLAT);
            notes.add("multiparts nested deeper than " + MimeDecoder.NESTING_LIMIT + " levels are kept as attachments");
        }
    }

    private void endMultipart(MimeTokenStream stream) {
        if (multiparts.size() == MimeDecoder.NESTING_LIMIT) {
            stream.setRecursionMode(RecursionMode.M_NO_RECURSE);
        }
        TextParts done = multiparts.pop();
        done.combined().ifPresent(text -> (multiparts.isEmpty() ? root : multiparts.peek()).add(text));
    }

    /** Combines the texts read so far, as if every open multipart ended here. */
    private void endAllMultiparts() {
        while (!multiparts.isEmpty()) {
            TextParts done = multiparts.pop();
            done.combined().ifPresent(text -> (multiparts.isEmpty() ? root : multiparts.peek()).add(text));
        }
    }

    private void body(MimeTokenStream stream) throws IOException {
        BodyDescriptor body = stream.getBodyDescriptor();
        String mimeType = body.getMimeType().toLowerCase(Locale.ROOT);
        if (multiparts.isEmpty() && bodyPartDepth == 0) {
            topMimeType = mimeType;
        }
        Optional<String> fileName = part.fileName(CharsetLabels.forRawBytes(declaredCharset()));
        boolean readable = mimeType.equals("text/plain") || mimeType.equals("text/html");
        try (InputStream content = decoded(stream.getInputStream(), body.getTransferEncoding())) {
            if (readable && fileName.isEmpty() && !part.dispositionType().equals("attachment")) {
                text(content, mimeType);
            } else {
                attach(content, mimeType, fileName);
            }
        }
    }

    private void attach(InputStream part, String mimeType, Optional<String> fileName) throws IOException {
        InputStream content = report.watch(mimeType, part);
        Optional<String> name = fileName;
        StoredContent stored;
        if (name.isEmpty() && mimeType.equals("message/rfc822")) {
            AttachedMailName attachedMail = new AttachedMailName(content);
            stored = sink.accept(attachedMail);
            name = attachedMail.name(CharsetLabels.forRawBytes(declaredCharset()));
        } else {
            stored = sink.accept(content);
        }
        String shown = name.orElseGet(() -> FileNames.forUnnamed(attachments.size() + 1, mimeType));
        attachments.add(new Attachment(shown, mimeType, stored.size(), stored));
    }

    private void text(InputStream content, String mimeType) throws IOException {
        byte[] bytes = IOUtils.toByteArray(BoundedInputStream.builder().setInputStream(content)
                .setMaxCount(MimeDecoder.TEXT_LIMIT).setPropagateClose(false).get());
        int length = bytes.length;
        long rest = IOUtils.skip(content, Long.MAX_VALUE);
        if (rest > 0) {
            notes.add("a text part of " + (length + rest) + " bytes was cut at " + MimeDecoder.TEXT_LIMIT + " bytes");
        }
        String charset = part.contentTypeParameter("charset").orElse(null);
        if (mimeType.equals("text/html") && charset == null) {
            charset = HtmlCharset.declared(bytes, length).orElse(null);
        }
        if (textCharset == null) {
            textCharset = CharsetLabels.charset(charset).orElse(null);
        }
        if (charset == null && mailCharset != null) {
            charset = mailCharset.name();
        }
        if (LineFeeds.areSingleBytesIn(CharsetLabels.charset(charset).map(Charset::name).orElse(""))) {
            length = LineFeeds.of(bytes, length);
        }
        String text = LineFeeds.of(TextDecoding.decode(bytes, length, charset));
        if (mimeType.equals("text/plain") && part.contentTypeParameter("format").filter("flowed"::equalsIgnoreCase).isPresent()) {
            text = FlowedText.unflow(text, part.contentTypeParameter("delsp").filter("yes"::equalsIgnoreCase).isPresent());
        }
        (multiparts.isEmpty() ? root : multiparts.peek()).add(new TextParts.Text(text, mimeType.equals("text/html")));
    }

    /** The charset the mail declares for its text: of the first text that names one, else of the whole mail. */
    Charset declaredCharset() {
        return textCharset != null ? textCharset : mailCharset != null ? mailCharset : TextDecoding.FALLBACK;
    }

    TopHeaders headers() {
        return headers;
    }

    /** The text a person reads, without NUL characters. */
    String text() {
        return root.combined().map(TextParts.Text::plain).orElse("").replace("\0", "");
    }

    List<Attachment> attachments() {
        return attachments;
    }

    List<String> notes() {
        return notes;
    }

    /** What the mail's parts say of another mail's delivery, should it be a delivery report. */
    ReportParts report() {
        return report;
    }

    /** The content type of the mail itself, e.g. multipart/report for a delivery status notification. */
    String topMimeType() {
        return topMimeType;
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
}
