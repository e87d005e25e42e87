package org.ticketpost.mail;

import jakarta.mail.Folder;
import jakarta.mail.MessagingException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.eclipse.angus.mail.iap.Argument;
import org.eclipse.angus.mail.iap.ByteArray;
import org.eclipse.angus.mail.iap.Response;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.eclipse.angus.mail.imap.protocol.BASE64MailboxEncoder;
import org.eclipse.angus.mail.imap.protocol.BODY;
import org.eclipse.angus.mail.imap.protocol.FetchResponse;
import org.eclipse.angus.mail.imap.protocol.IMAPResponse;
import org.eclipse.angus.mail.imap.protocol.INTERNALDATE;
import org.eclipse.angus.mail.imap.protocol.RFC822SIZE;
import org.eclipse.angus.mail.imap.protocol.UID;
import org.eclipse.angus.mail.imap.protocol.UIDSet;

/**
 * An open IMAP folder, spoken to in UID commands alone: its mails listed, read with BODY.PEEK and
 * acknowledged as configured by their UIDs, never by Jakarta Mail's numbering of the folder, which
 * can lose step with the server's (GreenMail's does, after moves). Each step costs one command for
 * many mails, never one per mail: a server may walk the whole folder at each command (GreenMail does).
 */
final class ImapSession implements MailboxSession {

    /** The most one {@link #prefetch} holds in memory: of a mail larger than its share, the start; the rest is read piece by piece. */
    static final long PREFETCH_BYTES = 16L * 1024 * 1024;
    /** A mail read piece by piece costs no more memory than this, and few round trips: 50 MB take 50. */
    static final int PIECE_BYTES = 1024 * 1024;

    private final MailboxSettings settings;
    private final IMAPStore store;
    private final IMAPFolder folder;
    private final boolean idles;
    private long highestListed;
    private final boolean moves;
    private final long uidValidity;
    /** The folders known to exist: a move asks no more than once a session. */
    private final Set<String> folders = new HashSet<>();
    /**
     * What the last {@link #prefetch} fetched, and the one before it, whose batch may still be in
     * hand while the next one is fetched: each map whole once published, for the reading thread.
     */
    private volatile Map<String, Fetched> prefetched = Map.of();
    private volatile Map<String, Fetched> prefetchedBefore = Map.of();
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
        prefetched = Map.of();
        prefetchedBefore = Map.of();
        try {
            List<WaitingMail> mails = new ArrayList<>();
            for (long uid : new TreeSet<>(uidsOnServer(aboveUid, alsoUids.stream().map(Long::parseLong).collect(Collectors.toSet())))) {
                highestListed = Math.max(highestListed, uid);
                mails.add(new WaitingMail(Long.toString(uid), uid));   // its arrival is fetched with it
            }
            return mails;
        } catch (MessagingException e) {
            throw failure("cannot list the mails of " + settings.url().folder(), e);
        }
    }

    /** Those above the UID and those of {@code also} still there: the server's own answer, one UID SEARCH. */
    private Set<Long> uidsOnServer(long aboveUid, Set<Long> also) throws MessagingException {
        Set<Long> uids = new HashSet<>();
        String set = (aboveUid + 1) + ":*" + (also.isEmpty() ? "" : "," + uidSet(also));
        command("UID SEARCH UID " + set, null, response -> {
            if (response instanceof IMAPResponse answer && answer.keyEquals("SEARCH")) {
                for (long uid = answer.readLong(); uid != -1; uid = answer.readLong()) {
                    if (uid > aboveUid || also.contains(uid)) {   // "n:*" names the last mail even where its UID is below n
                        uids.add(uid);
                    }
                }
            }
        });
        return uids;
    }

    private boolean onServer(long uid) throws MessagingException {
        AtomicBoolean found = new AtomicBoolean();
        command("UID SEARCH UID " + uid, null, response -> {
            if (response instanceof IMAPResponse answer && answer.keyEquals("SEARCH")) {
                found.set(answer.readLong() == uid);
            }
        });
        return found.get();
    }

    /**
     * What a fetch brought of a mail: when it arrived, and its bytes from the offset asked for;
     * {@code whole}: the mail ends with them.
     */
    private record Fetched(Optional<Instant> arrivedAt, byte[] start, boolean whole) {
    }

    /** Those of the mails still there, with their arrival and up to {@code most} bytes of each from {@code offset} on: one UID FETCH. */
    private Map<String, Fetched> fetch(Collection<Long> uids, long offset, int most) throws MessagingException {
        Map<String, Fetched> fetched = new HashMap<>();
        command("UID FETCH " + uidSet(uids) + " (UID INTERNALDATE RFC822.SIZE BODY.PEEK[]<" + offset + "." + most + ">)", null,
                response -> {
                    if (response instanceof FetchResponse fetch && fetch.getItem(UID.class) != null && fetch.getItem(BODY.class) != null) {
                        INTERNALDATE arrived = fetch.getItem(INTERNALDATE.class);
                        RFC822SIZE size = fetch.getItem(RFC822SIZE.class);
                        ByteArray body = fetch.getItem(BODY.class).getByteArray();
                        byte[] bytes = body == null ? new byte[0] : body.getNewBytes();
                        fetched.put(Long.toString(fetch.getItem(UID.class).uid), new Fetched(
                                Optional.ofNullable(arrived).map(date -> date.getDate().toInstant()), bytes,
                                bytes.length < most || size != null && offset + bytes.length >= size.size));
                    }
                });
        return fetched;
    }

    private Optional<Fetched> fetchedAhead(WaitingMail mail) {
        Fetched fetched = prefetched.get(mail.uid());
        return Optional.ofNullable(fetched != null ? fetched : prefetchedBefore.get(mail.uid()));
    }

    @Override
    public Optional<Instant> arrivedAt(WaitingMail mail) throws MailboxException {
        Optional<Fetched> fetched = fetchedAhead(mail);
        if (fetched.isPresent()) {
            return fetched.get().arrivedAt();
        }
        AtomicReference<Instant> arrived = new AtomicReference<>();
        try {
            command("UID FETCH " + mail.uidNumber() + " (UID INTERNALDATE)", null, response -> {
                if (response instanceof FetchResponse fetch && fetch.getItem(INTERNALDATE.class) != null) {
                    arrived.set(fetch.getItem(INTERNALDATE.class).getDate().toInstant());
                }
            });
        } catch (MessagingException e) {
            throw failure("cannot read when mail UID " + mail.uid() + " arrived", e);
        }
        return Optional.ofNullable(arrived.get());
    }

    /**
     * One UID FETCH for the mails, each with its arrival, as much of each as fits in memory with
     * the others: all of a mail of usual size, the start of a large one. It may run on another
     * thread while the mails of the prefetch before are taken in.
     */
    @Override
    public void prefetch(List<WaitingMail> mails) throws MailboxException {
        prefetchedBefore = prefetched;
        prefetched = Map.of();
        if (mails.isEmpty()) {
            return;
        }
        int most = (int) Math.min(PIECE_BYTES, PREFETCH_BYTES / mails.size());
        try {
            prefetched = fetch(mails.stream().map(WaitingMail::uidNumber).toList(), 0, most);
        } catch (MessagingException e) {
            throw failure("cannot fetch " + mails.size() + " mails from UID " + mails.get(0).uid(), e);
        }
    }

    @Override
    public Optional<InputStream> open(WaitingMail mail) throws MailboxException {
        try {
            // fetched ahead and kept past the next prefetch: a second attempt needs no second fetch
            Optional<Fetched> fetched = fetchedAhead(mail);
            if (fetched.isEmpty()) {
                fetched = Optional.ofNullable(fetch(List.of(mail.uidNumber()), 0, PIECE_BYTES).get(mail.uid()));
            }
            return fetched.map(start -> start.whole() ? new ByteArrayInputStream(start.start())
                    : new PieceByPiece(mail.uidNumber(), start.start()));
        } catch (MessagingException e) {
            // fails its reader as a connection failing later in the mail does: the attempt counts, and the mail is left to the next
            IOException failure = new IOException("cannot read mail UID " + mail.uid() + ": " + MailStores.reason(e), e);
            return Optional.of(new InputStream() {
                @Override
                public int read() throws IOException {
                    throw failure;
                }
            });
        }
    }

    /** A mail too large to fetch whole with others: its start fetched, the rest read from the server a piece at a time. */
    private final class PieceByPiece extends InputStream {
        private final long uid;
        private byte[] piece;
        private int at;
        private long offset;
        private boolean ended;

        PieceByPiece(long uid, byte[] start) {
            this.uid = uid;
            this.piece = start;
            this.offset = start.length;
        }

        @Override
        public int read() throws IOException {
            return available() > 0 || next() ? piece[at++] & 0xff : -1;
        }

        @Override
        public int read(byte[] into, int from, int length) throws IOException {
            if (length == 0) {
                return 0;
            }
            if (available() == 0 && !next()) {
                return -1;
            }
            int n = Math.min(length, available());
            System.arraycopy(piece, at, into, from, n);
            at += n;
            return n;
        }

        @Override
        public int available() {
            return piece.length - at;
        }

        /** The next piece; false at the end of the mail. */
        private boolean next() throws IOException {
            if (ended) {
                return false;
            }
            Fetched next;
            try {
                next = fetch(List.of(uid), offset, PIECE_BYTES).get(Long.toString(uid));
            } catch (MessagingException e) {
                throw new IOException("cannot read mail UID " + uid + ": " + MailStores.reason(e), e);
            }
            if (next == null) {
                throw new IOException("mail UID " + uid + " is gone from the mailbox");
            }
            piece = next.start();
            ended = next.whole();
            at = 0;
            offset += piece.length;
            return piece.length > 0;
        }
    }

    @Override
    public Optional<InputStream> fetched(WaitingMail mail) {
        return fetchedAhead(mail).filter(Fetched::whole).map(fetched -> new ByteArrayInputStream(fetched.start()));
    }

    /** One command for all: UID STORE, UID MOVE (or UID COPY, then UID STORE and EXPUNGE), or UID STORE and EXPUNGE. */
    @Override
    public void acknowledge(List<WaitingMail> mails) throws MailboxException {
        if (mails.isEmpty()) {
            return;
        }
        String uids = uidSet(mails.stream().map(WaitingMail::uidNumber).toList());
        try {
            switch (settings.acknowledge()) {
                case SEEN -> command("UID STORE " + uids + " +FLAGS.SILENT (\\Seen)", null, response -> { });
                case MOVE -> moveTo(uids, settings.doneFolder());
                case DELETE -> delete(uids);
            }
        } catch (MessagingException e) {
            throw failure("cannot acknowledge " + mails.size() + " mail(s) from UID " + mails.get(0).uid() + " ("
                    + settings.acknowledge().name().toLowerCase(java.util.Locale.ROOT) + ")", e);
        }
    }

    @Override
    public Optional<String> setAside(WaitingMail mail) throws MailboxException {
        try {
            if (!onServer(mail.uidNumber())) {
                return Optional.empty();   // someone else moved or deleted it meanwhile
            }
            moveTo(Long.toString(mail.uidNumber()), settings.errorFolder());
            return Optional.of(settings.errorFolder());
        } catch (MessagingException e) {
            throw failure("cannot move mail UID " + mail.uid() + " to " + settings.errorFolder(), e);
        }
    }

    private void moveTo(String uids, String name) throws MessagingException {
        if (!folders.contains(name)) {
            Folder target = store.getFolder(name);
            if (!target.exists() && !target.create(Folder.HOLDS_MESSAGES)) {
                throw new MessagingException("the folder " + name + " cannot be created");
            }
            folders.add(name);
        }
        Argument target = new Argument().writeString(BASE64MailboxEncoder.encode(name));
        if (moves) {
            command("UID MOVE " + uids, target, response -> { });
        } else {
            command("UID COPY " + uids, target, response -> { });
            delete(uids);
        }
    }

    private void delete(String uids) throws MessagingException {
        command("UID STORE " + uids + " +FLAGS.SILENT (\\Deleted)", null, response -> { });
        command(store.hasCapability("UIDPLUS") ? "UID EXPUNGE " + uids : "EXPUNGE", null, response -> { });   // UIDPLUS: these mails alone
    }

    /**
     * One command on the folder's connection, each answer handed to {@code answers}; Angus then
     * learns of new and gone mail from the answers, as after any command of its own.
     */
    private void command(String command, Argument arguments, Consumer<Response> answers) throws MessagingException {
        folder.doCommand(protocol -> {
            Response[] responses = protocol.command(command, arguments);
            for (Response response : responses) {
                answers.accept(response);
            }
            protocol.notifyResponseHandlers(responses);
            protocol.handleResult(responses[responses.length - 1]);
            return null;
        });
    }

    private static String uidSet(Collection<Long> uids) {
        return UIDSet.toString(UIDSet.createUIDSets(uids.stream().mapToLong(Long::longValue).sorted().toArray()));
    }

    /**
     * Whether a mail came after the last listing: a server announces mail that arrives between two
     * commands with the next one, not at the start of an IDLE that follows.
     */
    private boolean arrivedSinceListing() throws MessagingException {
        return !uidsOnServer(highestListed, Set.of()).isEmpty();
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
