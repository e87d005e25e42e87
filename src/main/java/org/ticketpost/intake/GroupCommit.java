package org.ticketpost.intake;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.ticketpost.ticket.StoreException;

/**
 * Mails delivered over several connections at once, decided on by one thread in groups that share
 * a commit: the mails that came while the group before was taken in go into one transaction, far
 * less for the database to write than a commit each. Under light load a group is a single mail,
 * taken in at once. Each connection reads its mail and keeps its files itself, side by side with
 * the others and with the group being decided, and waits until its mail is committed, as it would
 * alone.
 *
 * <p>The first mail of a group not accepted at once ends it: the mails before it are committed,
 * and it and the rest are taken in one by one, where each failure gets its own outcome. Where the
 * commit itself fails, every mail of the group is taken in again alone, so that a mail the
 * database refuses fails by itself. Where the database is unavailable, the whole group is told
 * so at once, after one wait for it rather than one for each mail.
 */
public final class GroupCommit {

    private static final Logger LOG = LoggerFactory.getLogger(GroupCommit.class);

    /** Where a connection's mail is read from. */
    @FunctionalInterface
    public interface MailSource {
        InputStream open() throws IOException;
    }

    private record Waiting(Reception.ReadMail mail, CompletableFuture<Delivery> delivery) {
    }

    private final Reception reception;
    private final int most;
    private final BlockingQueue<Waiting> waiting = new LinkedBlockingQueue<>();
    private final Thread worker;
    /** Guarded by {@code this}, so that no mail is queued after the worker ended. */
    private boolean closed;
    /** Set once the grace ran out: the mails still waiting are told to come again, not taken in. */
    private volatile boolean givenUp;

    private GroupCommit(Reception reception, int most, String name) {
        this.reception = reception;
        this.most = most;
        this.worker = new Thread(this::work, name);
        worker.setDaemon(true);   // a delivery stuck on a database that does not answer must not keep the JVM from ending
    }

    /**
     * @param most the most mails in one group: the first waits for the last to be decided
     * @param name the name of the thread that takes the mails in
     */
    public static GroupCommit start(Reception reception, int most, String name) {
        if (most < 1) {
            throw new IllegalArgumentException("a group holds at least one mail, not " + most);
        }
        GroupCommit groups = new GroupCommit(reception, most, name);
        groups.worker.start();
        return groups;
    }

    /**
     * Takes the mail in with the others that are waiting, and returns once its outcome is committed
     * or its failure known, as {@link Reception#deliver(InputStream)} does. Not interrupted: a
     * connection that was handed a mail answers for it.
     *
     * @throws IOException the mail could not be read from its source
     */
    public Delivery deliver(MailSource source) throws IOException {
        Reception.ReadMail mail;
        try (InputStream message = source.open()) {
            mail = reception.read(message);
        }
        Waiting entry = new Waiting(mail, new CompletableFuture<>());
        if (!queued(entry)) {
            return alone(mail);
        }
        return entry.delivery().join();
    }

    /**
     * Takes no new mail into a group; those waiting are still taken in, for up to the grace. Those
     * still waiting then are told to try again later, without the database, which the service
     * closes next; the group in hand is finished.
     */
    public void close(long graceMillis) throws InterruptedException {
        synchronized (this) {
            closed = true;
        }
        worker.join(Math.max(1, graceMillis));
        givenUp = true;
    }

    private void work() {
        List<Waiting> group = new ArrayList<>(most);
        while (!finished()) {
            try {
                Waiting first = waiting.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                group.add(first);
                waiting.drainTo(group, most - 1);
                if (givenUp) {
                    tryLater(group, new Delivery.TryLater("Ticketpost is shutting down", false));
                } else {
                    takeIn(group);
                }
            } catch (InterruptedException e) {
                // nothing interrupts it; were anything to, the mails waiting are answered, and later ones taken in alone
                synchronized (this) {
                    closed = true;
                }
                givenUp = true;
            } catch (RuntimeException | Error e) {
                // this thread must go on: every connection waits on it
                LOG.error("taking in a group of mails failed; they are told to try again later", e);
                tryLater(group, new Delivery.TryLater("internal error: " + e, false));
            } finally {
                group.clear();
            }
        }
    }

    /** Answers the mails of the group not answered yet: a mail already answered keeps its answer. */
    private static void tryLater(List<Waiting> group, Delivery.TryLater delivery) {
        group.forEach(mail -> mail.delivery().complete(delivery));
    }

    /** How many mails wait for the next group. */
    int waiting() {
        return waiting.size();
    }

    private synchronized boolean queued(Waiting entry) {
        return !closed && waiting.add(entry);
    }

    private synchronized boolean finished() {
        return closed && waiting.isEmpty();
    }

    private void takeIn(List<Waiting> group) {
        if (group.size() == 1) {
            answer(group.get(0));
            return;
        }
        Reception.Together together;
        try {
            together = reception.together();
        } catch (StoreException e) {
            // the database cannot begin a transaction: each mail alone would wait as long again
            tryLater(group, new Delivery.TryLater(e.getMessage(), true));
            return;
        }
        List<Waiting> accepted = new ArrayList<>();
        List<Delivery> outcomes = new ArrayList<>();
        try (together) {
            for (Waiting mail : group) {
                Delivery delivery = together.deliver(mail.mail(), AutomaticReplies.SEND, WithOutcome.NOTHING);
                if (!(delivery instanceof Delivery.Accepted)) {
                    break;
                }
                accepted.add(mail);
                outcomes.add(delivery);
            }
            if (!accepted.isEmpty()) {
                together.commit();
            }
        } catch (StoreException e) {
            oneByOne(group);   // nothing of it committed
            return;
        }
        for (int i = 0; i < accepted.size(); i++) {
            accepted.get(i).delivery().complete(outcomes.get(i));
        }
        oneByOne(group.subList(accepted.size(), group.size()));
    }

    /** Each mail alone; once the database is found unavailable, the rest are told so at once. */
    private void oneByOne(List<Waiting> mails) {
        for (Waiting mail : mails) {
            if (answer(mail) instanceof Delivery.TryLater later && later.storeDown()) {
                tryLater(mails, later);
                return;
            }
        }
    }

    /** @return what became of the mail, which its connection is told */
    private Delivery answer(Waiting mail) {
        Delivery delivery = alone(mail.mail());
        mail.delivery().complete(delivery);
        return delivery;
    }

    private Delivery alone(Reception.ReadMail mail) {
        return reception.deliver(mail, AutomaticReplies.SEND, WithOutcome.NOTHING);
    }
}
