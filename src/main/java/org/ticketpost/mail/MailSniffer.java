package org.ticketpost.mail;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Tells from the first bytes of a file whether it is a mail at all, and if not, what it seems to be. */
final class MailSniffer {

    /** How much of the start of a file is looked at. */
    static final int HEAD = 64 * 1024;

    private static final Pattern FIELD_LINE = Pattern.compile("[\\x21-\\x39\\x3b-\\x7e]+[ \\t]*:.*", Pattern.DOTALL);
    private static final Set<String> MAIL_FIELDS = Set.of("from", "to", "cc", "subject", "date", "message-id", "received",
            "return-path", "sender", "reply-to", "mime-version", "content-type", "delivered-to", "in-reply-to",
            "references", "x-mailer", "user-agent", "envelope-to", "x-original-to");

    private MailSniffer() {
    }

    /** Why these first bytes are not a mail, or empty when they may be one. */
    static Optional<String> notAMail(byte[] head, int length) {
        if (length == 0) {
            return Optional.of("the file is empty");
        }
        Optional<String> binary = binaryKind(head, length);
        if (binary.isPresent()) {
            return binary;
        }
        int start = headerStart(head, length);
        String text = new String(head, start, length - start, StandardCharsets.ISO_8859_1);
        String header = text.substring(0, headerEnd(text));
        if (header.indexOf('\0') >= 0) {
            return Optional.of("binary data, not a mail");
        }
        String[] lines = header.split("\r?\n|\r");
        if (!FIELD_LINE.matcher(lines[0]).matches()) {
            return Optional.of("no header section: a mail starts with header fields such as \"From: ...\"");
        }
        for (String line : lines) {
            int colon = line.indexOf(':');
            if (colon > 0 && MAIL_FIELDS.contains(line.substring(0, colon).strip().toLowerCase(Locale.ROOT))) {
                return Optional.empty();
            }
        }
        return Optional.of("no mail header fields (From, To, Subject, Date, Message-ID, ...) in the header section");
    }

    /**
     * Where the header fields start. Skipped before them: a byte-order mark, blank lines and
     * spaces (as some programs save a mail), an mbox "From " line, and one banner line such as
     * "---- Original email message ----" that a forwarding tool put on top of the fields.
     */
    static int headerStart(byte[] head, int length) {
        int at = startsWith(head, length, 0xEF, 0xBB, 0xBF) ? 3 : 0;
        while (at < length && (head[at] == ' ' || head[at] == '\t' || head[at] == '\r' || head[at] == '\n')) {
            at++;
        }
        if (line(head, at, length).startsWith("From ")) {
            at = nextLine(head, at, length);
        }
        int next = nextLine(head, at, length);
        if (!FIELD_LINE.matcher(line(head, at, length)).matches() && FIELD_LINE.matcher(line(head, next, length)).matches()) {
            at = next;
        }
        return at;
    }

    private static String line(byte[] head, int from, int length) {
        int end = from;
        while (end < length && head[end] != '\n' && head[end] != '\r') {
            end++;
        }
        return new String(head, from, end - from, StandardCharsets.ISO_8859_1);
    }

    private static int nextLine(byte[] head, int from, int length) {
        int at = from;
        while (at < length && head[at] != '\n' && head[at] != '\r') {
            at++;
        }
        if (at < length && head[at] == '\r') {
            at++;
        }
        if (at < length && head[at] == '\n') {
            at++;
        }
        return at;
    }

    /** Whether the lines end in a CR alone, as in files saved on old Macs. */
    static boolean hasBareCrLineEnds(byte[] head, int length) {
        for (int i = 0; i < length; i++) {
            if (head[i] == '\n') {
                return false;
            }
            if (head[i] == '\r') {
                return i + 1 < length && head[i + 1] != '\n';
            }
        }
        return false;
    }

    private static int headerEnd(String text) {
        int end = text.length();
        for (String blank : new String[] {"\r\n\r\n", "\n\n", "\r\r"}) {
            int at = text.indexOf(blank);
            if (at >= 0) {
                end = Math.min(end, at);
            }
        }
        return end;
    }

    private static Optional<String> binaryKind(byte[] head, int length) {
        if (startsWith(head, length, 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1)) {
            return Optional.of("an Outlook .msg file (binary), not an RFC 822 mail: save the mail as .eml");
        }
        if (startsWith(head, length, '%', 'P', 'D', 'F')) {
            return Optional.of("a PDF file, not a mail");
        }
        if (startsWith(head, length, 'P', 'K', 3, 4)) {
            return Optional.of("a ZIP archive, not a mail");
        }
        if (startsWith(head, length, 0x1F, 0x8B)) {
            return Optional.of("a gzip file, not a mail");
        }
        if (startsWith(head, length, 0x89, 'P', 'N', 'G') || startsWith(head, length, 0xFF, 0xD8, 0xFF)
                || startsWith(head, length, 'G', 'I', 'F', '8')) {
            return Optional.of("an image, not a mail");
        }
        return Optional.empty();
    }

    private static boolean startsWith(byte[] head, int length, int... magic) {
        if (length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((head[i] & 0xff) != magic[i]) {
                return false;
            }
        }
        return true;
    }
}
