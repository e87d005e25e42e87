package org.ticketpost.mail;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.ticketpost.intake.AutomaticReplies;
import org.ticketpost.intake.Delivery;
import org.ticketpost.intake.Outcome;
import org.ticketpost.intake.Reception;
import org.ticketpost.intake.WithOutcome;
import org.ticketpost.ticket.IntakeLedger;
import org.ticketpost.ticket.LedgerEntry;
import org.ticketpost.ticket.StoreException;
import org.ticketpost.ticket.TicketNumber;
import org.ticketpost.ticket.UnitOfWork;

/**
 * One look at the mailbox: every mail the intake ledger has not finished is taken in and then
 * acknowledged, in the order the mails arrived. A mail is acknowledged only after intake
 * committed it; one that is no mail, or that failed as often as allowed, goes to the error
 * folder with its reason in the ledger. What the ledger finished is skipped, whatever flags the
 * mail has on the server, so a mail someone read in another client is still taken in.
 */
final class MailboxRound {

    private static final Logger LOG = LoggerFactory.getLogger(MailboxReader.class);

    /** Mails fetched ahead and acknowledged together: few round trips, a bounded wait for the acknowledgement. */
    static final int BATCH = 100;

    /**
     * The most mails taken in in one transaction: enough to share most of what a commit writes, few
     * enough that the first of them is not kept long from its reply.
     */
    static final int TOGETHER = 25;

    /** The longest a failing mail waits for its next attempt. */
    private static final Duration LONGEST_RETRY = Duration.ofHours(1);

    /**
     * How long a claim holds a mail against the other readers of the mailbox. A reader extends the
     * holds on the mails in hand while its round runs (see {@link #renewHolds()}), however long a
     * mail of many megabytes takes; the mails of a reader that died wait this long for another.
     */
    static final Duration HOLD = Duration.ofSeconds(30);

    /**
     * How many of a group's mails are read at once: enough for the disk's waits of one to pass
     * while others are parsed. The threads end when idle.
     */
    static final int READERS = 4;
    private static final AtomicInteger READER_THREADS = new AtomicInteger();

    private final MailboxSettings settings;
    private final Reception reception;
    /** The reading threads of {@link #readAhead}. */
    private final ExecutorService readers;
    private final UnitOfWork database;
    private final Clock clock;
    private final Duration hold;
    /**
     * The end of each hold this reader has on a mail it has not finished: it may take them back.
     * Concurrent, as {@link #renewHolds()} runs beside the round.
     */
    private final Map<Held, Instant> holding = new ConcurrentHashMap<>();
    private volatile boolean inRound;
    /** The earliest moment a mail this round left waiting falls due: another reader's hold ends, or a retry. */
    private Instant dueAgain;

    MailboxRound(MailboxSettings settings, Reception reception, UnitOfWork database, Clock clock) {
        this(settings, reception, database, clock, HOLD);
    }

    MailboxRound(MailboxSettings settings, Reception reception, UnitOfWork database, Clock clock, Duration hold) {
        this(settings, reception, database, clock, hold, readers());
    }

    /** @param readers the threads that read a group's mails ahead (see {@link #readAhead}) */
    MailboxRound(MailboxSettings settings, Reception reception, UnitOfWork database, Clock clock, Duration hold,
            ExecutorService readers) {
        this.settings = settings;
        this.reception = reception;
        this.database = database;
        this.clock = clock;
        this.hold = hold;
        this.readers = readers;
    }

    /** The reading threads a round has unless given others: {@link #READERS} of them. */
    static ExecutorService readers() {
        ThreadPoolExecutor pool = new ThreadPoolExecutor(READERS, READERS, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), work -> {
            Thread thread = new Thread(work, "mailbox-read-" + READER_THREADS.incrementAndGet());
            thread.setDaemon(true);   // a read in hand must not keep a stopping JVM: nothing of it is committed
            return thread;
        });
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    /** A mail of the mailbox, by UIDVALIDITY and UID. */
    private record Held(long uidValidity, String uid) {
        /** IMAP UIDs in their numeric order (shorter first), POP3 UIDLs in any fixed one. */
        static final Comparator<Held> BY_UID = Comparator.comparingLong(Held::uidValidity)
                .thenComparingInt(held -> held.uid().length()).thenComparing(Held::uid);
    }

    /** How long a claim lasts unless renewed: {@link #renewHolds()} is due well within it. */
    Duration hold() {
        return hold;
    }

    /** The database or the disk failed: the round stopped, and the mails it did not reach stay as they are. */
    static final class StoreDown extends Exception {
        StoreDown(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * Takes in what is new or due again, until done or {@code stopping} says so; the mail in hand is finished first.
     *
     * @return how long until a mail it left waiting falls due (another reader's hold on it ends, or
     *         its next attempt): the reader looks again then rather than at its poll interval; empty where none waits
     * @throws MailboxException the connection failed: connect again
     * @throws StoreDown        the database or the disk failed: try again later
     */
    Optional<Duration> run(MailboxSession session, BooleanSupplier stopping) throws MailboxException, StoreDown {
        inRound = true;
        dueAgain = null;
        try {
            takeInAll(session, stopping);
        } finally {
            inRound = false;
        }
        return Optional.ofNullable(dueAgain).map(due -> {
            Duration wait = Duration.between(clock.instant(), due);
            return wait.isNegative() ? Duration.ZERO : wait;
        });
    }

    /** When a mail left waiting falls due: at its next attempt, or, due now and claimed by another reader first, when that hold ends. */
    private Instant dueAt(LedgerEntry waiting) {
        Instant now = clock.instant();
        return waiting.isDue(now) ? now.plus(hold) : waiting.nextAttemptAt().orElse(now);
    }

    private void waitsUntil(Instant due) {
        if (dueAgain == null || due.isBefore(dueAgain)) {
            dueAgain = due;
        }
    }

    /**
     * Extends the holds on the mails this reader has in hand, while a round runs, each to a full
     * {@link #hold()} from now: a reader that is alive keeps them, however long a large mail or a
     * slow database takes, and one that died leaves them to the other readers one hold later.
     * Between rounds it extends nothing: a reader cut off from the mailbox does not keep mails it cannot read.
     */
    void renewHolds() throws StoreDown {
        if (!inRound || holding.isEmpty()) {
            return;
        }
        String mailbox = settings.url().ledgerName();
        Instant now = clock.instant();
        Instant until = holdFrom(now);
        Map<Held, Instant> held = new TreeMap<>(Held.BY_UID);   // the order claims take: two transactions never wait in a circle
        held.putAll(holding);
        List<Held> extended = ledger(ledger -> held.entrySet().stream()
                .filter(mail -> ledger.extendHold(mailbox, mail.getKey().uidValidity(), mail.getKey().uid(), mail.getValue(), until, now))
                .map(Map.Entry::getKey)
                .toList());
        extended.forEach(mail -> holding.replace(mail, held.get(mail), until));
    }

    private void takeInAll(MailboxSession session, BooleanSupplier stopping) throws MailboxException, StoreDown {
        String mailbox = settings.url().ledgerName();
        long uidValidity = session.uidValidity();
        IntakeLedger.Folder folder = ledger(ledger -> ledger.open(mailbox, uidValidity, clock.instant()));
        Instant backlogBefore = folder.firstConnectedAt().minus(settings.backlogAge());
        if (folder.firstConnection()) {
            LOG.info("{} is read for the first time: mail that arrived before {} is taken in without automatic replies",
                    settings.shown(), backlogBefore);
        }
        List<LedgerEntry> unfinished = ledger(ledger -> ledger.unfinished(mailbox, uidValidity));
        List<WaitingMail> mails = session.list(folder.highestUid(), unfinished.stream().map(LedgerEntry::uid).toList());
        Map<String, LedgerEntry> known = ledger(ledger -> ledger.find(mailbox, uidValidity,
                mails.stream().map(WaitingMail::uid).toList()));
        forgetGone(unfinished, mails.stream().map(WaitingMail::uid).collect(Collectors.toSet()));
        if (!mails.isEmpty() && session.idles()) {
            // a server may announce a mail that arrives between the last look and the start of IDLE only once
            // IDLE ends (GreenMail does): while mail comes, the reader looks again a moment later, not a poll interval
            waitsUntil(clock.instant());
        }
        Function<WaitingMail, LedgerEntry> entries = mail -> known.getOrDefault(mail.uid(),
                LedgerEntry.first(mailbox, uidValidity, mail.uid(), clock.instant()));
        List<List<WaitingMail>> batches = new ArrayList<>();
        for (int start = 0; start < mails.size(); start += BATCH) {
            batches.add(mails.subList(start, Math.min(mails.size(), start + BATCH)));
        }
        Future<Void> fetching = null;
        try {
            for (int next = 0; next < batches.size(); next++) {
                if (stopping.getAsBoolean()) {
                    return;
                }
                List<WaitingMail> toTakeIn = toTakeIn(batches.get(next), entries);
                if (fetching == null) {
                    session.prefetch(toTakeIn);
                } else {
                    fetched(fetching);
                }
                fetching = next + 1 < batches.size() ? fetchAhead(session, toTakeIn(batches.get(next + 1), entries)) : null;
                takeInBatch(session, batches.get(next), toTakeIn, entries, backlogBefore, stopping);
            }
        } finally {
            if (fetching != null) {   // stopped, or failed: the session is for one thread again before the round ends
                try {
                    fetched(fetching);
                } catch (MailboxException | RuntimeException e) {
                    // the round ends anyway: the next one lists and fetches anew
                }
            }
        }
    }

    private List<WaitingMail> toTakeIn(List<WaitingMail> batch, Function<WaitingMail, LedgerEntry> entries) {
        return batch.stream().filter(mail -> toTakeIn(entries.apply(mail))).toList();
    }

    /**
     * Fetches the next batch's mails on a reading thread while this one takes in the batch before:
     * the server's time to send them passes while the database works.
     */
    private Future<Void> fetchAhead(MailboxSession session, List<WaitingMail> mails) {
        return readers.submit(() -> {
            session.prefetch(mails);
            return null;
        });
    }

    /** Waits for a {@link #fetchAhead}; its failure is the round's. */
    private static void fetched(Future<Void> fetching) throws MailboxException {
        try {
            fetching.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MailboxException("interrupted while fetching mails", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof MailboxException failure) {
                throw failure;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** One batch: claimed, taken in, and what was committed acknowledged. */
    private void takeInBatch(MailboxSession session, List<WaitingMail> batch, List<WaitingMail> toTakeIn,
            Function<WaitingMail, LedgerEntry> entries, Instant backlogBefore, BooleanSupplier stopping)
            throws MailboxException, StoreDown {
        Map<String, LedgerEntry> claimed = claim(toTakeIn, entries);
        batch.stream().filter(mail -> !claimed.containsKey(mail.uid())).map(entries)
                .filter(entry -> entry.state() == LedgerEntry.State.RETRYING && entry.attempts() < settings.attempts())
                .forEach(entry -> waitsUntil(dueAt(entry)));
        Committed committed = new Committed();
        try {
            boolean together = true;
            for (int next = 0; next < batch.size(); next++) {
                if (stopping.getAsBoolean()) {
                    release(claimed.values());
                    break;
                }
                WaitingMail mail = batch.get(next);
                if (together && claimed.containsKey(mail.uid())) {
                    together = takeInTogether(session, batch.subList(next, batch.size()), claimed, backlogBefore, committed,
                            stopping);
                }
                handle(session, mail, entries.apply(mail), Optional.ofNullable(claimed.remove(mail.uid())), backlogBefore,
                        committed);
            }
        } catch (StoreDown e) {
            try {
                committed.acknowledge(session);   // what was committed before the database failed
            } catch (MailboxException | StoreDown also) {
                e.addSuppressed(also);
            }
            throw e;
        }
        committed.acknowledge(session);
    }

    private boolean toTakeIn(LedgerEntry entry) {
        return entry.state() == LedgerEntry.State.RETRYING && entry.attempts() < settings.attempts() && mayClaim(entry);
    }

    /** Due for an attempt, or held by this reader since an attempt the database cut short. */
    private boolean mayClaim(LedgerEntry entry) {
        return entry.isDue(clock.instant()) || entry.nextAttemptAt().equals(heldByThis(entry));
    }

    /**
     * @param held the mail's entry where this reader claimed it for this batch (see {@link #claim(List, Function)}):
     *             taken in; empty where another reader holds or finished it, or it is not due
     */
    private void handle(MailboxSession session, WaitingMail mail, LedgerEntry entry, Optional<LedgerEntry> held,
            Instant backlogBefore, Committed committed) throws MailboxException, StoreDown {
        switch (entry.state()) {
            // listed again only where a deletion was lost with its POP3 session: deleted anew
            case ACKNOWLEDGED, TAKEN_IN -> committed.add(mail, entry);
            case FAILED -> { }
            case RETRYING -> {
                if (entry.attempts() >= settings.attempts()) {
                    giveUp(session, mail, entry, entry.reason().orElse("failed " + entry.attempts() + " times"));
                } else if (held.isPresent()) {
                    takeIn(session, mail, held.get(), backlogBefore).ifPresent(taken -> committed.add(mail, taken));
                }
            }
        }
    }

    /** The mails of a batch committed and not yet acknowledged, with their entries. */
    private final class Committed {
        private final List<WaitingMail> mails = new ArrayList<>();
        private final List<LedgerEntry> entries = new ArrayList<>();

        void add(WaitingMail mail, LedgerEntry entry) {
            mails.add(mail);
            entries.add(entry);
        }

        /** Acknowledged on the server first, then in the ledger, in one transaction. */
        void acknowledge(MailboxSession session) throws MailboxException, StoreDown {
            if (mails.isEmpty()) {
                return;
            }
            session.acknowledge(mails);
            Instant now = clock.instant();
            ledger(ledger -> {
                for (int i = 0; i < mails.size(); i++) {
                    ledger.record(entries.get(i).acknowledged(now), mails.get(i).uidNumber());
                }
                return null;
            });
            entries.forEach(entry -> holding.remove(key(entry)));
            mails.clear();
            entries.clear();
        }
    }

    /** A door of the intake for a mail read: the reception itself, one mail to a transaction, or several mails taken in together. */
    @FunctionalInterface
    private interface Door {
        Delivery deliver(Reception.ReadMail message, AutomaticReplies replies, WithOutcome with);
    }

    /**
     * One attempt at taking in a mail.
     *
     * @param taken      the mail's entry as the ledger has it, where the attempt was accepted
     * @param connection how reading the mail from the server failed, if it did
     */
    private record Attempt(Delivery delivery, Optional<LedgerEntry> taken, Optional<IOException> connection, boolean backlog,
            Optional<Instant> arrived) {
    }

    /** @return what became of the mail, read on this thread; empty where it is gone from the mailbox since it was listed */
    private Optional<Attempt> attempt(MailboxSession session, WaitingMail mail, LedgerEntry entry, Instant backlogBefore, Door door)
            throws MailboxException {
        Optional<InputStream> opened = session.open(mail);
        if (opened.isEmpty()) {
            return Optional.empty();
        }
        try (WatchedStream source = new WatchedStream(opened.get())) {
            Reception.ReadMail read = reception.read(source);
            return Optional.of(decide(session, mail, entry, backlogBefore, read, door, source.failure()));
        }
    }

    /**
     * Intake decides on a mail read, by this thread or ahead.
     *
     * @param connection how reading the mail from the server failed, if it did
     */
    private Attempt decide(MailboxSession session, WaitingMail mail, LedgerEntry entry, Instant backlogBefore, Reception.ReadMail read,
            Door door, Optional<IOException> connection) throws MailboxException {
        Optional<Instant> arrived = session.arrivedAt(mail);
        boolean backlog = arrived.map(at -> at.isBefore(backlogBefore)).orElse(false);
        AtomicReference<LedgerEntry> recorded = new AtomicReference<>();
        // the ledger learns of the mail in the transaction that commits it: one durable commit, and never one without the other
        WithOutcome takenIn = (outcome, stores) -> {
            LedgerEntry taken = entry.takenIn(outcome.id(), outcome.ticket().map(TicketNumber::digits), backlog, clock.instant());
            stores.intakeLedger().record(taken, mail.uidNumber());
            recorded.set(taken);
        };
        Delivery delivery = door.deliver(read, backlog ? AutomaticReplies.WITHHOLD : AutomaticReplies.SEND, takenIn);
        return new Attempt(delivery, Optional.ofNullable(recorded.get()), connection, backlog, arrived);
    }

    /**
     * Takes the mails this reader claimed in together, in one transaction: one commit for all, far
     * less for the database to write than one each. It stops at the first mail not accepted at once
     * (not a mail, a failure, gone from the mailbox) and commits those before it; that mail stays
     * claimed for {@link #takeIn}, alone, where its failure gets its outcome.
     *
     * @return false where the commit failed, and all of them stay claimed: the rest of the batch
     *         is taken in one by one, so that a mail that spoils the transaction is read at most twice
     */
    private boolean takeInTogether(MailboxSession session, List<WaitingMail> batch, Map<String, LedgerEntry> claimed,
            Instant backlogBefore, Committed committed, BooleanSupplier stopping) throws MailboxException {
        List<WaitingMail> mails = batch.stream().filter(mail -> claimed.containsKey(mail.uid())).limit(TOGETHER).toList();
        if (mails.size() < 2) {
            return true;
        }
        Map<WaitingMail, Attempt> accepted = new LinkedHashMap<>();
        try (Reception.Together together = reception.together()) {
            Map<WaitingMail, Future<Reception.ReadMail>> readAhead = readAhead(session, mails);
            for (WaitingMail mail : mails) {
                Future<Reception.ReadMail> read = readAhead.get(mail);
                Optional<Attempt> attempt = stopping.getAsBoolean() ? Optional.empty()
                        : read == null ? attempt(session, mail, claimed.get(mail.uid()), backlogBefore, together::deliver)
                        : Optional.of(decide(session, mail, claimed.get(mail.uid()), backlogBefore, readOf(read), together::deliver,
                                Optional.empty()));
                if (attempt.isEmpty() || !(attempt.get().delivery() instanceof Delivery.Accepted)) {
                    break;
                }
                accepted.put(mail, attempt.get());
            }
            if (accepted.isEmpty()) {
                return true;
            }
            together.commit();
        } catch (StoreException e) {
            return false;   // one by one, where a database that is down stops the round
        }
        accepted.forEach((mail, attempt) -> {
            claimed.remove(mail.uid());
            committed.add(mail, accepted(mail, attempt));
        });
        return true;
    }

    /**
     * Starts reading the mails the session holds in memory, side by side on the reading threads:
     * parsing them and waiting for the disk to keep their files, while this thread decides on the
     * ones read already. Mails read and then not taken in together leave only their files, which
     * are named by their content; they are read again alone.
     */
    private Map<WaitingMail, Future<Reception.ReadMail>> readAhead(MailboxSession session, List<WaitingMail> mails) {
        Map<WaitingMail, Future<Reception.ReadMail>> reads = new HashMap<>();
        for (WaitingMail mail : mails) {
            session.fetched(mail).ifPresent(bytes -> reads.put(mail, readers.submit(() -> reception.read(bytes))));
        }
        return reads;
    }

    /** A mail read ahead; one whose wait is interrupted is not taken in together, and is read again alone. */
    private static Reception.ReadMail readOf(Future<Reception.ReadMail> read) {
        try {
            return read.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Reception.ReadMail(System.nanoTime(), Optional.empty(),
                    Optional.of(new Delivery.TryLater("interrupted while reading it", false)), Optional.of(e));
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());   // read returns its failures: only an Error gets here
        }
    }

    /** @return the mail's entry once it is committed, to be acknowledged; empty where it was not taken in */
    private Optional<LedgerEntry> takeIn(MailboxSession session, WaitingMail mail, LedgerEntry entry, Instant backlogBefore)
            throws MailboxException, StoreDown {
        Optional<Attempt> attempt = attempt(session, mail, entry, backlogBefore, reception::deliver);
        if (attempt.isEmpty()) {
            return Optional.empty();   // gone from the mailbox since it was listed
        }
        Delivery delivery = attempt.get().delivery();
        Optional<IOException> failure = attempt.get().connection();
        if (!(delivery instanceof Delivery.Accepted) && failure.isPresent()) {
            // Reception takes it for a failure of the store: it was the connection, and this mail counts an attempt
            record(entry.retrying("the mail server failed while sending it: " + failure.get().getMessage(), clock.instant(),
                    clock.instant()), mail);
            throw new MailboxException("reading mail UID " + mail.uid() + " failed: " + failure.get().getMessage(), failure.get());
        }
        if (delivery instanceof Delivery.Accepted) {
            return Optional.of(accepted(mail, attempt.get()));
        } else if (delivery instanceof Delivery.NotAMail notAMail) {
            giveUp(session, mail, entry, "not a mail: " + notAMail.reason());
        } else {
            Delivery.TryLater later = (Delivery.TryLater) delivery;
            if (later.storeDown()) {
                throw new StoreDown(later.cause(), null);
            }
            LedgerEntry retry = entry.retrying(later.cause(), clock.instant().plus(retryAfter(entry.attempts() + 1)), clock.instant());
            if (retry.attempts() >= settings.attempts()) {
                giveUp(session, mail, retry, "failed " + retry.attempts() + " times, last: " + later.cause());
            } else {
                record(retry, mail);
                retry.nextAttemptAt().ifPresent(this::waitsUntil);
                LOG.warn("mail UID {} of {} not taken in (attempt {} of {}): {}; trying again after {}", mail.uid(), settings.shown(),
                        retry.attempts(), settings.attempts(), later.cause(), retryAfter(retry.attempts()));
            }
        }
        return Optional.empty();
    }

    /** A committed mail: no longer held, and to be acknowledged. @return its entry */
    private LedgerEntry accepted(WaitingMail mail, Attempt attempt) {
        Outcome outcome = ((Delivery.Accepted) attempt.delivery()).outcome();
        LedgerEntry taken = attempt.taken().orElseThrow();
        holding.remove(key(taken));
        if (attempt.backlog()) {
            LOG.info("backlog mail UID {} of {} (arrived {}) taken in without automatic replies: {}{}", mail.uid(),
                    settings.shown(), attempt.arrived().map(Instant::toString).orElse("?"), outcome.id(),
                    outcome.ticket().map(number -> " " + number.digits()).orElse(""));
        }
        return taken;
    }

    /** Recorded first, then moved: a move lost with the connection leaves the mail in place, but never read again. */
    private void giveUp(MailboxSession session, WaitingMail mail, LedgerEntry entry, String reason) throws MailboxException, StoreDown {
        record(entry.failed(reason, clock.instant()), mail);
        Optional<String> folder = session.setAside(mail);
        LOG.warn("mail UID {} of {} not taken in, {}: {}", mail.uid(), settings.shown(),
                folder.map(name -> "moved to " + name).orElse("left where it is and skipped from now on"), reason);
    }

    /** A mail still in hand that someone else moved or deleted: its entry is closed, never to be looked for again. */
    private void forgetGone(List<LedgerEntry> unfinished, Set<String> listed) throws StoreDown {
        for (LedgerEntry entry : unfinished) {
            if (listed.contains(entry.uid())) {
                continue;
            }
            if (entry.state() == LedgerEntry.State.TAKEN_IN) {
                record(entry.acknowledged(clock.instant()), 0);
            } else if (claim(entry, 0).isPresent()) {   // not while another reader holds it: that one may have taken it in
                record(entry.failed("gone from the mailbox before it was taken in", clock.instant()), 0);
                LOG.warn("mail UID {} of {} is gone from the mailbox before it was taken in", entry.uid(), settings.shown());
            }
        }
    }

    /** The poll interval, doubled for each failed attempt, at most an hour. */
    private Duration retryAfter(int attempts) {
        Duration wait = settings.pollEvery();
        for (int i = 1; i < attempts && wait.compareTo(LONGEST_RETRY) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(LONGEST_RETRY) > 0 ? LONGEST_RETRY : wait;
    }

    /** The mail for this reader alone, unless another reader of the mailbox holds it or finished it meanwhile. */
    private Optional<LedgerEntry> claim(LedgerEntry entry, long uidNumber) throws StoreDown {
        Instant now = clock.instant();
        Instant until = holdFrom(now);
        Optional<LedgerEntry> held = ledger(ledger -> ledger.claim(entry, uidNumber, now, until, heldByThis(entry)));
        held.ifPresent(claimed -> holding.put(key(entry), until));
        return held;
    }

    /**
     * The mails of a batch for this reader alone, claimed in one transaction rather than one each:
     * a commit less per mail. By UID, the order every reader claims in, so two readers never wait
     * for each other in a circle.
     */
    private Map<String, LedgerEntry> claim(List<WaitingMail> mails, Function<WaitingMail, LedgerEntry> entries) throws StoreDown {
        if (mails.isEmpty()) {
            return new HashMap<>();
        }
        Instant now = clock.instant();
        Instant until = holdFrom(now);
        Map<String, LedgerEntry> held = ledger(ledger -> {
            Map<String, LedgerEntry> won = new HashMap<>();
            for (WaitingMail mail : mails) {
                LedgerEntry entry = entries.apply(mail);
                ledger.claim(entry, mail.uidNumber(), now, until, heldByThis(entry)).ifPresent(claimed -> won.put(mail.uid(), claimed));
            }
            return won;
        });
        held.values().forEach(entry -> holding.put(key(entry), until));
        return held;
    }

    /** Claimed mails this reader will not reach before it stops: due again at once, for whichever reader comes next. */
    private void release(Collection<LedgerEntry> claimed) throws StoreDown {
        if (claimed.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        ledger(ledger -> {
            claimed.forEach(entry -> ledger.record(entry.heldUntil(now, now), 0));
            return null;
        });
        claimed.forEach(entry -> holding.remove(key(entry)));
    }

    /** The end of a hold taken now; in milliseconds, which every database keeps exactly: it names the hold. */
    private Instant holdFrom(Instant now) {
        return now.plus(hold).truncatedTo(ChronoUnit.MILLIS);
    }

    private Optional<Instant> heldByThis(LedgerEntry entry) {
        return Optional.ofNullable(holding.get(key(entry)));
    }

    private static Held key(LedgerEntry entry) {
        return new Held(entry.uidValidity(), entry.uid());
    }

    private void record(LedgerEntry entry, WaitingMail mail) throws StoreDown {
        record(entry, mail.uidNumber());
    }

    private void record(LedgerEntry entry, long uidNumber) throws StoreDown {
        ledger(ledger -> {
            ledger.record(entry, uidNumber);
            return null;
        });
        holding.remove(key(entry));
    }

    private <T> T ledger(Function<IntakeLedger, T> work) throws StoreDown {
        try {
            return database.inTransaction(stores -> work.apply(stores.intakeLedger()));
        } catch (StoreException e) {
            throw new StoreDown(e.getMessage(), e);
        }
    }
}
