package org.ticketpost.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ticketpost.testing.Cli;

class CheckCommandTest {

    private static final String ENGLISH = "templates/samples/request-en.eml";
    private static final String GERMAN = "templates/samples/request-de.eml";

    @TempDir
    Path dir;

    @Test
    void aValidRequestExitsZeroAndSaysATicketWouldBeOpened() {
        Cli.Run run = check("check", ENGLISH);

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("valid, a ticket would be opened")
                .contains("OXSK-7Q4M-2KD9").contains("Groupware Server").contains("DEBIAN");
        assertThat(run.err()).doesNotContain("Exception");
    }

    @Test
    void jsonHasTheDocumentedShape() throws Exception {
        Cli.Run run = check("check", "--json", GERMAN);

        JsonNode json = new ObjectMapper().readTree(run.out());
        assertThat(run.exitCode()).isZero();
        assertThat(json.get("valid").asBoolean()).isTrue();
        assertThat(json.get("language").asText()).isEqualTo("de");
        assertThat(json.get("automatic").asBoolean()).isFalse();
        assertThat(json.get("subject").asText()).isEqualTo("Mails werden nicht zugestellt – dringend");
        assertThat(json.get("from").asText()).isEqualTo("j.mueller@beispiel.de");
        assertThat(json.get("fields").fieldNames()).toIterable().containsExactly(
                "supportKey", "server", "serverVersion", "distribution", "guiVersion", "module", "severity", "trackId",
                "product", "component", "stepsToReproduce", "currentBehaviour", "expectedBehaviour");
        assertThat(json.get("fields").get("severity").isInt()).isTrue();
        assertThat(json.get("fields").get("severity").asInt()).isEqualTo(1);
        assertThat(json.get("fields").get("guiVersion").isNull()).isTrue();
        assertThat(json.get("problems").isArray()).isTrue();
        assertThat(json.get("attachments").isArray()).isTrue();
    }

    @Test
    void aMailWithProblemsExitsOneAndListsEachProblem() throws Exception {
        Path mail = write("incomplete.eml", """
                From: jane@example.com
                Subject: help

                Severity: 7
                Distribution: Ubuntu
                Server: URL of the machine
                """);

        Cli.Run run = check("check", "--json", mail.toString());

        JsonNode problems = new ObjectMapper().readTree(run.out()).get("problems");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(problems).extracting(problem -> problem.get("field").asText() + ":" + problem.get("code").asText())
                .contains("severity:invalid", "distribution:not_allowed", "server:placeholder", "supportKey:missing");
        assertThat(problems).allSatisfy(problem -> assertThat(problem.get("message").asText()).endsWith("."));
    }

    @Test
    void anAutoReplyQuotingAValidRequestExitsOneBecauseItWouldOpenNoTicket() throws Exception {
        String request = Files.readString(Path.of(ENGLISH), StandardCharsets.UTF_8);
        Path mail = write("auto-reply.eml", "Auto-Submitted: auto-replied\n" + request);

        Cli.Run run = check("check", mail.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("sent by a machine: it would be recorded, not answered, and open no ticket");
    }

    @Test
    void aMissingFileExits66WithOneLineOnStderr() {
        Cli.Run run = check("check", dir.resolve("nowhere.eml").toString());

        assertThat(run.exitCode()).isEqualTo(66);
        assertThat(run.err().strip()).contains("no such file").doesNotContain("\n").doesNotContain("Exception");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void anEmptyFileIsNotAMail() throws Exception {
        Cli.Run run = check("check", write("empty.eml", "").toString());

        assertThat(run.exitCode()).isEqualTo(65);
        assertThat(run.err().strip()).endsWith("not a readable mail: the file is empty");
    }

    @Test
    void aBinaryFileIsNotAMail() throws Exception {
        Path binary = dir.resolve("photo.eml");
        Files.write(binary, new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13});

        Cli.Run run = check("check", binary.toString());

        assertThat(run.exitCode()).isEqualTo(65);
        assertThat(run.err().strip()).contains("not a readable mail").doesNotContain("\n");
    }

    @Test
    void aTextWithoutHeadersIsNotAMail() throws Exception {
        Cli.Run run = check("check", write("notes.txt", "Server: ox1\nSeverity: 2\n\nsome notes\n").toString());

        assertThat(run.exitCode()).isEqualTo(65);
        assertThat(run.err()).contains("no mail header fields");
    }

    @Test
    void anEmptyFolderSaysItHoldsNoMail() {
        Cli.Run run = check("check", dir.toString());

        assertThat(run.exitCode()).isEqualTo(66);
        assertThat(run.err()).isEqualTo(dir + ": no mail in this folder (no files; a Maildir has cur/ and new/)\n");
    }

    @Test
    void aUsageErrorHasItsOwnExitCodeApartFromNotAMail() throws Exception {
        Cli.Run noFile = check("check");
        Cli.Run unknownOption = check("check", "--jsn", ENGLISH);
        Cli.Run notAMail = check("check", write("notes.txt", "just notes\n").toString());

        assertThat(noFile.exitCode()).isEqualTo(64);
        assertThat(noFile.err()).startsWith("Missing required parameter: 'FILE'");
        assertThat(unknownOption.exitCode()).isEqualTo(64);
        assertThat(notAMail.exitCode()).isEqualTo(65);
    }

    @Test
    void jsonGivesALineForAFileThatIsNotAMailToo() throws Exception {
        Path notes = write("notes.txt", "just notes\n");

        Cli.Run run = check("check", "--json", ENGLISH, notes.toString());

        assertThat(run.exitCode()).isEqualTo(65);
        assertThat(run.out().lines()).hasSize(2);
        JsonNode valid = new ObjectMapper().readTree(run.out().lines().toList().get(0));
        JsonNode unreadable = new ObjectMapper().readTree(run.out().lines().toList().get(1));
        assertThat(valid.get("file").asText()).isEqualTo(ENGLISH);
        assertThat(valid.get("valid").asBoolean()).isTrue();
        assertThat(unreadable.get("file").asText()).isEqualTo(notes.toString());
        assertThat(unreadable.get("readable").asBoolean()).isFalse();
        assertThat(unreadable.get("reason").asText()).startsWith("not a readable mail: no header section");
    }

    @Test
    void tellsItsVersionAndItsCommands() {
        assertThat(Cli.run("--version").out()).startsWith("ticketpost ");
        assertThat(Cli.run("--help").out()).contains("check");
    }

    /** Runs in a home folder of its own, without a database, wherever the tests run. */
    private Cli.Run check(String... args) {
        return Cli.run(Map.of("TICKETPOST_HOME", dir.toString()), args);
    }

    private Path write(String name, String content) throws Exception {
        return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }
}
