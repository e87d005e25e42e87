package org.ticketpost.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ticketpost.testing.Cli;
import org.ticketpost.testing.Mails;
import org.ticketpost.testing.TestApp;
import org.ticketpost.testing.TestDatabase;

/** `ingest` and `check` on mail as it lies on disk: a Maildir tree, an mbox file, a folder with nothing to read. */
class MailInputsIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path folder;

    private Map<String, String> env(TestDatabase database) {
        Map<String, String> env = new HashMap<>(database.env());
        env.put("TICKETPOST_STORAGE_DIR", folder.resolve("files").toString());
        env.put("TICKETPOST_MAIL_ADDRESS", "support@ticketpost.example");
        return env;
    }

    private static String request(String messageId, String subject) {
        return Mails.load("intake/request.eml", Map.of("from", "jane@example.com", "fromName", "Jane Doe",
                "subject", subject, "messageId", messageId, "key", TestApp.KEY, "severity", "2"));
    }

    private static void registerKey(Map<String, String> env) {
        Cli.Run added = Cli.run(env, "keys", "add", TestApp.KEY, "--customer", TestApp.CUSTOMER, "--plan", "advanced",
                "--allow", "example.com");
        assertThat(added.exitCode()).as(added.err()).isZero();
    }

    private Path write(Path file, String content) throws Exception {
        Files.createDirectories(file.getParent());
        return Files.writeString(file, content, StandardCharsets.UTF_8);
    }

    @Test
    void aMaildirGivesTheMailsInNewAndCurButNotThoseStillBeingWrittenInTmp() throws Exception {
        try (TestDatabase database = TestDatabase.create(TestDatabase.Kind.H2, folder)) {
            Map<String, String> env = env(database);
            registerKey(env);
            Path maildir = folder.resolve("Maildir");
            write(maildir.resolve("new/1763284364.M1P2.mx"), request("new@mail.example.com", "New"));
            write(maildir.resolve("cur/1763284300.M3P4.mx:2,S"), request("cur@mail.example.com", "Seen"));
            write(maildir.resolve("tmp/1763284365.M5P6.mx"), request("tmp@mail.example.com", "Half written"));
            write(maildir.resolve(".Sent/cur/1763284000.M7P8.mx:2,S"), request("sent@mail.example.com", "Sent"));

            Cli.Run run = Cli.run(env, "ingest", maildir.toString());

            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.err()).contains(maildir.resolve("new/1763284364.M1P2.mx") + ": ticket ")
                    .contains(maildir.resolve("cur/1763284300.M3P4.mx:2,S") + ": ticket ")
                    .contains("2 mails in").doesNotContain("Maildir/tmp").doesNotContain(".Sent");
            assertThat(database.count("select count(*) from ticket")).isEqualTo(2);
        }
    }

    @Test
    void everyMailOfAnMboxIsTakenInAndNamedByItsPlace() throws Exception {
        try (TestDatabase database = TestDatabase.create(TestDatabase.Kind.H2, folder)) {
            Map<String, String> env = env(database);
            registerKey(env);
            StringBuilder mbox = new StringBuilder();
            for (int i = 1; i <= 3; i++) {
                mbox.append("From jane@example.com Mon Nov 16 09:1").append(i).append(":44 2026\n")
                        .append(request("mbox-" + i + "@mail.example.com", "Mail " + i)).append("\n");
            }
            Path file = write(folder.resolve("archive.mbox"), mbox.toString());

            Cli.Run run = Cli.run(env, "ingest", "--json", file.toString());

            assertThat(run.exitCode()).as(run.err()).isZero();
            List<JsonNode> lines = json(run.out());
            assertThat(lines).extracting(line -> line.get("file").asText())
                    .containsExactlyInAnyOrder(file + "#1", file + "#2", file + "#3");
            assertThat(lines).extracting(line -> line.get("outcome").asText()).containsOnly("ticket");
            assertThat(database.count("select count(*) from ticket where subject in ('Mail 1', 'Mail 2', 'Mail 3')"))
                    .isEqualTo(3);
        }
    }

    @Test
    void jsonHasOneLineForEveryInputWhateverBecameOfIt() throws Exception {
        try (TestDatabase database = TestDatabase.create(TestDatabase.Kind.H2, folder)) {
            Map<String, String> env = env(database);
            registerKey(env);
            Path inbox = folder.resolve("inbox");
            write(inbox.resolve("1-request.eml"), request("json-1@mail.example.com", "Request"));
            write(inbox.resolve("2-notes.txt"), "just some notes\nwithout any header\n");
            write(inbox.resolve("3-empty.eml"), "");

            Cli.Run run = Cli.run(env, "ingest", "--json", inbox.toString());

            assertThat(run.exitCode()).isEqualTo(65);
            Map<String, JsonNode> byFile = new HashMap<>();
            json(run.out()).forEach(line -> byFile.put(Path.of(line.get("file").asText()).getFileName().toString(), line));
            assertThat(byFile).containsOnlyKeys("1-request.eml", "2-notes.txt", "3-empty.eml");
            assertThat(byFile.get("1-request.eml").get("outcome").asText()).isEqualTo("ticket");
            assertThat(byFile.get("2-notes.txt").get("outcome").asText()).isEqualTo("not_a_mail");
            assertThat(byFile.get("2-notes.txt").get("reason").asText()).startsWith("no header section");
            assertThat(byFile.get("3-empty.eml").get("reason").asText()).isEqualTo("the file is empty");
        }
    }

    @Test
    void jsonHasALineForEveryMailNotTakenInWhenTheDatabaseIsDown() throws Exception {
        Path file = write(folder.resolve("two.mbox"), "From jane@example.com Mon Nov 16 09:12:44 2026\n"
                + request("down-1@mail.example.com", "One") + "\nFrom jane@example.com Mon Nov 16 09:13:44 2026\n"
                + request("down-2@mail.example.com", "Two"));
        Map<String, String> env = Map.of("TICKETPOST_DB_URL", "jdbc:postgresql://127.0.0.1:9/ticketpost",
                "TICKETPOST_DB_USER", "ticketpost", "TICKETPOST_HOME", folder.toString());

        Cli.Run run = Cli.run(env, "ingest", "--json", file.toString());

        assertThat(run.exitCode()).isEqualTo(75);
        assertThat(json(run.out())).extracting(line -> line.get("file").asText() + " " + line.get("outcome").asText())
                .containsExactly(file + "#1 try_again", file + "#2 try_again");
        assertThat(json(run.out()).get(0).get("reason").asText()).startsWith("database jdbc:postgresql://127.0.0.1:9/ticketpost");
    }

    @Test
    void aFolderWithNothingToReadSaysSo() throws Exception {
        try (TestDatabase database = TestDatabase.create(TestDatabase.Kind.H2, folder)) {
            Path maildir = folder.resolve("Maildir");
            Files.createDirectories(maildir.resolve("cur"));
            Files.createDirectories(maildir.resolve("new"));
            write(maildir.resolve("tmp/1763284365.M5P6.mx"), request("tmp@mail.example.com", "Half written"));

            Cli.Run ingest = Cli.run(env(database), "ingest", maildir.toString());
            Cli.Run check = Cli.run(env(database), "check", maildir.toString());

            assertThat(ingest.exitCode()).isEqualTo(66);
            assertThat(ingest.err()).endsWith(maildir + ": no mail in this folder (a Maildir: new/ and cur/ are empty)\n");
            assertThat(check.exitCode()).isEqualTo(66);
            assertThat(database.count("select count(*) from message")).isZero();
        }
    }

    @Test
    void checkReadsEveryMailOfAnMboxWithOneJsonLineEach() throws Exception {
        Path file = write(folder.resolve("samples.mbox"), "From jane@example.com Mon Nov 16 09:12:44 2026\n"
                + request("check-1@mail.example.com", "Valid") + "\n"
                + "From jane@example.com Mon Nov 16 09:13:44 2026\nFrom: jane@example.com\nSubject: Nothing filled in\n\n"
                + ">From the start, nothing works.\n");

        Cli.Run run = Cli.run(Map.of("TICKETPOST_HOME", folder.toString()), "check", "--json", file.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        List<JsonNode> lines = json(run.out());
        assertThat(lines).extracting(line -> line.get("file").asText()).containsExactly(file + "#1", file + "#2");
        assertThat(lines).extracting(line -> line.get("valid").asBoolean()).containsExactly(true, false);
        assertThat(lines.get(1).get("subject").asText()).isEqualTo("Nothing filled in");
    }

    private static List<JsonNode> json(String out) {
        return out.lines().map(line -> {
            try {
                return JSON.readTree(line);
            } catch (Exception e) {
                throw new AssertionError("not one JSON line: " + line, e);
            }
        }).toList();
    }
}
