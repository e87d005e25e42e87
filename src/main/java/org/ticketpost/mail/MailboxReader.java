package org.ticketpost.mail;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.ticketpost.intake.Reception;
import org.ticketpost.ops.Health;
import org.ticketpost.ops.HealthCheck;
import org.ticketpost.ops.PartState;
import org.ticketpost.ops.ServiceMetrics;
import org.ticketpost.ticket.UnitOfWork;

/**
 * Reads the mailbox while the service runs, on a thread of its own: a round at once, then one
 * whenever the server announces new mail (IMAP IDLE), and at the poll interval otherwise. A
 * connection that served a round and then broke is made again at once; a server that goes away
 * or refuses the login is tried again after a pause that doubles up to the poll interval, each
 * time with a line in the log. Closing finishes the mail in hand and
 * acknowledges nothing that is not committed.
 */
public final class MailboxReader implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MailboxReader.class);

    /** Long enough to finish a mail of some megabytes; short enough for a service to stop at once. */
    public static final Duration DEFAULT_GRACE = Duration.ofSeconds(10);

    private static final Duration FIRST_PAUSE = Duration.ofSeconds(1);

    private final MailboxSettings settings;
    private final Mailbox mailbox;
    private final MailboxRound round;
    private final Duration grace;
    private final Object pause = new Object();
    private final AtomicBoolean waking = new AtomicBoolean();
    private volatile boolean stopping;
    private volatile MailboxSession current;
    /** Whether the session in hand has finished a round: then it is made again at once if lost. */
    private boolean roundDone;
    /** How long the reader waits before it looks again unless told of new mail: the poll interval, or less where a mail falls due. */
    private Duration nextLook;
    private ScheduledExecutorService alarms;
    private Thread thread;

    private final PartState health = new PartState(Health.down("not connected yet"));
    private volatile ServiceMetrics metrics = ServiceMetrics.NONE;

    MailboxReader(MailboxSettings settings, Mailbox mailbox, MailboxRound round, Duration grace) {
        this.settings = settings;
        this.mailbox = mailbox;
        this.round = round;
        this.grace = grace;
        this.nextLook = settings.pollEvery();
    }

    /** The reader of the mailbox the settings name, delivering into the reception and keeping its ledger in the database. */
    public static MailboxReader of(MailboxSettings settings, Reception reception, UnitOfWork database, Clock clock) {
        Mailbox mailbox = settings.url().protocol() == MailboxUrl.Protocol.IMAP ? new ImapMailbox(settings) : new Pop3Mailbox(settings);
        return new MailboxReader(settings, mailbox, new MailboxRound(settings, reception, database, clock), DEFAULT_GRACE);
    }

    /** Whether it is connected to the mailbox now, for the service's health. */
    public HealthCheck health() {
        return health;
    }

    /** Counts each connection it had to make again. */
    public MailboxReader countedBy(ServiceMetrics metrics) {
        this.metrics = metrics;
        return this;
    }

    public synchronized void start() {
        if (thread != null) {
            throw new IllegalStateException("started already");
        }
        alarms = Executors.newSingleThreadScheduledExecutor(work -> daemon(work, "mailbox-alarm"));
        long renewEvery = Math.max(1, round.hold().toMillis() / 3);
        alarms.scheduleWithFixedDelay(this::renewHolds, renewEvery, renewEvery, TimeUnit.MILLISECONDS);
        thread = daemon(this::readUntilStopped, "mailbox-reader");   // a read stuck past the grace must not keep the JVM
        thread.start();
    }

    /**
     * Ends the reader: the mail in hand is finished (taken in and acknowledged, or neither), and
     * this returns within the grace. A reader still busy then goes on, on its daemon thread, but
     * whatever it did not commit is read again at the next start.
     */
    @Override
    public void close() {
        Thread running;
        synchronized (this) {
            stopping = true;
            running = thread;
        }
        synchronized (pause) {
            pause.notifyAll();
        }
        if (running == null) {
            return;
        }
        long deadline = System.nanoTime() + grace.toNanos();
        try {
            while (running.isAlive() && System.nanoTime() < deadline) {
                wakeSoon();
                running.join(100);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        alarms.shutdownNow();
        if (running.isAlive()) {
            LOG.warn("mailbox reader of {} still busy after {}: a mail not committed is read again at the next start",
                    settings.shown(), grace);
        }
    }

    /** Beside the round, on the alarm thread; a failure must not end the schedule. */
    private void renewHolds() {
        try {
            round.renewHolds();
        } catch (MailboxRound.StoreDown | RuntimeException e) {
            LOG.warn("the claims on the mails in hand from {} were not extended: {}; another reader may take them in after {}",
                    settings.shown(), e.getMessage(), round.hold());
        }
    }

    private void readUntilStopped() {
        Duration retry = FIRST_PAUSE;
        boolean failed = false;
        boolean connectedBefore = false;
        while (!stopping) {
            MailboxSession session;
            try {
                session = mailbox.connect();
            } catch (MailboxException e) {
                health.down(settings.shown() + ": " + e.getMessage());
                if (!stopping) {
                    logUnreachable(e, retry);
                    pause(retry);
                    retry = doubled(retry);
                    failed = true;
                }
                continue;
            } catch (RuntimeException e) {
                LOG.error("mailbox reader of {} failed; trying again in {}", settings.shown(), retry, e);
                pause(retry);
                retry = doubled(retry);
                continue;
            }
            current = session;
            health.up("connected to " + settings.shown());
            if (connectedBefore && failed) {
                metrics.reconnected(settings.url().protocol().name().toLowerCase(java.util.Locale.ROOT));
            }
            if (!connectedBefore || failed) {
                LOG.info("{} {}: {}", failed ? "connected again to" : "connected to", settings.shown(), session.describe());
            }
            connectedBefore = true;
            failed = false;
            retry = FIRST_PAUSE;
            long connectedAt = System.nanoTime();
            roundDone = false;
            boolean keepsSession;
            try {
                keepsSession = readWhileConnected(session);
            } catch (MailboxException e) {
                health.down("lost the connection to " + settings.shown() + ": " + e.getMessage());
                if (!stopping) {
                    // a connection that served and then broke (the server restarted, the network or a timeout cut it) is made
                    // again at once; one that breaks again before it served, or within the first pause, waits as before
                    boolean served = roundDone && System.nanoTime() - connectedAt >= FIRST_PAUSE.toNanos();
                    Duration wait = served ? Duration.ZERO : retry;
                    LOG.warn("lost the connection to {}: {}; connecting again {}", settings.shown(), e.getMessage(),
                            served ? "at once" : "in " + wait);
                    pause(wait);
                    retry = served ? FIRST_PAUSE : doubled(retry);
                    failed = true;
                }
                continue;
            } catch (RuntimeException e) {
                if (!stopping) {   // stopping, the database may be closed under the mail in hand: nothing was committed
                    LOG.error("mailbox reader of {} failed; trying again in {}", settings.shown(), retry, e);
                    pause(retry);
                    retry = doubled(retry);
                }
                continue;
            } finally {
                current = null;
                session.close();
            }
            if (!keepsSession) {
                pause(nextLook);   // POP3: the next look is a new session
            }
        }
    }

    /**
     * Rounds, each after new mail is announced or the poll interval has passed, until stopped.
     *
     * @return false where the session cannot wait for new mail: a new one is needed for the next look
     */
    private boolean readWhileConnected(MailboxSession session) throws MailboxException {
        Duration storeRetry = FIRST_PAUSE;
        while (!stopping) {
            Optional<Duration> dueAgain;
            try {
                dueAgain = round.run(session, () -> stopping);
                roundDone = true;
                storeRetry = FIRST_PAUSE;
            } catch (MailboxRound.StoreDown e) {
                LOG.warn("mailbox reader of {} paused: the database or the disk failed ({}); the mails stay in the mailbox, "
                        + "trying again in {}", settings.shown(), e.getMessage(), storeRetry);
                pause(storeRetry);
                storeRetry = doubled(storeRetry);
                continue;
            }
            if (stopping) {
                return true;
            }
            nextLook = dueAgain.map(wait -> wait.compareTo(FIRST_PAUSE) < 0 ? FIRST_PAUSE : wait)   // never a busy loop
                    .filter(wait -> wait.compareTo(settings.pollEvery()) < 0).orElse(settings.pollEvery());
            if (!awaitMail(session, nextLook)) {
                return false;
            }
        }
        return true;
    }

    /**
     * IDLE is ended by an alarm before the read timeout would end the connection, at the poll
     * interval, or earlier where a mail left waiting falls due then ({@code longest}).
     */
    private boolean awaitMail(MailboxSession session, Duration longest) throws MailboxException {
        if (session.idles() && settings.timeout().dividedBy(2).compareTo(longest) < 0) {
            longest = settings.timeout().dividedBy(2);
        }
        ScheduledFuture<?> alarm = alarms.schedule(session::wake, longest.toMillis(), TimeUnit.MILLISECONDS);
        try {
            return session.awaitMail();
        } finally {
            alarm.cancel(false);
        }
    }

    /** Wakes the session from another thread: a wake may wait for the command in hand, and never holds up the caller. */
    private void wakeSoon() {
        MailboxSession session = current;
        if (session == null || !waking.compareAndSet(false, true)) {
            return;
        }
        try {
            alarms.execute(() -> {
                try {
                    session.wake();
                } finally {
                    waking.set(false);
                }
            });
        } catch (RejectedExecutionException e) {
            waking.set(false);
        }
    }

    private void logUnreachable(MailboxException e, Duration retry) {
        if (e.loginRefused()) {
            LOG.error("{}: {}; check mailbox.url and mailbox.password; trying again in {}", settings.shown(), e.getMessage(), retry);
        } else {
            LOG.warn("{}: {}; trying again in {}", settings.shown(), e.getMessage(), retry);
        }
    }

    /** Waits, unless the reader is stopping or stops meanwhile. */
    private void pause(Duration duration) {
        long end = System.nanoTime() + duration.toNanos();
        synchronized (pause) {
            try {
                for (long left = duration.toMillis(); !stopping && left > 0; left = (end - System.nanoTime()) / 1_000_000) {
                    pause.wait(left);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Twice as long, at most the poll interval: a server back after a long absence is noticed as soon as new mail would be. */
    private Duration doubled(Duration duration) {
        Duration twice = duration.multipliedBy(2);
        Duration longest = settings.pollEvery().compareTo(FIRST_PAUSE) > 0 ? settings.pollEvery() : FIRST_PAUSE;
        return twice.compareTo(longest) > 0 ? longest : twice;
    }

    private static Thread daemon(Runnable work, String name) {
        Thread thread = new Thread(work, name);
        thread.setDaemon(true);
        return thread;
    }
}
