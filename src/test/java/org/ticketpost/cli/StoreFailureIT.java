package org.ticketpost.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.ticketpost.testing.Jar;
import org.ticketpost.testing.Mails;
import org.ticketpost.testing.TestApp;
import org.ticketpost.testing.TestDatabase;

/**
 * `ticketpost ingest` when the database or the disk fails for real: a file size limit the kernel
 * enforces, settings the server refuses.
 */
class StoreFailureIT {

    @TempDir
    Path folder;

    private Map<String, String> env(String url, String user) {
        Map<String, String> env = new HashMap<>();
        env.put("TICKETPOST_DB_URL", url);
        env.put("TICKETPOST_DB_USER", user);
        env.put("TICKETPOST_STORAGE_DIR", folder.resolve("files").toString());
        env.put("TICKETPOST_MAIL_ADDRESS", "support@ticketpost.example");
        return env;
    }

    private static String request(int i) {
        return Mails.load("intake/request.eml", Map.of("from", "jane@example.com", "fromName", "Jane Doe",
                "subject", "Calendar " + i, "messageId", "failure-" + i + "@mail.example.com", "key", TestApp.KEY, "severity", "3"));
    }

    private void registerKey(Map<String, String> env) throws Exception {
        Jar.Run added = Jar.run(env, null, "keys", "add", TestApp.KEY, "--customer", TestApp.CUSTOMER, "--plan", "advanced",
                "--allow", "example.com");
        assertThat(added.exitCode()).as(added.err()).isZero();
    }

    /** A file size limit of 0 makes the kernel refuse every write to a file, as a full disk does. */
    @ParameterizedTest
    @ValueSource(ints = {1, 3 * 1024 * 1024})
    void aMailThatCannotBeWrittenLeavesNoFileBehind(int attachmentSize) throws Exception {
        try (TestDatabase database = TestDatabase.create(TestDatabase.Kind.POSTGRESQL, folder)) {
            Map<String, String> env = env(database.url(), database.user());
            registerKey(env);
            String mail = request(1).replace("Hello support team,", "Hello support team,\n" + "x".repeat(attachmentSize));
            List<String> command = new ArrayList<>(List.of("bash", "-c", "ulimit -f 0 && exec \"$@\"", "bash"));
            command.addAll(Jar.command(List.of("-XX:-UsePerfData"), "ingest"));

            Process process = Jar.start(command, env, Files.writeString(folder.resolve("mail.eml"), mail));
            String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);

            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).as(err).isEqualTo(75);
            assertThat(err).startsWith("ticketpost ingest: not taken in, try again later: ").hasLineCount(1);
            assertThat(database.count("select count(*) from message")).isZero();
            try (Stream<Path> left = Files.walk(folder.resolve("files"))) {
                assertThat(left.filter(Files::isRegularFile)).as("files left in the file store").isEmpty();
            }
        }
    }

    @Test
    void anEmbeddedDatabaseWhereNoFolderCanBeMadeIsReportedInOneLine() throws Exception {
        Path file = Files.writeString(folder.resolve("a-file"), "not a folder");   // not even root makes a folder inside a file
        Map<String, String> env = env("jdbc:h2:file:" + file.resolve("ticketpost"), "sa");

        Jar.Run run = Jar.run(env, Files.writeString(folder.resolve("mail.eml"), request(1)), "ingest");

        assertThat(run.exitCode()).isEqualTo(75);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).startsWith("ticketpost ingest: nothing taken in: database jdbc:h2:file:" + file.resolve("ticketpost")
                + " is not available: cannot create or write " + file + " (").endsWith("); try again later\n").hasLineCount(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"role", "database"})
    void aRoleOrDatabaseTheServerDoesNotKnowIsCalledAConfigurationProblem(String missing) throws Exception {
        TestDatabase.create(TestDatabase.Kind.POSTGRESQL, folder).close();   // skipped where no server answers
        boolean role = missing.equals("role");
        String url = role ? TestDatabase.POSTGRES : "jdbc:postgresql://127.0.0.1:5432/no_such_database";
        Map<String, String> env = env(url + "?password=secret-in-the-url", role ? "no_such_role" : "postgres");
        env.put("TICKETPOST_DB_PASSWORD", "secret-in-the-environment");

        Jar.Run run = Jar.run(env, Files.writeString(folder.resolve("mail.eml"), request(1)), "ingest");

        assertThat(run.exitCode()).isEqualTo(75);
        assertThat(run.err()).hasLineCount(1)
                .startsWith("ticketpost ingest: nothing taken in: database " + url + " refuses user " + (role ? "no_such_role" : "postgres"))
                .contains(role ? "role \"no_such_role\" does not exist" : "database \"no_such_database\" does not exist")
                .contains("a configuration problem: check db.url, db.user and db.password")
                .doesNotContain("secret");
    }
}
