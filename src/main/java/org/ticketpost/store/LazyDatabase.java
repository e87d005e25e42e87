package org.ticketpost.store;

import java.util.function.Function;
import org.ticketpost.ticket.Stores;
import org.ticketpost.ticket.UnitOfWork;

/** The database, opened when a command first needs it: checking a mail or asking for help needs none. */
public final class LazyDatabase implements UnitOfWork, AutoCloseable {

    private final DatabaseSettings settings;
    private Database database;

    public LazyDatabase(DatabaseSettings settings) {
        this.settings = settings;
    }

    /** Whether there is a database to ask: configured, or the embedded one already created. */
    public boolean exists() {
        return settings.exists();
    }

    @Override
    public <T> T inTransaction(Function<Stores, T> work) {
        return open().unitOfWork().inTransaction(work);
    }

    /** Opens it now, so that an unreachable database is reported before any work starts. */
    public synchronized Database open() {
        if (database == null) {
            database = Database.open(settings);
        }
        return database;
    }

    @Override
    public synchronized void close() {
        if (database != null) {
            database.close();
            database = null;
        }
    }
}
