package org.ticketpost.mail;

import jakarta.mail.internet.MailDateFormat;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.text.ParsePosition;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.james.mime4j.stream.Field;
import org.apache.james.mime4j.util.ByteSequence;

/**
 * The header fields of a message that Ticketpost reads, kept as raw bytes until the
 * message is read to its end: raw 8-bit header text is then decoded as UTF-8 when it is
 * valid UTF-8, otherwise in the charset the message declares for its text, as mail
 * programs do.
 */
final class TopHeaders {

    private static final Set<String> KEPT = Set.of(
            "from", "sender", "reply-to", "to", "cc", "subject", "date", "message-id", "in-reply-to", "references",
            "return-path", "auto-submitted", "x-autoreply", "x-autorespond", "x-autoreply-from", "x-mail-autoreply",
            "precedence", "x-failed-recipients", "x-loop", "delivered-to", "x-original-to", "envelope-to");

    private static final Pattern MESSAGE_ID = Pattern.compile("<([^<>\\s]+)>");
    private static final Pattern KEYWORD_END = Pattern.compile("[;\\s(]");
    private static final int REFERENCES_LIMIT = 100;
    /** The trace fields kept from the top: those a receiving server added are among the first few. */
    private static final int TRACE_LIMIT = 100;
    /** A longer trace field is kept empty: no server writes one, and an unreadable one counts for nothing. */
    private static final int TRACE_FIELD_LENGTH = 16 * 1024;
    private static final Set<String> TRACE = Set.of("received", "authentication-results");

    /** A Received or Authentication-Results field, unfolded; they are kept in their order, from the top. */
    record TraceField(String name, String value) {
        boolean isReceived() {
            return name.equals("received");
        }
    }

    private final Map<String, List<byte[]>> raw = new LinkedHashMap<>();
    private final Map<String, List<String>> unfolded = new HashMap<>();
    private final List<TraceField> trace = new ArrayList<>();
    private Charset fallback = TextDecoding.FALLBACK;

    void add(Field field) {
        String name = field.getNameLowerCase();
        if (TRACE.contains(name) && trace.size() < TRACE_LIMIT) {
            byte[] value = valueBytes(field);
            trace.add(new TraceField(name, value.length > TRACE_FIELD_LENGTH ? ""
                    : Unfolding.unfold(TextDecoding.raw(value, StandardCharsets.UTF_8)).strip()));
        }
        if (!KEPT.contains(name)) {
            return;
        }
        raw.computeIfAbsent(name, any -> new ArrayList<>()).add(valueBytes(field));
    }

    /** The charset for raw 8-bit header bytes that are not UTF-8: the one the message declares for its text. */
    void setFallback(Charset charset) {
        this.fallback = CharsetLabels.forRawBytes(charset);
        unfolded.clear();   // decoded with the charset before
    }

    boolean has(String name) {
        return raw.containsKey(name);
    }

    /** The first such field, unfolded and with RFC 2047 encoded words decoded. */
    Optional<String> text(String name) {
        return unfolded(name).map(value -> HeaderText.oneLine(EncodedWords.decode(value, fallback)).strip());
    }

    /** The first such field, unfolded but not decoded: for address and Message-ID fields, whose syntax comes first. */
    Optional<String> unfolded(String name) {
        return all(name).stream().findFirst();
    }

    /** Every such field, in order, unfolded but not decoded. Asked for several times per mail, so kept once made. */
    List<String> all(String name) {
        return unfolded.computeIfAbsent(name, any -> raw.getOrDefault(name, List.of()).stream().map(this::unfolded).toList());
    }

    private String unfolded(byte[] bytes) {
        String value = TextDecoding.raw(bytes, fallback);
        return Unfolding.unfold(value).strip();
    }

    /** The Received and Authentication-Results fields in their order, from the top. */
    List<TraceField> trace() {
        return trace;
    }

    /** A field's first value token in lower case, e.g. "auto-replied" of "Auto-Submitted: auto-replied; owner=x". */
    Optional<String> keyword(String name) {
        return unfolded(name).map(value -> KEYWORD_END.split(value, 2)[0].toLowerCase(Locale.ROOT));
    }

    /** The Message-IDs in such a field, without angle brackets; of long References the newest. */
    List<String> messageIds(String field) {
        List<String> ids = new ArrayList<>();
        Optional<String> value = unfolded(field);
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

    /** The Date field, if readable (RFC 5322 and the obsolete forms: two-digit years, zone names). */
    Optional<Instant> date() {
        return unfolded("date").flatMap(TopHeaders::date);
    }

    private static Optional<Instant> date(String value) {
        try {
            return Optional.of(ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
        } catch (DateTimeParseException e) {
            // the obsolete forms, and a comment such as "(CET)" after the zone
            Date parsed = new MailDateFormat().parse(value, new ParsePosition(0));
            return Optional.ofNullable(parsed).map(Date::toInstant);
        }
    }

    /** The raw bytes of a field's value, after the colon, still folded. */
    static byte[] valueBytes(Field field) {
        ByteSequence bytes = field.getRaw();
        if (bytes == null) {
            String body = field.getBody();
            return body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        }
        byte[] all = bytes.toByteArray();   // copied now: the parser reuses its buffer for the next field
        int colon = 0;
        while (colon < all.length && all[colon] != ':') {
            colon++;
        }
        return Arrays.copyOfRange(all, Math.min(colon + 1, all.length), all.length);
    }
}
