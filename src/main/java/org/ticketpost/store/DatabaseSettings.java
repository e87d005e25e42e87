package org.ticketpost.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Where the database is.
 *
 * @param password never printed: toString leaves it out
 * @param timeout how long one step (a connection, a statement) may wait for the database before the mail
 *                is given up with a temporary failure
 */
public record DatabaseSettings(String url, String user, String password, int poolSize, Duration timeout) {

    /**
     * Ticketpost's statements take milliseconds, so a step still waiting after this long waits for a
     * database that is gone, stalled or locked up; far below the time a mail server gives a pipe
     * command (Postfix: 1000 s).
     */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    /**
     * The embedded default: an H2 file under ./data, shared between processes through H2's
     * automatic server; its statement cache holds every statement of one intake, not H2's default 8.
     * WRITE_DELAY=0 has each commit written to the file before it returns, so that it survives the
     * death of the process holding the database; by default H2 keeps the last half second of
     * commits in that process's memory. H2 does not force the file to disk at a commit.
     */
    public static final String EMBEDDED_URL = embeddedAt("./data/ticketpost");

    public DatabaseSettings {
        Objects.requireNonNull(url, "url");
        user = user == null ? "" : user;
        password = password == null ? "" : password;
        Objects.requireNonNull(timeout, "timeout");
    }

    public DatabaseSettings(String url, String user, String password, int poolSize) {
        this(url, user, password, poolSize, DEFAULT_TIMEOUT);
    }

    /** The embedded default's URL for a database at another path (without .mv.db). */
    public static String embeddedAt(String path) {
        return "jdbc:h2:file:" + path + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;QUERY_CACHE_SIZE=64;"
                + "AUTO_SERVER=TRUE;WRITE_DELAY=0";
    }

    public boolean isEmbedded() {
        return url.startsWith("jdbc:h2:");
    }

    /** For the embedded database: whether it has been created yet (checking a mail must not create one). */
    public boolean exists() {
        if (!url.startsWith("jdbc:h2:file:")) {
            return true;
        }
        String path = url.substring("jdbc:h2:file:".length()).split(";", 2)[0];
        return Files.exists(Path.of(path + ".mv.db"));
    }

    @Override
    public String toString() {
        return "DatabaseSettings[url=" + url + ", user=" + user + ", poolSize=" + poolSize + ", timeout=" + timeout + "]";
    }
}
