package org.ticketpost.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** Mails for benchmarks, made on the spot: nothing large is kept in the repository. */
public final class GeneratedMails {

    private GeneratedMails() {
    }

    /** A filled-in English template of about 5 KB, like a real request with a package list and a log excerpt. */
    public static byte[] typicalRequest(int number) {
        StringBuilder packages = new StringBuilder();
        for (String name : new String[] {"core", "imap", "smtp", "calendar", "contacts", "drive", "admin", "appsuite-backend",
                "appsuite-frontend", "documents", "spreadsheet", "guard", "mobile-api", "push", "oauth", "saml"}) {
            packages.append("open-xchange-").append(name).append(" 8.21.0-1\n");
        }
        StringBuilder log = new StringBuilder();
        for (int line = 0; line < 36; line++) {
            log.append("2026-11-16 09:12:").append(10 + line)
                    .append(" WARN [calendar-itip-").append(line).append("] CAL-4042: iTIP transport failed for berta@example.com\n");
        }
        String mail = "From: Jane Doe <jane.doe@example.com>\r\n"
                + "To: support@ticketpost.example\r\n"
                + "Subject: Calendar invitations are not delivered (" + number + ")\r\n"
                + "Date: Mon, 16 Nov 2026 09:12:44 +0100\r\n"
                + "Message-ID: <bench-" + number + "@mail.example.com>\r\n"
                + "MIME-Version: 1.0\r\n"
                + "Content-Type: text/plain; charset=UTF-8\r\n"
                + "Content-Transfer-Encoding: 8bit\r\n"
                + "\r\n"
                + ("Hello support team,\n\nsince this morning's update our users no longer receive calendar invitations.\n\n"
                + "Support Key: OXSK-7Q4M-2KD9-X1PZ\n"
                + "Server: https://ox.example.com/appsuite/\n"
                + "Server Version:\n" + packages
                + "Distribution: Debian 12\n"
                + "GUI Version: 8.21.0\n"
                + "Module: calendar\n"
                + "Severity: 2 - Medium\n"
                + "Track-ID: EX-" + number + "\n"
                + "Product: OXAPPSUITE\n"
                + "Component: Groupware Server\n\n"
                + "Steps to reproduce:\n1. Log in as anton@example.com\n2. Create an appointment and invite berta@example.com\n3. Save\n\n"
                + "Current behaviour:\nThe appointment is saved, but Berta receives no invitation. The log shows:\n" + log + "\n"
                + "Expected behaviour:\nBerta receives the invitation by mail, as before the update.\n\n"
                + "Best regards,\nJane Doe\n-- \nJane Doe | IT Operations | Example Corp.\n").replace("\n", "\r\n");
        return mail.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Writes this many typical requests from 500 senders into a folder, as mail-000000.eml and on.
     *
     * @return each file's path, as ingest names it, with the Message-ID of the mail in it
     */
    public static Map<String, String> writeRequests(Path folder, int count) throws IOException {
        Map<String, String> messageIds = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            String mail = new String(typicalRequest(i), StandardCharsets.UTF_8)
                    .replace("jane.doe@example.com", "user" + (i % 500) + "@example.com");
            Path file = Files.writeString(folder.resolve(String.format(Locale.ROOT, "mail-%06d.eml", i)), mail);
            messageIds.put(file.toString(), "bench-" + i + "@mail.example.com");
        }
        return messageIds;
    }

    /**
     * The typical request with a base64 attachment of the given size, produced while it is read,
     * so that the whole mail never exists in memory.
     */
    public static InputStream withAttachment(long attachmentBytes) {
        String typical = new String(typicalRequest(0), StandardCharsets.UTF_8);
        int headerEnd = typical.indexOf("\r\n\r\n");
        String head = typical.substring(0, headerEnd).replace("Content-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: 8bit",
                "Content-Type: multipart/mixed; boundary=\"b1\"")
                + "\r\n\r\n--b1\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n" + typical.substring(headerEnd + 4)
                + "\r\n--b1\r\nContent-Type: application/octet-stream\r\nContent-Disposition: attachment; filename=\"heapdump.bin\"\r\n"
                + "Content-Transfer-Encoding: base64\r\n\r\n";
        String tail = "\r\n--b1--\r\n";
        return new SequenceInputStream(new SequenceInputStream(
                new java.io.ByteArrayInputStream(head.getBytes(StandardCharsets.UTF_8)), new Base64Lines(attachmentBytes)),
                new java.io.ByteArrayInputStream(tail.getBytes(StandardCharsets.UTF_8)));
    }

    /** Writes a mail with an attachment of the given size to a file, streaming. */
    public static Path writeWithAttachment(Path file, long attachmentBytes) throws IOException {
        try (InputStream mail = withAttachment(attachmentBytes)) {
            Files.copy(mail, file);
        }
        return file;
    }

    /** Base64 of pseudo-random bytes in 76-character lines, generated as it is read. */
    private static final class Base64Lines extends InputStream {
        private static final int RAW_PER_LINE = 57;
        private final Base64.Encoder encoder = Base64.getEncoder();
        private final byte[] raw = new byte[RAW_PER_LINE];
        private long remaining;
        private byte[] line = new byte[0];
        private int position;
        private long seed = 42;

        Base64Lines(long bytes) {
            this.remaining = bytes;
        }

        @Override
        public int read() {
            if (position == line.length && !nextLine()) {
                return -1;
            }
            return line[position++] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (position == line.length && !nextLine()) {
                return -1;
            }
            int n = Math.min(length, line.length - position);
            System.arraycopy(line, position, buffer, offset, n);
            position += n;
            return n;
        }

        private boolean nextLine() {
            if (remaining <= 0) {
                return false;
            }
            int n = (int) Math.min(RAW_PER_LINE, remaining);
            for (int i = 0; i < n; i++) {
                seed = seed * 6364136223846793005L + 1442695040888963407L;
                raw[i] = (byte) (seed >>> 56);
            }
            remaining -= n;
            byte[] encoded = encoder.encode(n == RAW_PER_LINE ? raw : java.util.Arrays.copyOf(raw, n));
            line = java.util.Arrays.copyOf(encoded, encoded.length + 2);
            line[encoded.length] = '\r';
            line[encoded.length + 1] = '\n';
            position = 0;
            return true;
        }
    }
}
