package org.ticketpost.testing;

import com.icegreen.greenmail.base.GreenMailOperations;
import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.store.MailFolder;
import com.icegreen.greenmail.user.GreenMailUser;
import jakarta.mail.Address;
import jakarta.mail.Flags;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Ticketpost's support mailbox on a GreenMail server: customers write to it over SMTP, mails
 * are placed in it as a backlog would be, and the customers' own mailboxes hold what Ticketpost
 * answered.
 */
public final class SupportMailbox {

    public static final String ADDRESS = "support@ticketpost.example";
    public static final String PASSWORD = "s3cret-mailbox";

    private final GreenMailOperations mail;
    private final GreenMailUser user;

    public SupportMailbox(GreenMailOperations mail) {
        this.mail = mail;
        this.user = mail.setUser(ADDRESS, ADDRESS, PASSWORD);
    }

    public GreenMailUser user() {
        return user;
    }

    /** The settings that have serve read this mailbox over IMAP, without TLS, and send its replies through the same server. */
    public Map<String, String> imap(String folder) {
        return settings("imap://support%40ticketpost.example@127.0.0.1:" + mail.getImap().getPort() + "/" + folder + "?starttls=off");
    }

    public Map<String, String> pop3() {
        return settings("pop3://support%40ticketpost.example@127.0.0.1:" + mail.getPop3().getPort() + "?starttls=off");
    }

    public Map<String, String> settings(String url) {
        Map<String, String> env = new HashMap<>();
        env.put("TICKETPOST_MAILBOX_URL", url);
        env.put("TICKETPOST_MAILBOX_PASSWORD", PASSWORD);
        env.put("TICKETPOST_MAILBOX_POLL_INTERVAL", "PT1S");
        env.put("TICKETPOST_SMTP_URL", "smtp://127.0.0.1:" + mail.getSmtp().getPort() + "?starttls=off");
        return env;
    }

    /** A customer's mail, sent over SMTP to the support address, as the customer's mail program would. */
    public void send(String raw) {
        try {
            Properties properties = new Properties();
            properties.put("mail.smtp.host", "127.0.0.1");
            properties.put("mail.smtp.port", Integer.toString(mail.getSmtp().getPort()));
            Session session = Session.getInstance(properties);
            MimeMessage message = new MimeMessage(session, new ByteArrayInputStream(raw.getBytes(StandardCharsets.UTF_8)));
            try (Transport transport = session.getTransport("smtp")) {
                transport.connect();
                transport.sendMessage(message, new Address[] {new InternetAddress(ADDRESS)});   // as written: no new Message-ID
            }
        } catch (MessagingException e) {
            throw new IllegalStateException("cannot send to " + ADDRESS + ": " + e.getMessage(), e);
        }
    }

    /** Places a mail in a folder as having arrived then, with these flags; returns its UID. */
    public long place(String folder, String raw, Flags flags, Instant arrived) {
        return place(folder, new ByteArrayInputStream(raw.getBytes(StandardCharsets.UTF_8)), flags, arrived);
    }

    public long place(String folder, InputStream raw, Flags flags, Instant arrived) {
        try {
            MimeMessage message = new MimeMessage(Session.getInstance(new Properties()), raw);
            return folder(folder).appendMessage(message, flags, Date.from(arrived));
        } catch (MessagingException e) {
            throw new IllegalStateException("cannot place a mail in " + folder + ": " + e.getMessage(), e);
        }
    }

    public MailFolder folder(String name) {
        try {
            MailFolder folder = mail.getManagers().getImapHostManager().getFolder(user, name);
            return folder != null ? folder : mail.getManagers().getImapHostManager().createMailbox(user, name);
        } catch (FolderException | com.icegreen.greenmail.imap.AuthorizationException e) {
            throw new IllegalStateException("no folder " + name + ": " + e.getMessage(), e);
        }
    }

    /** Whether the folder exists now. */
    public boolean has(String folder) {
        return mail.getManagers().getImapHostManager().getFolder(user, folder) != null;
    }

    /** The mails a customer received, oldest first. */
    public List<MimeMessage> receivedBy(String address) {
        return mail.findReceivedMessages(account -> account.getEmail().equalsIgnoreCase(address), message -> true).toList();
    }
}
