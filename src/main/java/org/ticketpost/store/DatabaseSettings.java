package org.ticketpost.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

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

    /**
     * The same settings with an H2 file path that is relative (./data/ticketpost) taken from the home
     * folder rather than from wherever the command was started.
     */
    public DatabaseSettings anchoredAt(Path home) {
        String prefix = url.startsWith("jdbc:h2:file:") ? "jdbc:h2:file:" : "jdbc:h2:";
        String rest = url.substring(Math.min(prefix.length(), url.length()));
        if (!url.startsWith(prefix) || !(rest.startsWith("./") || rest.startsWith("../"))) {
            return this;
        }
        String[] pathAndOptions = rest.split(";", 2);
        String path = home.resolve(pathAndOptions[0]).normalize().toString();
        return new DatabaseSettings(prefix + path + (pathAndOptions.length > 1 ? ";" + pathAndOptions[1] : ""), user,
                password, poolSize);
    }

    /** For the embedded database: whether it has been created yet (a command that only reads must not create one). */
    public boolean exists() {
        return missing().isEmpty();
    }

    /** The embedded database's file, when it has not been created yet. */
    public Optional<Path> missing() {
        return h2File().map(path -> Path.of(path + ".mv.db").toAbsolutePath()).filter(file -> !Files.exists(file));
    }

    /** The file path of an H2 URL that names a file: jdbc:h2:file:…, jdbc:h2:/… or jdbc:h2:./… */
    private Optional<String> h2File() {
        String rest = url.startsWith("jdbc:h2:file:") ? url.substring("jdbc:h2:file:".length())
                : url.startsWith("jdbc:h2:") ? url.substring("jdbc:h2:".length()) : "";
        boolean file = url.startsWith("jdbc:h2:file:") || rest.startsWith("/") || rest.startsWith(".");
        return file ? Optional.of(rest.split(";", 2)[0]) : Optional.empty();
    }

    /** The URL for a log line: without H2's options and without any password in it. */
    public String shownUrl() {
        String shown = isEmbedded() ? url.split(";", 2)[0] : url;
        return PASSWORD.matcher(shown).replaceAll("$1***");
    }

    private static final Pattern PASSWORD = Pattern.compile("(?i)(password=)[^&;]*");

    @Override
    public String toString() {
        return "DatabaseSettings[url=" + url + ", user=" + user + ", poolSize=" + poolSize + ", timeout=" + timeout + "]";
    }
}
