package org.ticketpost.testing;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.ticketpost.store.DatabaseSettings;

/**
 * A PostgreSQL database of its own on the test server, which a test can close to every
 * connection, the open ones included, as when the database is down, and open again: a real
 * outage, not a mocked one. Where no PostgreSQL server answers, the test is skipped (under CI=true
 * it fails), as with {@link TestDatabase}.
 */
public final class DedicatedDatabase implements AutoCloseable {

    private static final String SERVER = TestDatabase.POSTGRES.substring(0, TestDatabase.POSTGRES.lastIndexOf('/') + 1);

    private final String name;

    private DedicatedDatabase(String name) {
        this.name = name;
    }

    public static DedicatedDatabase create(Path folder) {
        TestDatabase.create(TestDatabase.Kind.POSTGRESQL, folder).close();   // skips, or fails under CI, without a server
        String name = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toLowerCase(Locale.ROOT);
        admin("CREATE DATABASE " + name);
        return new DedicatedDatabase(name);
    }

    /** Settings that point Ticketpost at this database. */
    public DatabaseSettings settings() {
        return new DatabaseSettings(SERVER + name, "postgres", "", 4);
    }

    /** The environment that points Ticketpost at this database. */
    public Map<String, String> env() {
        return Map.of("TICKETPOST_DB_URL", SERVER + name, "TICKETPOST_DB_USER", "postgres");
    }

    /** From now on no one connects to it, and the connections open to it are ended. */
    public void refuseConnections() {
        admin("ALTER DATABASE " + name + " ALLOW_CONNECTIONS false");
        endConnections();
    }

    /** Ends the connections open to it, as a restart of the server does; new ones are let in at once. */
    public void endConnections() {
        admin("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + name + "'");
    }

    public void allowConnections() {
        admin("ALTER DATABASE " + name + " ALLOW_CONNECTIONS true");
    }

    public long count(String query) {
        try (Connection connection = DriverManager.getConnection(SERVER + name, "postgres", "");
                Statement sql = connection.createStatement();
                var result = sql.executeQuery(query)) {
            result.next();
            return result.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(query + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        admin("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }

    private static void admin(String statement) {
        try (Connection connection = DriverManager.getConnection(TestDatabase.POSTGRES, "postgres", "");
                Statement sql = connection.createStatement()) {
            sql.execute(statement);
        } catch (SQLException e) {
            throw new IllegalStateException(statement + ": " + e.getMessage(), e);
        }
    }
}
