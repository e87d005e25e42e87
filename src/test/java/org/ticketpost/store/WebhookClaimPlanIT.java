package org.ticketpost.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ticketpost.store.PlainSql.column;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.ticketpost.testing.TestDatabase;

/**
 * The webhook sender's claim with thousands of calls waiting, as after a receiver was away: it
 * takes the earliest due, and each database walks the index webhook_delivery_due for them rather
 * than sorting every waiting call.
 */
class WebhookClaimPlanIT {

    private static final int WAITING = 3_000;

    @TempDir
    Path folder;

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aClaimWalksTheIndexForTheEarliestDueCalls(TestDatabase.Kind kind) throws SQLException {
        try (TestDatabase database = TestDatabase.create(kind, folder)) {
            try (Connection connection = PlainSql.migrated(database); Statement sql = connection.createStatement()) {
                waiting(sql, kind);
                String claim = (kind == TestDatabase.Kind.H2 ? SqlWebhookDeliveries.CLAIM_H2 : SqlWebhookDeliveries.CLAIM)
                        .replaceFirst("\\?", "current_timestamp").replaceFirst("\\?", "10");

                String plan = String.join("\n", column(sql, "explain " + claim));

                if (kind == TestDatabase.Kind.H2) {
                    assertThat(plan).contains("webhook_delivery_due").contains("/* index sorted */")
                            .containsIgnoringCase("primary_key");
                } else {
                    assertThat(plan).contains("Index Scan using webhook_delivery_due").doesNotContain("Sort");
                }
                assertThat(column(sql, claim)).containsExactly(
                        IntStream.rangeClosed(1, 10).mapToObj(n -> id(2 * n)).toArray(String[]::new));
            }
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void callsAnotherClaimHoldsAreNeverClaimedTwice(TestDatabase.Kind kind) throws SQLException {
        try (TestDatabase database = TestDatabase.create(kind, folder)) {
            try (Connection first = PlainSql.migrated(database); Connection second = PlainSql.connect(database);
                    Statement sql = first.createStatement()) {
                waiting(sql, kind);
                String claim = (kind == TestDatabase.Kind.H2 ? SqlWebhookDeliveries.CLAIM_H2 : SqlWebhookDeliveries.CLAIM)
                        .replaceFirst("\\?", "current_timestamp").replaceFirst("\\?", "3");
                first.setAutoCommit(false);
                second.setAutoCommit(false);

                List<String> firstClaim = column(sql, claim);
                List<String> secondClaim;
                try (Statement other = second.createStatement()) {
                    secondClaim = column(other, claim);
                }

                assertThat(firstClaim).containsExactlyInAnyOrder(id(2), id(4), id(6));
                assertThat(secondClaim).doesNotContainAnyElementsOf(firstClaim);
                if (kind == TestDatabase.Kind.POSTGRESQL) {
                    assertThat(secondClaim).containsExactlyInAnyOrder(id(8), id(10), id(12));
                }
                // H2 picks the earliest before it locks: while another claim holds them, it finds none this time
                first.rollback();
                second.rollback();
            }
        }
    }

    /** Calls waiting, the even ones due an hour ago (the lower the number, the earlier), the odd ones tomorrow. */
    private static void waiting(Statement sql, TestDatabase.Kind kind) throws SQLException {
        for (int from = 1; from <= WAITING; from += 500) {
            List<String> rows = new ArrayList<>();
            IntStream.range(from, from + 500).forEach(n -> rows.add("('" + id(n) + "', 'sla.breached', '{}', current_timestamp, "
                    + (n % 2 == 0 ? "current_timestamp - interval '1' hour + interval '" + n + "' second"
                            : "current_timestamp + interval '1' day") + ", 0)"));
            sql.execute("insert into webhook_delivery (id, event, payload, created_at, next_attempt_at, attempts) values "
                    + String.join(", ", rows));
        }
        sql.execute(kind == TestDatabase.Kind.H2 ? "analyze" : "analyze webhook_delivery");
    }

    private static String id(int n) {
        return String.format("00000000-0000-0000-0000-%012d", n);
    }
}
