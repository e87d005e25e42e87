package org.ticketpost.reply;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Replies this process's intake has just committed, handed to its outbox sender in memory. Intake
 * writes them held for this sender already, as a claim would: no other sender takes them, and
 * this one needs neither the query nor the commit with which a pass otherwise takes its mails.
 * Nothing is lost by a reply left here: where the process ends, or the sender falls so far behind
 * that a reply waits past half its hold, it stays in the outbox and falls due when its hold runs
 * out, for whichever sender looks first.
 *
 * <p>Closed until a sender {@link #open() opens} it: till then, and in a process without a sender,
 * replies are written due at once, for a sender in another process.
 */
public final class FreshReplies {

    /** A reply committed in the outbox, held for this process's sender until {@code heldUntil}. */
    public record Fresh(long id, String kind, Instant heldUntil, OutboundMail mail) {
    }

    /** Replies beyond this many wait in the outbox instead: a sender this far behind takes them from there. */
    static final int MOST_WAITING = 10_000;

    private final Duration hold;
    private final ArrayDeque<Fresh> waiting = new ArrayDeque<>();
    private volatile boolean open;

    /** @param hold how long a reply written now is held for this process's sender: the outbox's lease */
    public FreshReplies(Duration hold) {
        if (hold.isNegative() || hold.isZero()) {
            throw new IllegalArgumentException("the hold must be positive, was " + hold);
        }
        this.hold = hold;
    }

    /** Until when a reply written now is held for this process's sender; empty where none takes them here. */
    public Optional<Instant> holdFrom(Instant now) {
        return open ? Optional.of(now.plus(hold).truncatedTo(ChronoUnit.MILLIS)) : Optional.empty();
    }

    /** Hands a committed reply to the sender; one more than it keeps waits in the outbox for its hold to end. */
    public synchronized void add(Fresh reply) {
        if (open && waiting.size() < MOST_WAITING) {
            waiting.add(reply);
        }
    }

    /**
     * Up to {@code most} replies, the oldest first, each still held for at least half the hold, so
     * that the hold does not run out while they are sent. Those held for less are dropped: they fall
     * due in the outbox.
     */
    public synchronized List<Fresh> take(int most, Instant now) {
        Instant heldLongEnough = now.plus(hold.dividedBy(2));
        List<Fresh> taken = new ArrayList<>(Math.min(most, waiting.size()));
        while (taken.size() < most && !waiting.isEmpty()) {
            Fresh reply = waiting.poll();
            if (!reply.heldUntil().isBefore(heldLongEnough)) {
                taken.add(reply);
            }
        }
        return taken;
    }

    /** From now on intake holds its replies for this process's sender. */
    public void open() {
        open = true;
    }

    /**
     * From now on replies are written due at once.
     *
     * @return the replies handed over and not taken, for the sender to give back to the outbox
     */
    public synchronized List<Fresh> close() {
        open = false;
        List<Fresh> left = List.copyOf(waiting);
        waiting.clear();
        return left;
    }
}
