package org.ticketpost.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ticketpost.testing.DedicatedDatabase;

/**
 * Connections that a restart of PostgreSQL ended stay in the pool until they are used: the pool
 * must not hand one out, however recently it was last used, or the next mail fails for nothing.
 */
class DatabaseRestartIT {

    @TempDir
    Path folder;

    @Test
    void theFirstUnitOfWorkAfterARestartRunsOnALiveConnection() {
        try (DedicatedDatabase server = DedicatedDatabase.create(folder); Database database = Database.open(server.settings())) {
            assertThat(countToMailbox(database)).isZero();

            server.endConnections();

            assertThat(countToMailbox(database)).isZero();
        }
    }

    private static long countToMailbox(Database database) {
        return database.unitOfWork().inTransaction(
                stores -> stores.outbox().countToMailbox("jane@example.com", Instant.parse("2026-11-16T08:00:00Z")));
    }
}
