package org.ticketpost.mail;

import jakarta.mail.Message.RecipientType;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.List;
import java.util.regex.Pattern;
import org.eclipse.angus.mail.smtp.SMTPMessage;
import org.ticketpost.reply.OutboundMail;

/**
 * An outbound mail in MIME: From and To with their names, the stored envelope sender, the subject RFC 2047-encoded where it is not
 * ASCII, the stored Message-ID and Date (a retry is the same mail), In-Reply-To and References for
 * the customer's thread, Auto-Submitted and Content-Language where known, and the text as
 * text/plain in UTF-8, 7bit, quoted-printable or base64, whichever suits it.
 */
final class ReplyMime {

    private static final Pattern MESSAGE_ID = Pattern.compile("[^\\s<>()\\[\\]\\\\,;:\"@]+@[^\\s<>()\\\\,;:\"@]+");
    private static final Pattern LANGUAGE = Pattern.compile("[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*");
    private static final Pattern AUTO_SUBMITTED = Pattern.compile("[A-Za-z-]+");
    private static final Pattern LINE_BREAKS = Pattern.compile("[\\r\\n]+");

    private ReplyMime() {
    }

    static MimeMessage of(Session session, OutboundMail mail) throws MessagingException {
        if (!MESSAGE_ID.matcher(mail.messageId()).matches()) {
            throw new MessagingException("the Message-ID '" + oneLine(mail.messageId()) + "' is not of the form id@domain");
        }
        StoredIdMessage message = new StoredIdMessage(session, "<" + mail.messageId() + ">");
        message.setFrom(from(mail));
        message.setRecipient(RecipientType.TO, named(address(mail.to()), mail.toName()));
        message.setEnvelopeFrom(envelopeFrom(mail));
        message.setSubject(oneLine(mail.subject()), StandardCharsets.UTF_8.name());
        message.setSentDate(Date.from(mail.date()));
        String inReplyTo = ids(mail.inReplyTo());
        if (!inReplyTo.isEmpty()) {
            message.setHeader("In-Reply-To", MimeUtility.fold("In-Reply-To: ".length(), inReplyTo));
        }
        String references = ids(mail.references());
        if (!references.isEmpty()) {
            message.setHeader("References", MimeUtility.fold("References: ".length(), references));
        }
        mail.autoSubmitted().filter(value -> AUTO_SUBMITTED.matcher(value).matches())
                .ifPresent(value -> setHeader(message, "Auto-Submitted", value));
        mail.language().filter(value -> LANGUAGE.matcher(value).matches())
                .ifPresent(value -> setHeader(message, "Content-Language", value));
        // RFC 2045 wants CRLF in text before it is encoded: quoted-printable and base64 then carry real line ends
        message.setText(mail.body().replaceAll("\r?\n", "\r\n"), StandardCharsets.UTF_8.name());
        message.saveChanges();
        return message;
    }

    private static InternetAddress from(OutboundMail mail) throws MessagingException {
        return named(address(mail.fromAddress()), mail.fromName());
    }

    /** The name RFC 2047-encoded where it is not ASCII, and quoted where it holds commas or the like. */
    private static InternetAddress named(InternetAddress address, String name) {
        String oneLine = oneLine(name);
        if (oneLine.isEmpty()) {
            return address;
        }
        try {
            return new InternetAddress(address.getAddress(), oneLine, StandardCharsets.UTF_8.name());
        } catch (UnsupportedEncodingException e) {
            throw new IllegalStateException("UTF-8 is always supported", e);
        }
    }

    /** MAIL FROM: the stored return path, where bounces go; the From address should that not be an address. */
    private static String envelopeFrom(OutboundMail mail) throws AddressException {
        try {
            return address(mail.returnPath()).getAddress();
        } catch (AddressException e) {
            return address(mail.fromAddress()).getAddress();
        }
    }

    private static InternetAddress address(String address) throws AddressException {
        InternetAddress parsed = new InternetAddress(oneLine(address), true);
        parsed.validate();
        return parsed;
    }

    /** The customer's Message-IDs in angle brackets; one that could break the header is left out, not the mail. */
    private static String ids(List<String> ids) {
        return String.join(" ", ids.stream().filter(id -> MESSAGE_ID.matcher(id).matches()).map(id -> "<" + id + ">").toList());
    }

    private static String oneLine(String text) {
        return LINE_BREAKS.matcher(text).replaceAll(" ").strip();
    }

    private static void setHeader(MimeMessage message, String name, String value) {
        try {
            message.setHeader(name, value);
        } catch (MessagingException e) {
            throw new IllegalStateException("a new message takes any header", e);
        }
    }

    /**
     * Keeps the Message-ID it was given: Jakarta Mail would make a new one for every attempt. An
     * SMTP message, for its own envelope sender.
     */
    private static final class StoredIdMessage extends SMTPMessage {

        private final String messageId;

        StoredIdMessage(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }
}
