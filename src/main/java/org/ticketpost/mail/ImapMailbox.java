package org.ticketpost.mail;

import jakarta.mail.Folder;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import javax.net.ssl.SSLSocketFactory;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;

/** An IMAP folder (Jakarta Mail, Angus), read without ever setting \Seen by reading: see {@link ImapSession}. */
final class ImapMailbox implements Mailbox {

    private final MailboxSettings settings;
    private final Session session;

    ImapMailbox(MailboxSettings settings) {
        this(settings, null);
    }

    /** @param tls makes the TLS connections, trusting what it trusts: a test server's own certificate */
    ImapMailbox(MailboxSettings settings, SSLSocketFactory tls) {
        this.settings = settings;
        this.session = Session.getInstance(MailStores.properties(settings, tls));
    }

    @Override
    public MailboxSession connect() throws MailboxException {
        IMAPStore store = (IMAPStore) MailStores.connect(session, settings);
        try {
            IMAPFolder folder = (IMAPFolder) store.getFolder(settings.url().folder());
            if (!folder.exists()) {
                throw new MailboxException("the folder " + settings.url().folder() + " does not exist", null);
            }
            folder.open(Folder.READ_WRITE);
            return new ImapSession(settings, store, folder, store.hasCapability("IDLE"), store.hasCapability("MOVE"));
        } catch (MessagingException e) {
            MailStores.closeQuietly(store);
            throw new MailboxException("cannot open the folder " + settings.url().folder() + ": " + MailStores.reason(e), e);
        } catch (MailboxException e) {
            MailStores.closeQuietly(store);
            throw e;
        }
    }
}
