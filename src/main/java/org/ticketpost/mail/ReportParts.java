package org.ticketpost.mail;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The parts of a mail that tell of another mail's delivery: a delivery report's status fields,
 * and the mail it returns, whole or its header alone. Their heads are kept as the attachment sink
 * reads them; the parts themselves stay attachments like any other.
 */
final class ReportParts {

    private static final Set<String> STATUS = Set.of("message/delivery-status", "message/global-delivery-status");
    private static final Set<String> RETURNED = Set.of("message/rfc822", "message/global", "text/rfc822-headers",
            "message/global-headers");
    /** Enough for any report's fields and any mail's header; a mail with more such parts is no report. */
    private static final int HEAD = 64 * 1024;
    private static final int PARTS = 4;
    private static final Pattern MESSAGE_ID = Pattern.compile("(?im)^message-id:[ \\t]*(?:\\r?\\n[ \\t]+)?<([^<>\\s]+)>");

    private final List<KeptHead> statuses = new ArrayList<>();
    private final List<KeptHead> returned = new ArrayList<>();

    /** The part's content, read through a keeper of its head where it is one of those parts. */
    InputStream watch(String mimeType, InputStream content) {
        List<KeptHead> kept = STATUS.contains(mimeType) ? statuses : RETURNED.contains(mimeType) ? returned : null;
        if (kept == null || kept.size() == PARTS) {
            return content;
        }
        KeptHead head = new KeptHead(content, HEAD);
        kept.add(head);
        return head;
    }

    /** Whether the mail carries a delivery report's status fields: then they alone say whether it is a bounce. */
    boolean hasStatus() {
        return !statuses.isEmpty();
    }

    List<DeliveryStatus.Failure> failures() {
        return statuses.stream().flatMap(status -> DeliveryStatus.failures(status.head()).stream()).toList();
    }

    /** The Message-IDs of the returned mails, without angle brackets. */
    List<String> returnedIds() {
        List<String> ids = new ArrayList<>();
        for (KeptHead mail : returned) {
            String text = new String(mail.head(), StandardCharsets.ISO_8859_1);
            int end = text.indexOf("\n\n") >= 0 ? text.indexOf("\n\n") : text.indexOf("\r\n\r\n");
            Matcher id = MESSAGE_ID.matcher(end < 0 ? text : text.substring(0, end));
            if (id.find()) {
                ids.add(id.group(1));
            }
        }
        return ids;
    }
}
