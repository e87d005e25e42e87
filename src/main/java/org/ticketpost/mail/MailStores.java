package org.ticketpost.mail;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import java.util.Properties;
import javax.net.ssl.SSLSocketFactory;

/**
 * Connecting to a mailbox with Jakarta Mail (Angus), IMAP and POP3 alike: timeouts on every
 * connect, read and write; over imap:// and pop3:// no password is sent before STARTTLS has
 * encrypted the connection, unless told starttls=off; the server's certificate must be
 * trusted by the JVM and name the host.
 */
final class MailStores {

    private MailStores() {
    }

    /** Jakarta Mail's name for the protocol: imap, imaps, pop3 or pop3s. */
    static String protocol(MailboxSettings settings) {
        String base = settings.url().protocol() == MailboxUrl.Protocol.IMAP ? "imap" : "pop3";
        return settings.url().security() == SmtpSettings.Security.TLS ? base + "s" : base;
    }

    static Properties properties(MailboxSettings settings, SSLSocketFactory tls) {
        String prefix = "mail." + protocol(settings) + ".";
        String millis = Long.toString(settings.timeout().toMillis());
        Properties properties = new Properties();
        properties.put(prefix + "host", settings.url().host());
        properties.put(prefix + "port", Integer.toString(settings.url().port()));
        properties.put(prefix + "connectiontimeout", millis);
        properties.put(prefix + "timeout", millis);
        properties.put(prefix + "writetimeout", millis);
        properties.put(prefix + "ssl.checkserveridentity", "true");
        properties.put(prefix + "socketFactory", QuickAckSockets.FACTORY);   // over imaps and pop3s too, wrapped in TLS
        if (settings.url().security() == SmtpSettings.Security.STARTTLS) {
            properties.put(prefix + "starttls.enable", "true");
            properties.put(prefix + "starttls.required", "true");
        }
        if (tls != null) {
            properties.put(prefix + "ssl.socketFactory", tls);
        }
        return properties;
    }

    /** Connects and logs in; a refused login is told apart from a server that cannot be reached. */
    static Store connect(Session session, MailboxSettings settings) throws MailboxException {
        Store store;
        try {
            store = session.getStore(protocol(settings));
        } catch (MessagingException e) {
            throw new MailboxException("no provider for " + protocol(settings) + ": " + e.getMessage(), e);
        }
        try {
            store.connect(settings.url().host(), settings.url().port(), settings.url().user(), settings.password().text());
            return store;
        } catch (AuthenticationFailedException e) {
            throw new MailboxException("the server refused the login of " + settings.url().user() + ": " + reason(e), true, e);
        } catch (MessagingException e) {
            throw new MailboxException("cannot connect: " + reason(e), e);
        }
    }

    /** The innermost message: Angus wraps a refused connection in several layers that say less. */
    static String reason(Throwable e) {
        String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            if (cause.getMessage() != null && !reason.contains(cause.getMessage())) {
                reason = reason + " (" + cause.getMessage() + ")";
            }
        }
        return reason.replaceAll("[\r\n]+", " ").strip();
    }

    static void closeQuietly(Store store) {
        try {
            store.close();
        } catch (MessagingException | RuntimeException e) {
            // the connection is gone either way
        }
    }
}
