package org.ticketpost.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.util.Properties;
import javax.net.ssl.SSLSocketFactory;
import org.ticketpost.reply.Delivery;
import org.ticketpost.reply.MailSender;
import org.ticketpost.reply.OutboundMail;

/**
 * Hands mails to an SMTP server (Jakarta Mail, Angus), the mails of a batch over one connection.
 * Over smtp:// it sends nothing before STARTTLS has encrypted the connection, unless told
 * starttls=off; the server's certificate must be trusted by the JVM and name the host.
 */
public final class SmtpSender implements MailSender {

    /**
     * Jakarta Mail looks up its stream provider (Angus's base64 and quoted-printable encoders)
     * through ServiceLoader, reading the service files of every jar, each time it writes a mail
     * or parses a header block: a seventh of the outbox sender's time. Named, the lookup is one
     * Class.forName. A value set with -D on the command line is kept.
     */
    private static final String STREAM_PROVIDER = "jakarta.mail.util.StreamProvider";

    static {
        if (System.getProperty(STREAM_PROVIDER) == null) {
            System.setProperty(STREAM_PROVIDER, "org.eclipse.angus.mail.util.MailStreamProvider");
        }
    }

    private final SmtpSettings settings;
    private final Session session;

    public SmtpSender(SmtpSettings settings) {
        this(settings, null);
    }

    /** @param tls makes the TLS connections, trusting what it trusts: a test server's own certificate */
    SmtpSender(SmtpSettings settings, SSLSocketFactory tls) {
        this.settings = settings;
        this.session = Session.getInstance(properties(settings, tls));
    }

    @Override
    public Delivery send(OutboundMail mail) {
        try (Batch batch = batch()) {
            return batch.send(mail);
        }
    }

    @Override
    public Batch batch() {
        return new Connection();
    }

    /**
     * One connection, opened for the first mail and kept while the server keeps it: each further
     * mail first asks whether it is still there (NOOP), and opens a new one if not. A mail the
     * server refused ends it, so the next starts on a clean connection. When the server cannot be
     * reached, the other mails of the batch wait too, each with the same reason, rather than each
     * wait for the timeout again.
     */
    private final class Connection implements Batch {

        private Transport transport;
        private Delivery unreachable;

        @Override
        public Delivery send(OutboundMail mail) {
            MimeMessage message;
            try {
                message = ReplyMime.of(session, mail);
            } catch (MessagingException e) {
                return new Delivery.Refused("cannot be written as a mail: " + SmtpFailures.reason(e));
            }
            if (unreachable != null) {
                return unreachable;
            }
            try {
                if (transport == null || !transport.isConnected()) {
                    close();
                    transport = session.getTransport(settings.protocol());
                    transport.connect(settings.host(), settings.port(), settings.user().orElse(null),
                            settings.password().orElse(null));
                }
            } catch (MessagingException e) {
                close();
                unreachable = SmtpFailures.delivery(e);
                return unreachable;
            }
            try {
                transport.sendMessage(message, message.getAllRecipients());
                return new Delivery.Accepted();
            } catch (MessagingException e) {
                close();
                return SmtpFailures.delivery(e);
            }
        }

        /** The mail is sent once the server took its data: a failing QUIT changes nothing about that. */
        @Override
        public void close() {
            if (transport == null) {
                return;
            }
            try {
                transport.close();
            } catch (MessagingException e) {
                // the connection is gone either way
            } finally {
                transport = null;
            }
        }
    }

    private static Properties properties(SmtpSettings settings, SSLSocketFactory tls) {
        String prefix = "mail." + settings.protocol() + ".";
        String millis = Long.toString(settings.timeout().toMillis());
        Properties properties = new Properties();
        properties.put(prefix + "host", settings.host());
        properties.put(prefix + "port", Integer.toString(settings.port()));
        properties.put(prefix + "connectiontimeout", millis);
        properties.put(prefix + "timeout", millis);
        properties.put(prefix + "writetimeout", millis);
        properties.put(prefix + "auth", Boolean.toString(settings.user().isPresent()));
        properties.put(prefix + "ssl.checkserveridentity", "true");
        if (settings.security() == SmtpSettings.Security.STARTTLS) {
            properties.put(prefix + "starttls.enable", "true");
            properties.put(prefix + "starttls.required", "true");
        }
        if (tls != null) {
            properties.put(prefix + "ssl.socketFactory", tls);
        }
        return properties;
    }
}
