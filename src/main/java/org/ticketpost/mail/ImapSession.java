package org.ticketpost.mail;

import jakarta.mail.FetchProfile;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessageRemovedException;
import jakarta.mail.MessagingException;
import jakarta.mail.UIDFolder;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPMessage;
import org.eclipse.angus.mail.imap.IMAPStore;

/** An open IMAP folder: its mails by UID, read with BODY.PEEK, acknowledged as configured. */
final class ImapSession implements MailboxSession {

    private final MailboxSettings settings;
    private final IMAPStore store;
    private final IMAPFolder folder;
    private final boolean idles;
    private long highestListed;
    private final boolean moves;
    private final long uidValidity;
    private final Map<String, IMAPMessage> listed = new LinkedHashMap<>();
    private final Object wakeLock = new Object();
    private boolean woken;

    ImapSession(MailboxSettings settings, IMAPStore store, IMAPFolder folder, boolean idles, boolean moves)
            throws MessagingException {
        this.settings = settings;
        this.store = store;
        this.folder = folder;
        this.idles = idles;
        this.moves = moves;
        this.uidValidity = folder.getUIDValidity();
    }

    @Override
    public long uidValidity() {
        return uidValidity;
    }

    @Override
    public String describe() {
        String count;
        try {
            count = folder.getMessageCount() + " mail(s) in " + settings.url().folder();
        } catch (MessagingException e) {
            count = settings.url().folder();
        }
        return count + (idles ? ", new mail announced by IDLE" : ", no IDLE: looking for new mail every " + settings.pollEvery());
    }

    @Override
    public boolean idles() {
        return idles;
    }

    @Override
    public List<WaitingMail> list(long aboveUid, Collection<String> alsoUids) throws MailboxException {
        listed.clear();
        try {
            refresh();
            List<Message> found = new ArrayList<>();
            if (folder.getMessageCount() > 0) {
                // "UID n:*" names the last mail even where its UID is below n: those are left out below
                found.addAll(Arrays.asList(folder.getMessagesByUID(aboveUid + 1, UIDFolder.LASTUID)));   // null: expunged meanwhile
                long[] also = alsoUids.stream().mapToLong(Long::parseLong).toArray();
                if (also.length > 0) {
                    found.addAll(Arrays.asList(folder.getMessagesByUID(also)));
                }
            }
            found.removeIf(message -> message == null || message.isExpunged());
            FetchProfile profile = new FetchProfile();
            profile.add(UIDFolder.FetchProfileItem.UID);
            profile.add(IMAPFolder.FetchProfileItem.INTERNALDATE);
            folder.fetch(found.toArray(Message[]::new), profile);
            Set<String> wanted = new HashSet<>(alsoUids);
            List<WaitingMail> mails = new ArrayList<>();
            for (Message message : found) {
                long uid = folder.getUID(message);
                String key = Long.toString(uid);
                highestListed = Math.max(highestListed, uid);
                if ((uid > aboveUid || wanted.contains(key)) && !listed.containsKey(key)) {
                    listed.put(key, (IMAPMessage) message);
                    mails.add(new WaitingMail(key, uid, Optional.ofNullable(message.getReceivedDate()).map(date -> date.toInstant())));
                }
            }
            mails.sort(Comparator.comparingLong(WaitingMail::uidNumber));
            return mails;
        } catch (MessagingException e) {
            throw failure("cannot list the mails of " + settings.url().folder(), e);
        }
    }

    @Override
    public Optional<Instant> arrivedAt(WaitingMail mail) {
        return mail.arrivedAt();
    }

    @Override
    public Optional<InputStream> open(WaitingMail mail) throws MailboxException {
        IMAPMessage message = listed.get(mail.uid());
        try {
            return message == null || message.isExpunged() ? Optional.empty() : Optional.of(message.getMimeStream());
        } catch (MessageRemovedException e) {
            return Optional.empty();
        } catch (MessagingException e) {
            throw failure("cannot read mail UID " + mail.uid(), e);
        }
    }

    @Override
    public void acknowledge(WaitingMail mail) throws MailboxException {
        IMAPMessage message = listed.get(mail.uid());
        if (message == null || message.isExpunged()) {
            return;
        }
        try {
            switch (settings.acknowledge()) {
                case SEEN -> message.setFlag(Flags.Flag.SEEN, true);
                case MOVE -> moveTo(message, settings.doneFolder());
                case DELETE -> delete(message);
            }
        } catch (MessageRemovedException e) {
            // someone else moved or deleted it meanwhile: it is gone either way
        } catch (MessagingException e) {
            throw failure("cannot acknowledge mail UID " + mail.uid() + " (" + settings.acknowledge().name().toLowerCase(java.util.Locale.ROOT) + ")", e);
        }
    }

    @Override
    public Optional<String> setAside(WaitingMail mail) throws MailboxException {
        IMAPMessage message = listed.get(mail.uid());
        if (message == null || message.isExpunged()) {
            return Optional.empty();
        }
        try {
            moveTo(message, settings.errorFolder());
            return Optional.of(settings.errorFolder());
        } catch (MessageRemovedException e) {
            return Optional.empty();
        } catch (MessagingException e) {
            throw failure("cannot move mail UID " + mail.uid() + " to " + settings.errorFolder(), e);
        }
    }

    private void moveTo(IMAPMessage message, String name) throws MessagingException {
        Folder target = store.getFolder(name);
        if (!target.exists() && !target.create(Folder.HOLDS_MESSAGES)) {
            throw new MessagingException("the folder " + name + " cannot be created");
        }
        Message[] one = {message};
        if (moves) {
            folder.moveMessages(one, target);
        } else {
            folder.copyMessages(one, target);
            delete(message);
        }
    }

    private void delete(IMAPMessage message) throws MessagingException {
        message.setFlag(Flags.Flag.DELETED, true);
        if (store.hasCapability("UIDPLUS")) {
            folder.expunge(new Message[] {message});   // UID EXPUNGE: this mail alone
        } else {
            folder.expunge();
        }
    }

    /**
     * Has the server tell what changed since the last command (new mail, mail gone), which it may
     * otherwise keep until the next one: the folder's count of mails is then up to date.
     */
    private void refresh() throws MessagingException {
        folder.doCommand(protocol -> {
            protocol.simpleCommand("NOOP", null);
            return null;
        });
    }

    /**
     * Whether a mail came after the last listing: a server announces mail that arrives between two
     * commands with the next one, not at the start of an IDLE that follows.
     */
    private boolean arrivedSinceListing() throws MessagingException {
        refresh();
        if (folder.getMessageCount() == 0) {
            return false;
        }
        for (Message message : folder.getMessagesByUID(highestListed + 1, UIDFolder.LASTUID)) {
            if (message != null && !message.isExpunged() && folder.getUID(message) > highestListed) {
                return true;
            }
        }
        return false;
    }

    @Override
    public boolean awaitMail() throws MailboxException {
        if (idles) {
            try {
                if (arrivedSinceListing()) {
                    return true;
                }
                folder.idle(true);
            } catch (MessagingException e) {
                throw failure("IDLE ended", e);
            }
            return true;
        }
        synchronized (wakeLock) {
            try {
                while (!woken) {
                    wakeLock.wait();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            woken = false;
        }
        return true;
    }

    /** Any command ends an IDLE: Angus sends DONE first, from whichever thread asks. */
    @Override
    public void wake() {
        synchronized (wakeLock) {
            woken = true;
            wakeLock.notifyAll();
        }
        if (idles) {
            try {
                folder.doCommand(protocol -> {
                    protocol.simpleCommand("NOOP", null);
                    return null;
                });
            } catch (MessagingException | RuntimeException e) {
                // the connection failed: the reader meets that on its own next command
            }
        }
    }

    @Override
    public void close() {
        try {
            if (folder.isOpen()) {
                folder.close(false);
            }
        } catch (MessagingException | RuntimeException e) {
            // the connection is gone either way
        }
        MailStores.closeQuietly(store);
    }

    private MailboxException failure(String doing, MessagingException e) {
        return new MailboxException(doing + ": " + MailStores.reason(e), e);
    }
}
