package org.ticketpost.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.ticketpost.testing.Cli;
import org.ticketpost.testing.Jar;
import org.ticketpost.testing.Mails;
import org.ticketpost.testing.TestApp;
import org.ticketpost.testing.TestDatabase;

/**
 * `ticketpost ingest` as a mail server's pipe runs it: a mail on standard input, an exit code. The
 * packaged jar runs where its process is what counts (a mail piped in, the exit codes a mail server
 * acts on); the rest runs in-process, through the same entry point as main().
 */
class IngestCommandIT {

    @TempDir
    Path folder;

    /** The line that says which database and file store a command that opened the database uses. */
    private String inUse(TestDatabase database) {
        return "ticketpost: database " + database.url().split(";", 2)[0] + ", files in " + folder.resolve("files") + "\n";
    }

    private static JsonNode json(String out) throws Exception {
        return new ObjectMapper().readTree(out);
    }

    private Map<String, String> env(TestDatabase database) {
        Map<String, String> env = new HashMap<>(database.env());
        env.put("TICKETPOST_STORAGE_DIR", folder.resolve("files").toString());
        env.put("TICKETPOST_MAIL_ADDRESS", "support@ticketpost.example");
        return env;
    }

    private Path mail(String name, String content) throws Exception {
        return Files.writeString(folder.resolve(name), content, StandardCharsets.UTF_8);
    }

    private static String request(String messageId) {
        return Mails.load("intake/request.eml", Map.of("from", "jane@example.com", "fromName", "Jane Doe",
                "subject", "Calendar", "messageId", messageId, "key", TestApp.KEY, "severity", "2"));
    }

    private static void registerKey(Map<String, String> env) {
        Cli.Run added = Cli.run(env, "keys", "add", TestApp.KEY, "--customer", TestApp.CUSTOMER, "--plan", "advanced",
                "--allow", "example.com");
        assertThat(added.exitCode()).as(added.err()).isZero();
    }

    @Test
    void aMailOnStandardInputBecomesATicketWithOneLineOnStderr() throws Exception {
        try (TestDatabase database = TestDatabase.create(TestDatabase.Kind.H2, folder)) {
            Map<String, String> env = env(database);
            registerKey(env);

            Jar.Run run = Jar.run(env, mail("request.eml", request("stdin-1@mail.example.com")), "ingest", "--json");

            assertThat(run.exitCode()).isZero();
            assertThat(run.err()).isEqualTo(inUse(database) + "ticketpost ingest: ticket " + json(run.out()).get("ticket").asText()
                    + " opened\n");
            JsonNode json = json(run.out());
            assertThat(json.get("outcome").asText()).isEqualTo("ticket");
            assertThat(json.get("ticket").asText()).matches("\\d{6}");
            assertThat(json.get("problems")).isEmpty();
            assertThat(database.count("select count(*) from outbox")).isEqualTo(1);
        }
    }

    @Test
    void theSameMailAgainIsADuplicateAndStillAccepted() throws Exception {
        try (TestDatabase database = TestDatabase.create(TestDatabase.Kind.H2, folder)) {
            Map<String, String> env = env(database);
            registerKey(env);
            Path mail = mail("request.eml", request("twice@mail.example.com"));

            Cli.runWithInput(env, mail, "ingest");
            Cli.Run again = Cli.runWithInput(env, mail, "ingest", "--json");

            assertThat(again.exitCode()).isZero();
            assertThat(json(again.out()).get("outcome").asText()).isEqualTo("duplicate");
            assertThat(database.count("select count(*) from ticket")).isEqualTo(1);
        }
    }

    @Test
    void aMailWithAStrayNulInAHeaderIsTakenInNotBounced() throws Exception {
        try (TestDatabase database = TestDatabase.create(TestDatabase.Kind.H2, folder)) {
            Map<String, String> env = env(database);
            registerKey(env);
            String withNul = request("nul@mail.example.com").replace("Subject: Calendar", "Subject: Calendar\u0000");

            Cli.Run run = Cli.runWithInput(env, mail("nul.eml", withNul), "ingest");

            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(database.count("select count(*) from ticket")).isEqualTo(1);
        }
    }

    @Test
    void inputThatIsNotAMailExitsWithDataError() throws Exception {
        try (TestDatabase database = TestDatabase.create(TestDatabase.Kind.H2, folder)) {
            Jar.Run run = Jar.run(env(database), mail("notes.txt", "just some notes\nwithout any header\n"), "ingest");

            assertThat(run.exitCode()).isEqualTo(65);
            assertThat(run.err()).startsWith(inUse(database) + "ticketpost ingest: not a mail: no header section").hasLineCount(2);
        }
    }

    @Test
    void anUnreachableDatabaseExitsWithTempfailAndTouchesNothing() throws Exception {
        Map<String, String> env = new HashMap<>();
        env.put("TICKETPOST_DB_URL", "jdbc:postgresql://127.0.0.1:9/ticketpost");
        env.put("TICKETPOST_DB_USER", "ticketpost");
        env.put("TICKETPOST_STORAGE_DIR", folder.resolve("files").toString());

        Jar.Run run = Jar.run(env, mail("request.eml", request("down@mail.example.com")), "ingest");

        assertThat(run.exitCode()).isEqualTo(75);
        assertThat(run.err()).startsWith("ticketpost ingest: nothing taken in: database jdbc:postgresql://127.0.0.1:9/ticketpost")
                .endsWith("try again later\n").hasLineCount(1);
        assertThat(folder.resolve("files")).doesNotExist();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aFailureInTheMiddleOfStoringLeavesNothingHalfWritten(TestDatabase.Kind kind) throws Exception {
        try (TestDatabase database = TestDatabase.create(kind, folder)) {
            Map<String, String> env = env(database);
            registerKey(env);
            // the ticket and the mail are written before the outbox, which now refuses the row: all must roll back
            database.sql("ALTER TABLE outbox ADD CONSTRAINT refuse_everything CHECK (recipient = 'nobody')");

            Cli.Run run = Cli.runWithInput(env, mail("request.eml", request("half@mail.example.com")), "ingest");

            assertThat(run.exitCode()).isEqualTo(75);
            assertThat(run.err()).startsWith(inUse(database) + "ticketpost ingest: not taken in, try again later").hasLineCount(2);
            assertThat(database.count("select count(*) from ticket")).isZero();
            assertThat(database.count("select count(*) from message")).isZero();
            assertThat(database.count("select count(*) from ticket_event")).isZero();

            database.sql("ALTER TABLE outbox DROP CONSTRAINT refuse_everything");
            Cli.Run retried = Cli.runWithInput(env, mail("request.eml", request("half@mail.example.com")), "ingest");

            assertThat(retried.exitCode()).isZero();
            assertThat(database.count("select count(*) from ticket")).isEqualTo(1);
        }
    }

    @Test
    void aFolderIsTakenInFileByFileWithASummary() throws Exception {
        try (TestDatabase database = TestDatabase.create(TestDatabase.Kind.H2, folder)) {
            Map<String, String> env = env(database);
            registerKey(env);
            Path inbox = Files.createDirectories(folder.resolve("inbox"));
            for (int i = 0; i < 5; i++) {
                Files.writeString(inbox.resolve("mail-" + i + ".eml"), request("folder-" + i + "@mail.example.com"));
            }
            Files.writeString(inbox.resolve("broken.eml"), "");

            Cli.Run run = Cli.run(env, "ingest", inbox.toString());

            assertThat(run.exitCode()).isEqualTo(65);
            assertThat(run.err()).contains("broken.eml: not a mail: the file is empty")
                    .containsPattern("6 mails in [\\d.]+ s \\(\\d+ mails/s\\): 5 taken in, 1 not mails, 0 to try again");
            assertThat(database.count("select count(*) from ticket")).isEqualTo(5);
            Path incoming = folder.resolve("files").resolve("incoming");
            if (Files.exists(incoming)) {
                try (Stream<Path> left = Files.list(incoming)) {
                    assertThat(left).as("spool files left behind").isEmpty();
                }
            }
            try (Stream<Path> kept = Files.walk(folder.resolve("files"))) {
                assertThat(kept.filter(Files::isRegularFile)).as("the five mails, each kept once").hasSize(5);
            }
        }
    }

    @Test
    void aMissingFileIsNamed() throws Exception {
        try (TestDatabase database = TestDatabase.create(TestDatabase.Kind.H2, folder)) {
            Cli.Run run = Cli.run(env(database), "ingest", folder.resolve("nowhere.eml").toString());

            assertThat(run.exitCode()).isEqualTo(66);
            assertThat(run.err()).contains("nowhere.eml: no such file or folder");
        }
    }
}
