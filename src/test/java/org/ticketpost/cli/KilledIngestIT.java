package org.ticketpost.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.ticketpost.bench.GeneratedMails;
import org.ticketpost.testing.IngestProcess;
import org.ticketpost.testing.Jar;
import org.ticketpost.testing.StoredMails;
import org.ticketpost.testing.TestApp;
import org.ticketpost.testing.TestDatabase;

/**
 * A mail server deletes a mail once ingest acknowledged it. What was acknowledged must be
 * stored even when the process that holds the database is killed with SIGKILL right after.
 */
class KilledIngestIT {

    private static final int MAILS = 400;
    private static final Duration LIMIT = Duration.ofSeconds(90);

    @TempDir
    Path folder;

    private Map<String, String> env(TestDatabase database) throws Exception {
        Map<String, String> env = new HashMap<>(database.env());
        env.put("TICKETPOST_STORAGE_DIR", folder.resolve("files").toString());
        Jar.Run added = Jar.run(env, null, "keys", "add", TestApp.KEY, "--customer", TestApp.CUSTOMER, "--plan", "advanced",
                "--allow", "example.com");
        assertThat(added.exitCode()).as(added.err()).isZero();
        return env;
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void everyMailAcknowledgedBeforeAKillIsStoredAndTheNextRunTakesInTheRestOnce(TestDatabase.Kind kind) throws Exception {
        try (TestDatabase database = TestDatabase.create(kind, folder)) {
            Map<String, String> env = env(database);
            Path inbox = Files.createDirectories(folder.resolve("inbox"));
            Map<String, String> messageIds = GeneratedMails.writeRequests(inbox, MAILS);

            Map<String, String> beforeKill;
            try (IngestProcess first = IngestProcess.start(env, inbox.toString())) {
                int moment = 50 + ThreadLocalRandom.current().nextInt(100);
                assertThat(first.awaitAcknowledged(moment, LIMIT)).as("acknowledged %d mails before the kill", moment).isTrue();
                first.kill();
                beforeKill = first.acknowledged();
            }
            StoredMails afterKill = StoredMails.compare(beforeKill, messageIds, database, folder.resolve("files"));
            assertThat(afterKill.lost()).as("acknowledged but not stored after the kill: %s", afterKill).isZero();
            assertThat(afterKill.missingFiles()).as("stored without their raw mail: %s", afterKill).isZero();

            try (IngestProcess second = IngestProcess.start(env, inbox.toString())) {
                assertThat(second.awaitExit(LIMIT)).as("%s", second.lastLines()).isZero();
                StoredMails end = StoredMails.compare(second.acknowledged(), messageIds, database, folder.resolve("files"));
                assertThat(end).isEqualTo(new StoredMails(MAILS, MAILS, 0, 0, 0));
            }
        }
    }

    @Test
    void aMailTakenInThroughTheProcessServingTheEmbeddedDatabaseSurvivesThatProcessBeingKilled() throws Exception {
        try (TestDatabase database = TestDatabase.create(TestDatabase.Kind.H2, folder)) {
            Map<String, String> env = env(database);
            Path mail = folder.resolve("mail.eml");
            Files.write(mail, GeneratedMails.typicalRequest(1));
            Path lock = folder.resolve("ticketpost.lock.db");

            try (IngestProcess server = IngestProcess.start(env)) {
                // ingest without files opens the database, serves it to others, and waits for a mail on standard input
                awaitServing(lock);
                Jar.Run client = Jar.run(env, mail, "ingest");
                assertThat(client.exitCode()).as(client.err()).isZero();
                assertThat(client.err()).containsPattern("(?m)^ticketpost ingest: ticket \\d+ opened$");
                server.kill();
            }

            assertThat(database.rows("select message_id from message where direction = 'IN'"))
                    .extracting(row -> row.get(0).replaceAll("^<|>$", ""))
                    .containsExactly("bench-1@mail.example.com");
        }
    }

    /** H2 writes the address of its server into the lock file once it serves the database. */
    private static void awaitServing(Path lock) throws Exception {
        long end = System.nanoTime() + LIMIT.toNanos();
        while (!(Files.exists(lock) && Files.readString(lock, StandardCharsets.ISO_8859_1).contains("server="))) {
            assertThat(System.nanoTime()).as("the first ingest serves the database").isLessThan(end);
            Thread.sleep(50);
        }
    }
}
