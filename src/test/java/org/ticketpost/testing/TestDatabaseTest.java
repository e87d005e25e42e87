package org.ticketpost.testing;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

/** CI can never pass with the PostgreSQL variants skipped; a developer without a server sees them skipped. */
class TestDatabaseTest {

    @Test
    void withoutAServerUnderCiThePostgresqlVariantFails() {
        assertThatThrownBy(() -> TestDatabase.requirePostgres(false, Map.of("CI", "true")))
                .isInstanceOf(AssertionError.class).hasMessageContaining("under CI=true the PostgreSQL variants must run");
    }

    @Test
    void withoutAServerOnADevelopersMachineThePostgresqlVariantIsSkipped() {
        assertThatThrownBy(() -> TestDatabase.requirePostgres(false, Map.of()))
                .isInstanceOf(TestAbortedException.class).hasMessageContaining("the PostgreSQL variant is skipped");
    }

    @Test
    void withAServerThePostgresqlVariantRuns() {
        assertThatCode(() -> TestDatabase.requirePostgres(true, Map.of("CI", "true"))).doesNotThrowAnyException();
    }
}
