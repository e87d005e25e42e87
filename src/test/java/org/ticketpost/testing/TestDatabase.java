package org.ticketpost.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.ticketpost.store.DatabaseSettings;

/**
 * A fresh, empty database for one test: an H2 file in a temporary folder, or a schema of
 * its own on the PostgreSQL server at 127.0.0.1:5432 (database test, user postgres). Where
 * no PostgreSQL server answers, the PostgreSQL variant of a test is skipped, visibly.
 */
public final class TestDatabase implements AutoCloseable {

    public enum Kind { H2, POSTGRESQL }

    public static final String POSTGRES = System.getProperty("ticketpost.test.postgres", "jdbc:postgresql://127.0.0.1:5432/test");
    private static final String POSTGRES_USER = System.getProperty("ticketpost.test.postgres.user", "postgres");
    private static Boolean postgresReachable;

    private final Kind kind;
    private final String url;
    private final String user;
    private final String schema;

    private TestDatabase(Kind kind, String url, String user, String schema) {
        this.kind = kind;
        this.url = url;
        this.user = user;
        this.schema = schema;
    }

    public static TestDatabase create(Kind kind, Path folder) {
        if (kind == Kind.H2) {
            // the embedded default's settings, so that tests and benchmarks see what a user gets
            return new TestDatabase(kind, DatabaseSettings.embeddedAt(folder.resolve("ticketpost").toAbsolutePath().toString()),
                    "sa", null);
        }
        requirePostgres(postgresReachable(), System.getenv());
        String schema = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toLowerCase(Locale.ROOT);
        execute("CREATE SCHEMA " + schema);
        return new TestDatabase(kind, POSTGRES + "?currentSchema=" + schema, POSTGRES_USER, schema);
    }

    /**
     * Without a PostgreSQL server a PostgreSQL variant is skipped, visibly, on a developer's machine;
     * under CI=true it fails, so that CI cannot pass without having run them.
     */
    static void requirePostgres(boolean reachable, Map<String, String> env) {
        String unreachable = "PostgreSQL is not reachable at " + POSTGRES;
        if (!reachable && "true".equalsIgnoreCase(env.getOrDefault("CI", ""))) {
            throw new AssertionError(unreachable + ": under CI=true the PostgreSQL variants must run, not be skipped");
        }
        assumeTrue(reachable, unreachable + ": the PostgreSQL variant is skipped");
    }

    public Kind kind() {
        return kind;
    }

    /** The environment that points Ticketpost at this database. */
    public Map<String, String> env() {
        Map<String, String> env = new HashMap<>();
        env.put("TICKETPOST_DB_URL", url);
        env.put("TICKETPOST_DB_USER", user);
        return env;
    }

    public String url() {
        return url;
    }

    public String user() {
        return user;
    }

    /** Runs SQL directly, for what a test needs to arrange or break behind Ticketpost's back. */
    public void sql(String statement) {
        try (Connection connection = DriverManager.getConnection(url, user, "");
                Statement sql = connection.createStatement()) {
            sql.execute(statement);
        } catch (SQLException e) {
            throw new IllegalStateException(statement + ": " + e.getMessage(), e);
        }
    }

    public long count(String query) {
        try (Connection connection = DriverManager.getConnection(url, user, "");
                Statement sql = connection.createStatement();
                var result = sql.executeQuery(query)) {
            result.next();
            return result.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(query + ": " + e.getMessage(), e);
        }
    }

    /** The moment a query returns, such as the latest of a timestamp column. */
    public Instant instant(String query) {
        try (Connection connection = DriverManager.getConnection(url, user, "");
                Statement sql = connection.createStatement();
                var result = sql.executeQuery(query)) {
            result.next();
            return result.getObject(1, OffsetDateTime.class).toInstant();
        } catch (SQLException e) {
            throw new IllegalStateException(query + ": " + e.getMessage(), e);
        }
    }

    /** The rows a query returns, each column as text. */
    public List<List<String>> rows(String query) {
        try (Connection connection = DriverManager.getConnection(url, user, "");
                Statement sql = connection.createStatement();
                var result = sql.executeQuery(query)) {
            List<List<String>> rows = new ArrayList<>();
            int columns = result.getMetaData().getColumnCount();
            while (result.next()) {
                List<String> row = new ArrayList<>();
                for (int column = 1; column <= columns; column++) {
                    row.add(result.getString(column));
                }
                rows.add(row);
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(query + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        if (schema != null) {
            execute("DROP SCHEMA " + schema + " CASCADE");
        }
    }

    private static synchronized boolean postgresReachable() {
        if (postgresReachable == null) {
            try (Connection ignored = DriverManager.getConnection(POSTGRES, POSTGRES_USER, "")) {
                postgresReachable = true;
            } catch (SQLException e) {
                postgresReachable = false;
            }
        }
        return postgresReachable;
    }

    private static void execute(String statement) {
        try (Connection connection = DriverManager.getConnection(POSTGRES, POSTGRES_USER, "");
                Statement sql = connection.createStatement()) {
            sql.execute(statement);
        } catch (SQLException e) {
            throw new IllegalStateException(statement + ": " + e.getMessage(), e);
        }
    }
}
