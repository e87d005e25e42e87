package org.ticketpost.store;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.function.Function;
import org.ticketpost.ticket.Stores;
import org.ticketpost.ticket.UnitOfWork;

/**
 * Commits the work of callers that come at once in one transaction: while one commit is written,
 * the work that arrives waits, and the next commit takes all of it, so that several mails cost one
 * durable commit. A lone caller commits at once, with no wait. Each caller returns only after the
 * commit that holds its work; where the shared transaction fails, each work of it is tried again in
 * a transaction of its own, so that one failing mail fails no other.
 */
public final class GroupCommit implements UnitOfWork {

    private final UnitOfWork database;
    private final int most;
    private final Queue<Pending<?>> waiting = new ArrayDeque<>();
    private boolean committing;

    /** @param most the most works in one transaction: a bound on what one session holds */
    public GroupCommit(UnitOfWork database, int most) {
        if (most < 1) {
            throw new IllegalArgumentException("a group commit needs room for one work at least, not " + most);
        }
        this.database = database;
        this.most = most;
    }

    @Override
    public <T> T inTransaction(Function<Stores, T> work) {
        Pending<T> mine = new Pending<>(work);
        boolean interrupted = false;
        synchronized (this) {
            waiting.add(mine);
        }
        try {
            while (true) {
                List<Pending<?>> group = new ArrayList<>();
                synchronized (this) {
                    while (committing && !mine.done) {
                        try {
                            wait();
                        } catch (InterruptedException e) {
                            interrupted = true;   // a commit ends in bounded time, and this work may be in it: waited for all the same
                        }
                    }
                    if (mine.done) {
                        return mine.result();
                    }
                    committing = true;
                    while (group.size() < most && !waiting.isEmpty()) {
                        group.add(waiting.remove());
                    }
                }
                try {
                    commit(group);
                } finally {
                    synchronized (this) {
                        committing = false;
                        notifyAll();
                    }
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** The works waiting for a commit: for a test that lines them up. */
    synchronized int waiting() {
        return waiting.size();
    }

    private void commit(List<Pending<?>> group) {
        if (group.size() > 1) {
            try {
                List<Object> results = database.inTransaction(stores -> {
                    List<Object> each = new ArrayList<>();
                    group.forEach(pending -> each.add(pending.work.apply(stores)));
                    return each;
                });
                for (int i = 0; i < group.size(); i++) {
                    group.get(i).succeeded(results.get(i));
                }
                return;
            } catch (RuntimeException | Error shared) {
                // fall through: which work failed, and whether it fails alone, only its own transaction tells
            }
        }
        group.forEach(this::commitAlone);
    }

    private void commitAlone(Pending<?> pending) {
        try {
            pending.succeeded(database.inTransaction(pending.work));
        } catch (RuntimeException | Error e) {
            pending.failed(e);
        }
    }

    /** One caller's work and, once done, its result or failure. */
    private static final class Pending<T> {
        private final Function<Stores, T> work;
        private volatile boolean done;
        private Object result;
        private Throwable failure;

        Pending(Function<Stores, T> work) {
            this.work = work;
        }

        void succeeded(Object value) {
            result = value;
            done = true;
        }

        void failed(Throwable e) {
            failure = e;
            done = true;
        }

        @SuppressWarnings("unchecked")
        T result() {
            if (failure instanceof RuntimeException e) {
                throw e;
            }
            if (failure instanceof Error e) {
                throw e;
            }
            return (T) result;
        }
    }
}
