package org.ticketpost.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.FileSystemException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.hibernate.SessionFactory;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.cfg.Configuration;
import org.ticketpost.ticket.Engineer;
import org.ticketpost.ticket.Message;
import org.ticketpost.ticket.MessageAttachment;
import org.ticketpost.ticket.OutboxEntry;
import org.ticketpost.ticket.StoreException;
import org.ticketpost.ticket.SupportKey;
import org.ticketpost.ticket.Ticket;
import org.ticketpost.ticket.TicketEvent;
import org.ticketpost.ticket.Transactions;

/**
 * The database: a HikariCP pool, the schema brought up to date by Flyway from sql/, and
 * Hibernate on top, bootstrapped by hand. Hibernate never touches the schema.
 */
public final class Database implements AutoCloseable {

    private static final List<Class<?>> ENTITIES = List.of(
            SupportKey.class, Ticket.class, TicketEvent.class, Message.class, MessageAttachment.class, OutboxEntry.class,
            Engineer.class);

    /** How much longer than a statement may run a socket waits, so that the server's own cancel arrives first. */
    private static final int SOCKET_GRACE_SECONDS = 5;

    private final DatabaseSettings settings;
    private final HikariDataSource dataSource;
    private final SessionFactory sessionFactory;

    private Database(DatabaseSettings settings, HikariDataSource dataSource, SessionFactory sessionFactory) {
        this.settings = settings;
        this.dataSource = dataSource;
        this.sessionFactory = sessionFactory;
    }

    /**
     * Connects, migrates and starts Hibernate.
     *
     * @throws StoreException when the database cannot be reached or migrated
     */
    public static Database open(DatabaseSettings settings) {
        return open(settings, "none");
    }

    /** @param schemaCheck "none", or "validate" to have Hibernate compare the mapping with the migrated schema */
    static Database open(DatabaseSettings settings, String schemaCheck) {
        HikariDataSource dataSource = null;
        try {
            dataSource = pool(settings);
            Flyway.configure().dataSource(dataSource).locations("classpath:db/migration")
                    .placeholders(Map.of("ticket_number_cache", settings.isEmbedded() ? "1000" : "1"))
                    .load().migrate();
            return new Database(settings, dataSource, sessionFactory(dataSource, schemaCheck));
        } catch (RuntimeException e) {
            if (dataSource != null) {
                dataSource.close();
            }
            throw new StoreException(unavailable(settings, e), e);
        }
    }

    /**
     * Names the database without its URL's parameters, which may hold a password, and the user
     * where the database refuses it: then no waiting helps until the operator mends the settings.
     */
    private static String unavailable(DatabaseSettings settings, Throwable e) {
        String database = "database " + settings.url().split("[?;]", 2)[0];
        if (refusesAccount(e)) {
            return database + " refuses user " + settings.user() + " (" + rootMessage(e)
                    + "), a configuration problem: check db.url, db.user and db.password";
        }
        return database + " is not available: " + rootMessage(e);
    }

    /** SQLSTATE class 28: the user or password is wrong; 3D000: no such database; 42501: no right to the schema. */
    private static boolean refusesAccount(Throwable e) {
        for (Throwable cause = e; cause != null && cause.getCause() != cause; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("28") || Set.of("3D000", "42501").contains(sql.getSQLState()))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Asks the database whether it answers, on a connection of the pool: one that died with the
     * server is replaced, and a server that refuses new ones is named with its reason.
     *
     * @throws StoreException when it does not answer
     */
    public void ping() {
        try (Connection connection = dataSource.getConnection()) {
            if (!connection.isValid((int) Math.max(1, settings.timeout().toSeconds()))) {
                throw new SQLException("the connection did not answer within " + settings.timeout());
            }
        } catch (SQLException | RuntimeException e) {
            throw new StoreException(unavailable(settings, e), e);
        }
    }

    public Transactions unitOfWork() {
        return new HibernateUnitOfWork(sessionFactory);
    }

    @Override
    public void close() {
        sessionFactory.close();
        dataSource.close();
    }

    /**
     * HikariCP hands out a connection used in the last half second without asking whether it still
     * lives, and a restart or outage of the database ends every pooled connection at once: the next
     * mails would each be failed on one of them. Asking costs a round trip per unit of work.
     * A value set with -D on the command line is kept.
     */
    private static final String ALIVE_BYPASS_WINDOW = "com.zaxxer.hikari.aliveBypassWindowMs";

    private static HikariDataSource pool(DatabaseSettings settings) {
        if (System.getProperty(ALIVE_BYPASS_WINDOW) == null) {
            System.setProperty(ALIVE_BYPASS_WINDOW, "0");
        }
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(settings.url());
        config.setUsername(settings.user());
        config.setPassword(settings.password());
        config.setMaximumPoolSize(settings.poolSize());
        config.setMinimumIdle(1);
        config.setConnectionTimeout(settings.timeout().toMillis());
        config.setPoolName("ticketpost");
        if (settings.url().startsWith("jdbc:postgresql:")) {
            postgresqlTimeouts(settings.timeout()).forEach(config::addDataSourceProperty);
        } else if (settings.isEmbedded() && !settings.url().toUpperCase(Locale.ROOT).contains("TRACE_LEVEL_FILE")) {
            // where H2 cannot write its trace file (a folder it cannot create) it prints a stack trace of its
            // own; Ticketpost reports every database failure itself, in one line
            config.addDataSourceProperty("TRACE_LEVEL_FILE", "0");
        }
        return new HikariDataSource(config);
    }

    /**
     * A server that stops answering on an open connection would keep a read waiting for ever: the
     * socket gives up after the timeout. The server ends a statement a few seconds earlier, which
     * keeps the connection usable and says why, and ends a session of ours left idle inside a
     * transaction (its client stalled or gone), so that its locks do not hold up other mails.
     * Parameters in db.url take precedence over these.
     */
    private static Map<String, String> postgresqlTimeouts(Duration timeout) {
        long seconds = Math.max(1, (timeout.toMillis() + 999) / 1000);
        long socket = seconds + SOCKET_GRACE_SECONDS;
        return Map.of(
                "connectTimeout", Long.toString(seconds),
                "loginTimeout", Long.toString(seconds),
                "socketTimeout", Long.toString(socket),
                "options", "-c statement_timeout=" + timeout.toMillis()
                        + " -c idle_in_transaction_session_timeout=" + socket * 1000);
    }

    private static SessionFactory sessionFactory(DataSource dataSource, String schemaCheck) {
        StandardServiceRegistry registry = new StandardServiceRegistryBuilder()
                .applySetting(AvailableSettings.DATASOURCE, dataSource)
                .applySetting(AvailableSettings.HBM2DDL_AUTO, schemaCheck)
                .applySetting(AvailableSettings.STATEMENT_BATCH_SIZE, 50)
                .applySetting(AvailableSettings.ORDER_INSERTS, true)
                .applySetting(AvailableSettings.ORDER_UPDATES, true)
                // Flyway owns the schema: no temporary tables for bulk updates, which Ticketpost does not run
                .applySetting("hibernate.query.mutation_strategy.global_temporary.create_tables", false)
                .applySetting("hibernate.query.mutation_strategy.persistent.create_tables", false)
                .applySetting("hibernate.query.mutation_strategy.local_temporary.drop_tables", false)
                .build();
        Configuration configuration = new Configuration();
        ENTITIES.forEach(configuration::addAnnotatedClass);
        return configuration.buildSessionFactory(registry);
    }

    static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (root instanceof FileSystemException files && files.getReason() == null) {
            // such a message is the bare path: say what could not be done, and the kind of refusal
            return "cannot create or write " + files.getFile() + " (" + files.getClass().getSimpleName() + ")";
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return message.lines().findFirst().orElse(message).strip();
    }
}
