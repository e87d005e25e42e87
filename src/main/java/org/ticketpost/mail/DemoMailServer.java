package org.ticketpost.mail;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;

/**
 * The mail server of `ticketpost demo`: GreenMail with SMTP and IMAP on free localhost ports,
 * holding every mailbox in memory. Mail sent to it through SMTP lands in the recipient's
 * mailbox, which it opens for any address on first use; the demo's people log in with their
 * address and a shared password.
 */
public final class DemoMailServer implements AutoCloseable {

    private static final String HOST = "127.0.0.1";

    private final GreenMail greenMail;
    private final String password;
    private final Session session;

    private DemoMailServer(GreenMail greenMail, String password) {
        this.greenMail = greenMail;
        this.password = password;
        Properties smtp = new Properties();
        smtp.put("mail.smtp.host", HOST);
        smtp.put("mail.smtp.port", Integer.toString(greenMail.getSmtp().getPort()));
        this.session = Session.getInstance(smtp);
    }

    /** Starts the server with a mailbox for each address, all with the same password. */
    public static DemoMailServer start(String password, List<String> addresses) {
        ServerSetup[] setups = ServerSetup.dynamicPort(new ServerSetup[] {
                new ServerSetup(0, HOST, ServerSetup.PROTOCOL_SMTP),
                new ServerSetup(0, HOST, ServerSetup.PROTOCOL_IMAP)});
        GreenMail greenMail = new GreenMail(setups).withConfiguration(GreenMailConfiguration.aConfig());
        greenMail.start();
        addresses.forEach(address -> greenMail.setUser(address, address, password));
        return new DemoMailServer(greenMail, password);
    }

    public String host() {
        return HOST;
    }

    public int smtpPort() {
        return greenMail.getSmtp().getPort();
    }

    public int imapPort() {
        return greenMail.getImap().getPort();
    }

    public String password() {
        return password;
    }

    /**
     * Sends a mail through the server's SMTP port, as a customer's mail program would, with a
     * new Message-ID and the current date, so that each run is a new mail.
     *
     * @return the Message-ID it was sent with
     */
    public String send(byte[] mail, String from, String to) {
        try {
            MimeMessage message = new OwnIdMessage(session, new ByteArrayInputStream(mail));
            message.setFrom(new InternetAddress(from));
            message.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
            message.setSentDate(new Date());
            String messageId = "<" + UUID.randomUUID() + "@demo.ticketpost>";
            message.setHeader("Message-ID", messageId);
            send(message, from, to);
            return messageId;
        } catch (MessagingException e) {
            throw new IllegalStateException("the demo mail cannot be sent: " + e.getMessage(), e);
        }
    }

    /** Sends a plain-text reply to a mail, threaded on it as a mail program threads one. */
    public String reply(ReceivedMail original, String from, String to, String text) {
        try {
            MimeMessage message = new OwnIdMessage(session);
            message.setFrom(new InternetAddress(from));
            message.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
            message.setSubject(original.subject().startsWith("Re:") ? original.subject() : "Re: " + original.subject(), "UTF-8");
            message.setSentDate(new Date());
            message.setHeader("In-Reply-To", original.messageId());
            message.setHeader("References", original.messageId());
            message.setText(text, "UTF-8");
            String messageId = "<" + UUID.randomUUID() + "@demo.ticketpost>";
            message.setHeader("Message-ID", messageId);
            send(message, from, to);
            return messageId;
        } catch (MessagingException e) {
            throw new IllegalStateException("the demo reply cannot be sent: " + e.getMessage(), e);
        }
    }

    private void send(MimeMessage message, String from, String to) throws MessagingException {
        message.saveChanges();
        Transport.send(message, new Address[] {new InternetAddress(to)});
    }

    /** A mail that keeps the Message-ID it was given, where sending would make up a new one. */
    private static final class OwnIdMessage extends MimeMessage {
        OwnIdMessage(Session session) {
            super(session);
        }

        OwnIdMessage(Session session, java.io.InputStream in) throws MessagingException {
            super(session, in);
        }

        @Override
        protected void updateMessageID() {
            // the Message-ID header set by the demo stays
        }
    }

    /** Waits for a mail in the address's mailbox that the filter accepts, oldest first. */
    public Optional<ReceivedMail> await(String address, java.util.function.Predicate<ReceivedMail> filter, Duration patience)
            throws InterruptedException {
        Instant deadline = Instant.now().plus(patience);
        while (true) {
            Optional<ReceivedMail> found = Arrays.stream(greenMail.getReceivedMessages())
                    .filter(message -> isFor(message, address))
                    .map(DemoMailServer::received)
                    .filter(filter)
                    .findFirst();
            if (found.isPresent() || Instant.now().isAfter(deadline)) {
                return found;
            }
            Thread.sleep(50);
        }
    }

    private static boolean isFor(MimeMessage message, String address) {
        try {
            Address[] to = message.getRecipients(Message.RecipientType.TO);
            return to != null && Arrays.stream(to)
                    .anyMatch(recipient -> recipient instanceof InternetAddress internet
                            && internet.getAddress().equalsIgnoreCase(address));
        } catch (MessagingException e) {
            return false;
        }
    }

    private static ReceivedMail received(MimeMessage message) {
        try {
            Object content = message.getContent();
            String text = content instanceof String string ? string : String.valueOf(content);
            return new ReceivedMail(message.getHeader("Message-ID", null), String.valueOf(message.getSubject()), text);
        } catch (MessagingException e) {
            throw new IllegalStateException("a mail in the demo server cannot be read: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A mail in a demo mailbox, as the demo shows it. */
    public record ReceivedMail(String messageId, String subject, String text) {
    }

    @Override
    public void close() {
        greenMail.stop();
    }
}
