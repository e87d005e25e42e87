package org.ticketpost.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.ticketpost.testing.TestDatabase;

/** The migrations in sql/ run on both databases, and the Hibernate mapping matches what they create. */
class SchemaIT {

    @TempDir
    Path folder;

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void theMigrationsRunAndTheMappingMatchesTheSchema(TestDatabase.Kind kind) {
        try (TestDatabase database = TestDatabase.create(kind, folder)) {
            DatabaseSettings settings = new DatabaseSettings(database.url(), database.user(), "", 2);

            assertThatCode(() -> Database.open(settings, "validate").close()).doesNotThrowAnyException();
            assertThat(database.count("select count(*) from flyway_schema_history where not success")).isZero();
            assertThat(latestVersion(database)).isEqualTo(24);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void openingAgainMigratesNothing(TestDatabase.Kind kind) {
        try (TestDatabase database = TestDatabase.create(kind, folder)) {
            DatabaseSettings settings = new DatabaseSettings(database.url(), database.user(), "", 2);
            Database.open(settings).close();
            long migrations = database.count("select count(*) from flyway_schema_history");

            Database.open(settings).close();

            assertThat(database.count("select count(*) from flyway_schema_history")).isEqualTo(migrations);
            assertThat(latestVersion(database)).isEqualTo(24);
        }
    }

    /** The number of the newest migration applied; numbers may have gaps where another branch holds one. */
    private static long latestVersion(TestDatabase database) {
        return database.count("select max(cast(version as integer)) from flyway_schema_history where version is not null");
    }
}
