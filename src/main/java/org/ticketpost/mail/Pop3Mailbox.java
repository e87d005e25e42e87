package org.ticketpost.mail;

import jakarta.mail.FetchProfile;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessageRemovedException;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.UIDFolder;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import javax.net.ssl.SSLSocketFactory;
import org.eclipse.angus.mail.pop3.POP3Folder;
import org.eclipse.angus.mail.pop3.POP3Message;

/**
 * A POP3 maildrop (Jakarta Mail, Angus), its mails named by UIDL. POP3 shows no mail that
 * arrives during a session, so each look is a session of its own. A mail is retrieved into a
 * temporary file, not into memory.
 */
final class Pop3Mailbox implements Mailbox {

    private final MailboxSettings settings;
    private final Session session;

    Pop3Mailbox(MailboxSettings settings) {
        this(settings, null);
    }

    /** @param tls makes the TLS connections, trusting what it trusts: a test server's own certificate */
    Pop3Mailbox(MailboxSettings settings, SSLSocketFactory tls) {
        this.settings = settings;
        Properties properties = MailStores.properties(settings, tls);
        properties.put("mail." + MailStores.protocol(settings) + ".filecache.enable", "true");
        this.session = Session.getInstance(properties);
    }

    @Override
    public MailboxSession connect() throws MailboxException {
        Store store = MailStores.connect(session, settings);
        try {
            POP3Folder folder = (POP3Folder) store.getFolder("INBOX");
            folder.open(Folder.READ_WRITE);
            return new Pop3Session(store, folder);
        } catch (MessagingException e) {
            MailStores.closeQuietly(store);
            throw new MailboxException("cannot open the maildrop: " + MailStores.reason(e), e);
        }
    }

    private final class Pop3Session implements MailboxSession {
        private final Store store;
        private final POP3Folder folder;
        private final Map<String, POP3Message> listed = new HashMap<>();
        private boolean deleted;

        Pop3Session(Store store, POP3Folder folder) {
            this.store = store;
            this.folder = folder;
        }

        @Override
        public long uidValidity() {
            return 0;
        }

        @Override
        public String describe() {
            try {
                return folder.getMessageCount() + " mail(s) in the maildrop, looked at every " + settings.pollEvery();
            } catch (MessagingException e) {
                return "the maildrop, looked at every " + settings.pollEvery();
            }
        }

        @Override
        public boolean idles() {
            return false;
        }

        @Override
        public List<WaitingMail> list(long aboveUid, Collection<String> alsoUids) throws MailboxException {
            listed.clear();
            try {
                Message[] messages = folder.getMessages();
                FetchProfile profile = new FetchProfile();
                profile.add(UIDFolder.FetchProfileItem.UID);   // one UIDL command for all
                folder.fetch(messages, profile);
                List<WaitingMail> mails = new ArrayList<>();
                for (Message message : messages) {
                    String uidl = folder.getUID(message);
                    if (uidl != null && listed.putIfAbsent(uidl, (POP3Message) message) == null) {
                        mails.add(new WaitingMail(uidl, 0));
                    }
                }
                return mails;
            } catch (MessagingException e) {
                throw new MailboxException("cannot list the maildrop: " + MailStores.reason(e), e);
            }
        }

        /** POP3 keeps no arrival time: the Date field is the best there is (one TOP command). */
        @Override
        public Optional<Instant> arrivedAt(WaitingMail mail) throws MailboxException {
            try {
                POP3Message message = listed.get(mail.uid());
                return Optional.ofNullable(message == null ? null : message.getSentDate()).map(Date::toInstant);
            } catch (MessagingException e) {
                throw new MailboxException("cannot read the Date of mail " + mail.uid() + ": " + MailStores.reason(e), e);
            }
        }

        /** RETR reads one mail per command anyway: nothing is gained by reading ahead. */
        @Override
        public void prefetch(List<WaitingMail> mails) {
        }

        /** Nothing is read ahead: see {@link #prefetch}. */
        @Override
        public Optional<InputStream> fetched(WaitingMail mail) {
            return Optional.empty();
        }

        @Override
        public Optional<InputStream> open(WaitingMail mail) throws MailboxException {
            POP3Message message = listed.get(mail.uid());
            try {
                return message == null ? Optional.empty() : Optional.of(message.getMimeStream());
            } catch (MessageRemovedException e) {
                return Optional.empty();
            } catch (MessagingException e) {
                throw new MailboxException("cannot retrieve mail " + mail.uid() + ": " + MailStores.reason(e), e);
            }
        }

        /** With delete, the mails are marked now and deleted when the session ends; otherwise they stay, and the ledger skips them. */
        @Override
        public void acknowledge(List<WaitingMail> mails) throws MailboxException {
            if (settings.acknowledge() != MailboxSettings.Acknowledge.DELETE) {
                return;
            }
            for (WaitingMail mail : mails) {
                POP3Message message = listed.get(mail.uid());
                if (message == null) {
                    continue;
                }
                try {
                    message.setFlag(Flags.Flag.DELETED, true);
                    deleted = true;
                } catch (MessagingException e) {
                    throw new MailboxException("cannot delete mail " + mail.uid() + ": " + MailStores.reason(e), e);
                }
            }
        }

        @Override
        public Optional<String> setAside(WaitingMail mail) {
            return Optional.empty();
        }

        @Override
        public boolean awaitMail() {
            return false;
        }

        @Override
        public void wake() {
            // a POP3 session never waits
        }

        @Override
        public void close() {
            try {
                folder.close(deleted);   // QUIT: the server deletes the marked mails only now
            } catch (MessagingException | RuntimeException e) {
                // not deleted: the ledger skips them, and the next session marks them again
            }
            MailStores.closeQuietly(store);
        }
    }
}
