package org.ticketpost.mail;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The message/delivery-status part of a delivery status notification (RFC 3464, RFC 6533): a
 * block of fields about the message, then a block per recipient, each field a "Name: value"
 * line, folded lines continued with white space. A bounce is a recipient whose Action is
 * failed; delayed, delivered, relayed and expanded are not.
 */
final class DeliveryStatus {

    /** A reason is quoted this far: a diagnostic is a line or two, not a page. */
    private static final int REASON_LENGTH = 1000;

    /** A recipient the mail did not reach, and the server's words about it. */
    record Failure(Optional<String> recipient, String reason) {
    }

    private DeliveryStatus() {
    }

    /** The recipients whose delivery failed, in the order of the report. */
    static List<Failure> failures(byte[] part) {
        List<Failure> failures = new ArrayList<>();
        for (Map<String, String> block : blocks(new String(part, StandardCharsets.UTF_8))) {
            if (!"failed".equals(keyword(block.get("action")))) {
                continue;
            }
            Optional<String> recipient = Optional.ofNullable(block.get("final-recipient"))
                    .or(() -> Optional.ofNullable(block.get("original-recipient")))
                    .map(DeliveryStatus::withoutType).filter(address -> address.contains("@"));
            String status = Optional.ofNullable(keyword(block.get("status"))).orElse("");
            String diagnostic = Optional.ofNullable(block.get("diagnostic-code")).map(DeliveryStatus::withoutType).orElse("");
            String reason = diagnostic.isEmpty() ? status
                    : status.isEmpty() || diagnostic.contains(status) ? diagnostic : status + " " + diagnostic;
            failures.add(new Failure(recipient, cut(reason.isEmpty() ? "no reason given" : reason)));
        }
        return failures;
    }

    /** The blocks of fields, each by lower-case name; of a field given twice, the first. */
    private static List<Map<String, String>> blocks(String text) {
        List<Map<String, String>> blocks = new ArrayList<>();
        Map<String, String> block = new HashMap<>();
        String name = null;
        for (String line : text.split("\r?\n", -1)) {
            if (line.isBlank()) {
                if (!block.isEmpty()) {
                    blocks.add(block);
                    block = new HashMap<>();
                }
                name = null;
            } else if ((line.charAt(0) == ' ' || line.charAt(0) == '\t') && name != null) {
                block.computeIfPresent(name, (field, value) -> value + " " + line.strip());
            } else if (line.indexOf(':') > 0) {
                name = line.substring(0, line.indexOf(':')).strip().toLowerCase(Locale.ROOT);
                block.putIfAbsent(name, line.substring(line.indexOf(':') + 1).strip());
            }
        }
        if (!block.isEmpty()) {
            blocks.add(block);
        }
        return blocks;
    }

    /** "jane@example.com" of "rfc822; jane@example.com", "550 5.1.1 …" of "smtp; 550 5.1.1 …". */
    private static String withoutType(String value) {
        int semicolon = value.indexOf(';');
        return (semicolon < 0 ? value : value.substring(semicolon + 1)).strip();
    }

    /** The first word, in lower case: "failed" of "failed (permanent)", "5.1.1" of "5.1.1 (user unknown)". */
    private static String keyword(String value) {
        return value == null || value.isBlank() ? null : value.strip().split("[\\s(]", 2)[0].toLowerCase(Locale.ROOT);
    }

    /** One line, at most {@link #REASON_LENGTH} characters. */
    static String cut(String reason) {
        String line = HeaderText.oneLine(reason).replaceAll("\\s+", " ").strip();
        return line.length() <= REASON_LENGTH ? line : line.substring(0, REASON_LENGTH - 1) + "…";
    }
}
