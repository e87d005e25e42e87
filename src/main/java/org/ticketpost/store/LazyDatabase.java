package org.ticketpost.store;

import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;
import org.ticketpost.ops.Health;
import org.ticketpost.ticket.SharedTransaction;
import org.ticketpost.ticket.Stores;
import org.ticketpost.ticket.Transactions;

/** The database, opened when a command first needs it: checking a mail or asking for help needs none. */
public final class LazyDatabase implements Transactions, AutoCloseable {

    private final DatabaseSettings settings;
    private final Runnable opened;
    private Database database;

    public LazyDatabase(DatabaseSettings settings) {
        this(settings, () -> { });
    }

    /** @param opened told once, when the database has been opened */
    public LazyDatabase(DatabaseSettings settings, Runnable opened) {
        this.settings = settings;
        this.opened = opened;
    }

    /** Whether there is a database to ask: configured, or the embedded one already created. */
    public boolean exists() {
        return settings.exists();
    }

    /** The embedded database's file, when it has not been created yet: nothing has been taken in. */
    public Optional<Path> missing() {
        return settings.missing();
    }

    @Override
    public <T> T inTransaction(Function<Stores, T> work) {
        return open().unitOfWork().inTransaction(work);
    }

    @Override
    public SharedTransaction shared() {
        return open().unitOfWork().shared();
    }

    /** Opens it now, so that an unreachable database is reported before any work starts. */
    public synchronized Database open() {
        if (database == null) {
            database = Database.open(settings);
            opened.run();
        }
        return database;
    }

    /**
     * Whether the database answers now, for the service's health check: up, named by its URL
     * without options or password.
     *
     * @throws org.ticketpost.ticket.StoreException naming the database and why it does not answer
     */
    public Health health() {
        open().ping();
        return Health.up(settings.shownUrl());
    }

    @Override
    public synchronized void close() {
        if (database != null) {
            database.close();
            database = null;
        }
    }
}
