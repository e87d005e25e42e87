package org.ticketpost.mail;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** Tells from the first bytes of a file whether it is a mail at all, and if not, what it seems to be. */
final class MailSniffer {

    /** How much of the start of a file is looked at. */
    static final int HEAD = 64 * 1024;

    /** A header section of which more than one byte in this many is NUL is no mail's. */
    private static final int NUL_SHARE = 8;

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
        int end = headerEnd(head, start, length);
        int nuls = 0;
        for (int i = start; i < end; i++) {
            nuls += head[i] == 0 ? 1 : 0;
        }
        if (nuls > 0) {
            // a stray NUL is dropped from the header (StrayNuls); a header full of them is UTF-16 text or binary data
            boolean mailWithStrays = nuls * NUL_SHARE <= end - start && notAMail(withoutNuls(head, length)).isEmpty();
            return mailWithStrays ? Optional.empty() : Optional.of("binary data, not a mail");
        }
        if (!isFieldLine(head, start, end)) {
            return Optional.of("no header section: a mail starts with header fields such as \"From: ...\"");
        }
        for (int line = start; line < end; line = nextLine(head, line, end)) {
            int colon = line;
            while (colon < end && head[colon] != ':' && head[colon] != '\n' && head[colon] != '\r') {
                colon++;
            }
            if (colon < end && head[colon] == ':'
                    && MAIL_FIELDS.contains(new String(head, line, colon - line, StandardCharsets.ISO_8859_1).strip().toLowerCase(Locale.ROOT))) {
                return Optional.empty();
            }
        }
        return Optional.of("no mail header fields (From, To, Subject, Date, Message-ID, ...) in the header section");
    }

    private static Optional<String> notAMail(byte[] withoutNuls) {
        return notAMail(withoutNuls, withoutNuls.length);
    }

    private static byte[] withoutNuls(byte[] head, int length) {
        byte[] kept = new byte[length];
        int at = 0;
        for (int i = 0; i < length; i++) {
            if (head[i] != 0) {
                kept[at++] = head[i];
            }
        }
        return Arrays.copyOf(kept, at);
    }

    /** Whether the first bytes hold the empty line that ends the header section. */
    static boolean hasHeaderEnd(byte[] head, int length) {
        for (int i = 1; i < length; i++) {
            if (head[i] == '\n' && (head[i - 1] == '\n' || (i >= 2 && head[i - 1] == '\r' && head[i - 2] == '\n'))) {
                return true;
            }
            if (head[i] == '\r' && head[i - 1] == '\r') {
                return true;
            }
        }
        return false;
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
        if (!isFieldLine(head, at, length) && isFieldLine(head, next, length)) {
            at = next;
        }
        return at;
    }

    /** A header field's line: a name of printable characters but the colon, maybe spaces, then a colon. */
    private static boolean isFieldLine(byte[] head, int from, int length) {
        int at = from;
        while (at < length && head[at] >= 0x21 && head[at] <= 0x7e && head[at] != ':') {
            at++;
        }
        if (at == from) {
            return false;
        }
        while (at < length && (head[at] == ' ' || head[at] == '\t')) {
            at++;
        }
        return at < length && head[at] == ':';
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

    /** Where the header section ends: at its first empty line, or with the bytes at hand. */
    private static int headerEnd(byte[] head, int from, int length) {
        for (int line = from; line < length; line = nextLine(head, line, length)) {
            if (head[line] == '\n' || head[line] == '\r') {
                return line;
            }
        }
        return length;
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
