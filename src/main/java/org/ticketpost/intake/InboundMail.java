package org.ticketpost.intake;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.ticketpost.ticket.SupportKey;

/**
 * A mail as intake sees it: decoded, with its text chosen and its attachments stored.
 *
 * @param messageId  the Message-ID without angle brackets, if it has one
 * @param inReplyTo  Message-IDs of In-Reply-To
 * @param references Message-IDs of References, oldest first
 * @param from       the author, if the From fields name one readable mailbox
 * @param fromText   the From field as written, for reports when it is not readable
 * @param subject    decoded subject, empty when there is none
 * @param sentAt     the Date field, if readable
 * @param text       the text a person would read: text/plain preferred, HTML turned into text
 * @param automatic  why this mail was sent by a machine (auto-reply, bounce, list), if it was
 * @param authentication what the receiving mail server reported on the sender; empty where mail.authserv-id is not set
 * @param sha256     hex digest of the raw message
 * @param size       size of the raw message in bytes
 * @param notes      what could not be read as it should, e.g. a truncated text
 * @param bounce     what a bounce reports of the mail it returns, if this is one
 */
public record InboundMail(
        Optional<String> messageId,
        List<String> inReplyTo,
        List<String> references,
        Optional<EmailAddress> from,
        String fromText,
        List<EmailAddress> replyTo,
        List<EmailAddress> to,
        List<EmailAddress> cc,
        String subject,
        Optional<Instant> sentAt,
        String text,
        List<Attachment> attachments,
        Optional<String> automatic,
        Optional<AuthenticationReport> authentication,
        String sha256,
        long size,
        List<String> notes,
        Optional<Bounce> bounce) {

    /** Longer Message-IDs (a rare abuse) are keyed by their hash, which fits the message_key column. */
    private static final int MESSAGE_ID_KEPT = 500;

    public InboundMail {
        inReplyTo = List.copyOf(inReplyTo);
        references = List.copyOf(references);
        replyTo = List.copyOf(replyTo);
        to = List.copyOf(to);
        cc = List.copyOf(cc);
        attachments = List.copyOf(attachments);
        notes = List.copyOf(notes);
    }

    /** What makes a second delivery of this mail recognisable: its Message-ID, or its content when it has none. */
    public String messageKey() {
        return messageId.map(id -> id.length() <= MESSAGE_ID_KEPT ? "<" + id + ">" : "<sha256:" + sha256Hex(id) + ">")
                .orElse("sha256:" + sha256);
    }

    private static String sha256Hex(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    /**
     * The one mailbox a reply goes to: the author's, or the first Reply-To that has a domain when the
     * support key allows that address as well. Anyone can write any Reply-To: followed blindly, it
     * would have Ticketpost write to whomever a stranger names, in the name of a customer. One at
     * most, so that a mail never makes Ticketpost write to many; never one without a domain, which
     * the mail server would deliver on its own host.
     *
     * @param key the support key the request may use, which allows its author
     */
    public Optional<EmailAddress> replyAddress(Optional<SupportKey> key) {
        Optional<EmailAddress> author = from.filter(EmailAddress::hasDomain);
        Optional<EmailAddress> allowedReplyTo = replyTo.stream().filter(EmailAddress::hasDomain).findFirst()
                .filter(address -> key.filter(allowing -> allowing.allows(address.address())).isPresent());
        return author.flatMap(address -> allowedReplyTo.or(() -> author));
    }

    public boolean isAutomatic() {
        return automatic.isPresent();
    }
}
