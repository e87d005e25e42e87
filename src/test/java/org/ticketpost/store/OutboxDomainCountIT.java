package org.ticketpost.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ticketpost.testing.TestDatabase;

/**
 * The per-domain reply limit counts for every rejection: on PostgreSQL its count looks the domain
 * up in an index rather than reading the whole outbox.
 */
class OutboxDomainCountIT {

    @TempDir
    Path folder;

    @Test
    void theCountOfRepliesToADomainUsesItsIndexOnPostgresql() throws Exception {
        try (TestDatabase database = TestDatabase.create(TestDatabase.Kind.POSTGRESQL, folder)) {
            Database.open(new DatabaseSettings(database.url(), database.user(), "", 2)).close();   // migrated

            try (Connection connection = DriverManager.getConnection(database.url(), database.user(), "")) {
                try (Statement settings = connection.createStatement()) {
                    // an empty table is read whole whatever its indexes: ask the planner what it would use
                    settings.execute("SET enable_seqscan = off");
                }
                assertThat(plan(connection)).anyMatch(line -> line.contains("outbox_by_recipient_domain"))
                        .noneMatch(line -> line.contains("Seq Scan"));
            }
        }
    }

    private static List<String> plan(Connection connection) throws Exception {
        try (PreparedStatement explain = connection.prepareStatement("EXPLAIN " + HibernateOutboxRepository.COUNT_TO_DOMAIN)) {
            explain.setString(1, "example.com");
            explain.setObject(2, OffsetDateTime.parse("2026-11-16T08:00:00Z"));
            List<String> lines = new ArrayList<>();
            try (ResultSet rows = explain.executeQuery()) {
                while (rows.next()) {
                    lines.add(rows.getString(1));
                }
            }
            return lines;
        }
    }
}
