package org.ticketpost.mail;

import java.util.Map;

/** Names for attachments that came without one, so that a person can still tell them apart. */
final class FileNames {

    private static final Map<String, String> EXTENSIONS = Map.ofEntries(
            Map.entry("text/plain", "txt"),
            Map.entry("text/html", "html"),
            Map.entry("text/calendar", "ics"),
            Map.entry("text/csv", "csv"),
            Map.entry("message/rfc822", "eml"),
            Map.entry("message/delivery-status", "txt"),
            Map.entry("message/disposition-notification", "txt"),
            Map.entry("message/feedback-report", "txt"),
            Map.entry("text/rfc822-headers", "txt"),
            Map.entry("image/png", "png"),
            Map.entry("image/jpeg", "jpg"),
            Map.entry("image/gif", "gif"),
            Map.entry("application/pdf", "pdf"),
            Map.entry("application/zip", "zip"),
            Map.entry("application/gzip", "gz"),
            Map.entry("application/pgp-signature", "asc"),
            Map.entry("application/pkcs7-signature", "p7s"),
            Map.entry("application/x-pkcs7-signature", "p7s"),
            Map.entry("application/ms-tnef", "dat"));

    private FileNames() {
    }

    static String forUnnamed(int number, String mimeType) {
        return "attachment-" + number + "." + EXTENSIONS.getOrDefault(mimeType, "bin");
    }
}
