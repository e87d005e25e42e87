package org.ticketpost.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ticketpost.testing.TestApp;
import org.ticketpost.testing.TestClock;
import org.ticketpost.testing.TestDatabase;

/** Taking a mail in costs time linear in its size, however many parts it has (80,000 took a minute and a half). */
class LargeMailIntakeIT {

    @TempDir
    Path folder;

    @Test
    void aMailOfEightHundredThousandPartsIsTakenInWithinTwoMinutes() throws Exception {
        StringBuilder mail = new StringBuilder("""
                From: jane@example.com
                To: support@ticketpost.example
                Subject: Export
                Message-ID: <many-parts@example.com>
                MIME-Version: 1.0
                Content-Type: multipart/mixed; boundary="b"

                """);
        for (int part = 0; part < 800_000; part++) {
            mail.append("--b\nContent-Disposition: attachment\n\n").append(part).append('\n');
        }
        mail.append("--b--\n");
        try (TestDatabase database = TestDatabase.create(TestDatabase.Kind.H2, folder);
                TestApp app = TestApp.start(database, folder, TestClock.at("2026-11-16T08:15:00Z"))) {

            Outcome outcome = assertTimeoutPreemptively(Duration.ofSeconds(120), () -> app.receive(mail.toString()));

            assertThat(mail.length()).isGreaterThan(33_000_000);
            assertThat(outcome).isInstanceOf(Outcome.Rejected.class);
            assertThat(database.count("select count(*) from attachment")).isEqualTo(1000);
            assertThat(database.rows("select reading_notes from message where direction = 'IN'")).singleElement()
                    .satisfies(row -> assertThat(row.get(0)).startsWith("the mail has more than 1000 parts"));
        }
    }
}
