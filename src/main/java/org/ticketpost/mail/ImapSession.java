package org.ticketpost.mail;

import jakarta.mail.FetchProfile;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessageRemovedException;
import jakarta.mail.MessagingException;
import jakarta.mail.UIDFolder;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPMessage;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.eclipse.angus.mail.iap.Response;
import org.eclipse.angus.mail.imap.protocol.BODY;
import org.eclipse.angus.mail.imap.protocol.FetchResponse;
import org.eclipse.angus.mail.imap.protocol.IMAPResponse;
import org.eclipse.angus.mail.imap.protocol.UID;
import org.eclipse.angus.mail.imap.protocol.UIDSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An open IMAP folder: its mails by UID, read with BODY.PEEK, acknowledged as configured. Each
 * step costs one command for many mails, never one per mail: a server may walk the whole folder
 * at each command (GreenMail does).
 */
final class ImapSession implements MailboxSession {

    /** The most one {@link #prefetch} holds in memory; a larger mail is fetched alone, piece by piece, as it is read. */
    static final long PREFETCH_BYTES = 16L * 1024 * 1024;
    static final long PREFETCH_MAIL_BYTES = 1024L * 1024;

    private static final Logger LOG = LoggerFactory.getLogger(MailboxReader.class);

    private final MailboxSettings settings;
    private final IMAPStore store;
    private final IMAPFolder folder;
    private final boolean idles;
    private long highestListed;
    private final boolean moves;
    private final long uidValidity;
    private final Map<String, IMAPMessage> listed = new LinkedHashMap<>();
    /**
     * What the last {@link #prefetch} fetched, and the one before it, whose batch may still be in
     * hand while the next one is fetched: each map whole once published, for the reading thread.
     */
    private volatile Map<String, byte[]> prefetched = Map.of();
    private volatile Map<String, byte[]> prefetchedBefore = Map.of();
    private final Object wakeLock = new Object();
    /** How often {@link #list} opened the folder again, its view out of step with the server's. */
    private int reopened;
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
        try {
            // asked first: mail arriving after it is not missed below, only not looked for
            Set<Long> onServer = uidsOnServerAbove(aboveUid);
            List<WaitingMail> mails = listKnown(aboveUid, alsoUids);
            mails.forEach(mail -> onServer.remove(mail.uidNumber()));
            if (onServer.isEmpty()) {
                return mails;
            }
            // a server may tell of a new mail (EXISTS) only after an answer that names it, as GreenMail does: a NOOP lets it
            folder.doCommand(protocol -> {
                protocol.simpleCommand("NOOP", null);
                return null;
            });
            mails = listKnown(aboveUid, alsoUids);
            mails.forEach(mail -> onServer.remove(mail.uidNumber()));
            if (onServer.isEmpty()) {
                return mails;
            }
            // Angus maps UIDs to mails through what it learnt of the folder; where that went out of step with
            // the server (seen after many moves), new mail would stay unseen for the whole session: start afresh.
            // GreenMail's expunges put it out of step after most moves of a mail or two: told once a session
            String told = settings.shown() + ": " + onServer.size() + " new mail(s) the folder's view had missed, from UID "
                    + onServer.stream().min(Long::compare).orElseThrow() + "; opening the folder again";
            if (reopened++ == 0) {
                LOG.warn("{} (from now on in this session at DEBUG)", told);
            } else {
                LOG.debug("{} ({} times in this session)", told, reopened);
            }
            folder.close(false);
            folder.open(Folder.READ_WRITE);
            if (folder.getUIDValidity() != uidValidity) {
                throw new MailboxException("the UIDVALIDITY of " + settings.url().folder() + " changed", null);
            }
        } catch (MessagingException e) {
            throw failure("cannot list the mails of " + settings.url().folder(), e);
        }
        return listKnown(aboveUid, alsoUids);
    }

    /** The server's own answer, with nothing of Angus's view of the folder: UID SEARCH. */
    private Set<Long> uidsOnServerAbove(long aboveUid) throws MessagingException {
        Set<Long> uids = new HashSet<>();
        folder.doCommand(protocol -> {
            Response[] responses = protocol.command("UID SEARCH UID " + (aboveUid + 1) + ":*", null);
            for (Response response : responses) {
                if (response instanceof IMAPResponse answer && answer.keyEquals("SEARCH")) {
                    for (long uid = answer.readLong(); uid != -1; uid = answer.readLong()) {
                        if (uid > aboveUid) {   // "n:*" names the last mail even where its UID is below n
                            uids.add(uid);
                        }
                    }
                }
            }
            protocol.notifyResponseHandlers(responses);
            protocol.handleResult(responses[responses.length - 1]);
            return null;
        });
        return uids;
    }

    private List<WaitingMail> listKnown(long aboveUid, Collection<String> alsoUids) throws MailboxException {
        listed.clear();
        prefetched = Map.of();
        prefetchedBefore = Map.of();
        try {   // the UID SEARCH just before has brought the server's news of the folder
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
            profile.add(FetchProfile.Item.SIZE);   // what prefetch may take into memory
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

    /**
     * One UID FETCH for the mails that fit in memory together; the others are left to {@link #open}
     * alone. It may run on another thread while the mails of the prefetch before are taken in.
     */
    @Override
    public void prefetch(List<WaitingMail> mails) throws MailboxException {
        prefetchedBefore = prefetched;
        prefetched = Map.of();
        List<Long> uids = new ArrayList<>();
        long bytes = 0;
        for (WaitingMail mail : mails) {
            IMAPMessage message = listed.get(mail.uid());
            long size = message == null ? -1 : sizeOf(message);
            if (size >= 0 && size <= PREFETCH_MAIL_BYTES && bytes + size <= PREFETCH_BYTES) {
                uids.add(mail.uidNumber());
                bytes += size;
            }
        }
        if (uids.size() < 2) {
            return;   // one mail is read as it comes, piece by piece
        }
        String set = UIDSet.toString(UIDSet.createUIDSets(uids.stream().mapToLong(Long::longValue).toArray()));
        Map<String, byte[]> fetched = new HashMap<>();
        try {
            folder.doCommand(protocol -> {
                Response[] responses = protocol.command("UID FETCH " + set + " (UID BODY.PEEK[])", null);
                for (Response response : responses) {
                    if (response instanceof FetchResponse fetchResponse) {
                        UID uid = fetchResponse.getItem(UID.class);
                        BODY body = fetchResponse.getItem(BODY.class);
                        if (uid != null && body != null && body.getByteArray() != null) {
                            fetched.put(Long.toString(uid.uid), body.getByteArray().getNewBytes());
                        }
                    }
                }
                protocol.notifyResponseHandlers(responses);   // new mail, mail gone: as after any command
                protocol.handleResult(responses[responses.length - 1]);
                return null;
            });
        } catch (MessagingException e) {
            throw failure("cannot fetch " + uids.size() + " mails from UID " + uids.get(0), e);
        }
        prefetched = fetched;
    }

    private static long sizeOf(IMAPMessage message) {
        try {
            return message.getSizeLong();
        } catch (MessagingException e) {
            return -1;
        }
    }

    @Override
    public Optional<InputStream> open(WaitingMail mail) throws MailboxException {
        Optional<InputStream> fetched = fetched(mail);   // kept past the next prefetch: a second attempt needs no second fetch
        if (fetched.isPresent()) {
            return fetched;
        }
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
    public Optional<InputStream> fetched(WaitingMail mail) {
        byte[] fetched = prefetched.get(mail.uid());
        return Optional.ofNullable(fetched != null ? fetched : prefetchedBefore.get(mail.uid())).map(ByteArrayInputStream::new);
    }

    /** One command for all: STORE, MOVE (or COPY, then STORE and EXPUNGE), or STORE and UID EXPUNGE. */
    @Override
    public void acknowledge(List<WaitingMail> mails) throws MailboxException {
        Message[] messages = mails.stream().map(mail -> listed.get(mail.uid()))
                .filter(message -> message != null && !message.isExpunged()).toArray(Message[]::new);
        if (messages.length == 0) {
            return;
        }
        try {
            switch (settings.acknowledge()) {
                case SEEN -> folder.setFlags(messages, new Flags(Flags.Flag.SEEN), true);
                case MOVE -> moveTo(messages, settings.doneFolder());
                case DELETE -> delete(messages);
            }
        } catch (MessageRemovedException e) {
            // someone else moved or deleted one meanwhile: it is gone either way, and the others are acknowledged at the next round
        } catch (MessagingException e) {
            throw failure("cannot acknowledge " + messages.length + " mail(s) from UID " + mails.get(0).uid() + " ("
                    + settings.acknowledge().name().toLowerCase(java.util.Locale.ROOT) + ")", e);
        }
    }

    @Override
    public Optional<String> setAside(WaitingMail mail) throws MailboxException {
        IMAPMessage message = listed.get(mail.uid());
        if (message == null || message.isExpunged()) {
            return Optional.empty();
        }
        try {
            moveTo(new Message[] {message}, settings.errorFolder());
            return Optional.of(settings.errorFolder());
        } catch (MessageRemovedException e) {
            return Optional.empty();
        } catch (MessagingException e) {
            throw failure("cannot move mail UID " + mail.uid() + " to " + settings.errorFolder(), e);
        }
    }

    private void moveTo(Message[] messages, String name) throws MessagingException {
        Folder target = store.getFolder(name);
        if (!target.exists() && !target.create(Folder.HOLDS_MESSAGES)) {
            throw new MessagingException("the folder " + name + " cannot be created");
        }
        if (moves) {
            folder.moveMessages(messages, target);
        } else {
            folder.copyMessages(messages, target);
            delete(messages);
        }
    }

    private void delete(Message[] messages) throws MessagingException {
        folder.setFlags(messages, new Flags(Flags.Flag.DELETED), true);
        if (store.hasCapability("UIDPLUS")) {
            folder.expunge(messages);   // UID EXPUNGE: these mails alone
        } else {
            folder.expunge();
        }
    }

    /**
     * Whether a mail came after the last listing: a server announces mail that arrives between two
     * commands with the next one, not at the start of an IDLE that follows.
     */
    private boolean arrivedSinceListing() throws MessagingException {
        return !uidsOnServerAbove(highestListed).isEmpty();
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
