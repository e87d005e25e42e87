package org.ticketpost.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.ticketpost.testing.Jar;
import org.ticketpost.testing.Mails;
import org.ticketpost.testing.TcpProxy;
import org.ticketpost.testing.TestApp;
import org.ticketpost.testing.TestDatabase;

/**
 * `ticketpost ingest` when the database or the disk fails for real: a PostgreSQL server behind a
 * TCP proxy that goes away or stalls, a file size limit the kernel enforces, settings the server refuses.
 */
class StoreFailureIT {

    /** Short, so that a stalled database costs the test seconds: a connection or a statement waits 2 s, a socket 7 s. */
    private static final String TIMEOUT = "PT2S";
    private static final int MAILS = 300;
    private static final String OPENED = ".*: ticket \\d{6} opened";

    @TempDir
    Path folder;

    private Map<String, String> env(String url, String user) {
        Map<String, String> env = new HashMap<>();
        env.put("TICKETPOST_DB_URL", url);
        env.put("TICKETPOST_DB_USER", user);
        env.put("TICKETPOST_DB_TIMEOUT", TIMEOUT);
        env.put("TICKETPOST_STORAGE_DIR", folder.resolve("files").toString());
        env.put("TICKETPOST_MAIL_ADDRESS", "support@ticketpost.example");
        return env;
    }

    /** The test database, reached through the proxy. */
    private Map<String, String> env(TestDatabase database, TcpProxy proxy) {
        String url = database.url().replace("//127.0.0.1:5432/", "//127.0.0.1:" + proxy.port() + "/");
        assumeTrue(!url.equals(database.url()), "the proxy serves a PostgreSQL server at 127.0.0.1:5432 only");
        return env(url, database.user());
    }

    private static String request(int i) {
        return Mails.load("intake/request.eml", Map.of("from", "jane@example.com", "fromName", "Jane Doe",
                "subject", "Calendar " + i, "messageId", "failure-" + i + "@mail.example.com", "key", TestApp.KEY, "severity", "3"));
    }

    private Path inbox() throws IOException {
        Path inbox = Files.createDirectories(folder.resolve("inbox"));
        for (int i = 0; i < MAILS; i++) {
            Files.writeString(inbox.resolve(String.format("mail-%03d.eml", i)), request(i));
        }
        return inbox;
    }

    private void registerKey(Map<String, String> env) throws Exception {
        Jar.Run added = Jar.run(env, null, "keys", "add", TestApp.KEY, "--customer", TestApp.CUSTOMER, "--plan", "advanced",
                "--allow", "example.com");
        assertThat(added.exitCode()).as(added.err()).isZero();
    }

    /** What a folder run printed, and how long it went on after the fault. */
    private record Watched(int exitCode, List<String> lines, double secondsAfterFault) {

        List<String> fileLines(Path inbox) {
            return lines.stream().filter(line -> line.startsWith(inbox.toString())).toList();
        }

        long count(String regex) {
            return lines.stream().filter(line -> line.matches(regex)).count();
        }
    }

    /** Runs `ingest` on the folder and brings the fault on once the given number of tickets was reported opened. */
    private static Watched ingestWithFault(Map<String, String> env, Path inbox, int ticketsBefore, Fault fault) throws Exception {
        Process process = Jar.start(Jar.command(List.of(), "ingest", "--threads", "2", inbox.toString()), env, null);
        CompletableFuture.delayedExecutor(90, TimeUnit.SECONDS).execute(process::destroyForcibly);   // a hang ends the test
        List<String> lines = new ArrayList<>();
        long faultAt = 0;
        try (BufferedReader err = process.errorReader(StandardCharsets.UTF_8)) {
            for (String line = err.readLine(); line != null; line = err.readLine()) {
                lines.add(line);
                if (faultAt == 0 && lines.stream().filter(seen -> seen.matches(OPENED)).count() >= ticketsBefore) {
                    fault.bringOn();
                    faultAt = System.nanoTime();
                }
            }
        }
        int exitCode = process.waitFor();
        assertThat(faultAt).as("the run ended before %d tickets: %s", ticketsBefore, lines).isPositive();
        return new Watched(exitCode, lines, (System.nanoTime() - faultAt) / 1e9);
    }

    private interface Fault {
        void bringOn() throws IOException;
    }

    @Test
    void aDatabaseThatGoesAwayStopsAFolderRunAtOnceAndEachFileSaysWhetherItWasTakenIn() throws Exception {
        try (TestDatabase database = TestDatabase.create(TestDatabase.Kind.POSTGRESQL, folder);
                TcpProxy proxy = TcpProxy.to("127.0.0.1", 5432)) {
            Map<String, String> env = env(database, proxy);
            registerKey(env);
            Path inbox = inbox();

            Watched run = ingestWithFault(env, inbox, 20, proxy::close);

            assertThat(run.exitCode()).as(String.join("\n", run.lines())).isEqualTo(75);
            assertThat(run.secondsAfterFault()).as("seconds from the fault to the end").isLessThan(15);
            List<String> files = run.fileLines(inbox);
            assertThat(files).as("one line for each file").hasSize(MAILS)
                    .extracting(line -> line.substring(0, line.indexOf(": "))).doesNotHaveDuplicates();
            long takenIn = run.count(OPENED);
            long notTried = run.count(".*: not taken in, try again later: not tried after the database or the disk failed");
            assertThat(run.count(".*: not taken in, try again later: .*") + takenIn).isEqualTo(MAILS);
            assertThat(notTried).as("mails after the failure are not tried").isGreaterThan(MAILS / 2);
            assertThat(run.lines()).anyMatch(line -> line.matches(
                    MAILS + " mails in [\\d.]+ s \\(\\d+ mails/s\\): " + takenIn + " taken in, 0 not mails, " + (MAILS - takenIn) + " to try again"))
                    .anyMatch(line -> line.startsWith("stopped at the first failure of the database or the disk, " + notTried + " mails not tried"));
            // every acknowledged mail is stored; one whose commit reached the server as the connection was cut may be too
            long stored = database.count("select count(*) from ticket");
            assertThat(stored).isBetween(takenIn, takenIn + 2);

            Jar.Run again = Jar.run(env(database.url(), database.user()), null, "ingest", inbox.toString());

            assertThat(again.exitCode()).as(again.err()).isZero();
            assertThat(database.count("select count(*) from ticket")).isEqualTo(MAILS);
            assertThat(again.err().lines().filter(line -> line.contains(": duplicate of a mail on ticket"))).hasSize((int) stored);
        }
    }

    @Test
    void aDatabaseThatStallsEndsAFolderRunWithinTheTimeout() throws Exception {
        try (TestDatabase database = TestDatabase.create(TestDatabase.Kind.POSTGRESQL, folder);
                TcpProxy proxy = TcpProxy.to("127.0.0.1", 5432)) {
            Map<String, String> env = env(database, proxy);
            registerKey(env);
            Path inbox = inbox();

            Watched run = ingestWithFault(env, inbox, 20, proxy::stall);

            assertThat(run.exitCode()).as(String.join("\n", run.lines())).isEqualTo(75);
            assertThat(run.secondsAfterFault()).as("seconds from the stall to the end").isLessThan(30);
            assertThat(run.fileLines(inbox)).hasSize(MAILS);
            assertThat(run.lines()).anyMatch(line -> line.startsWith("stopped at the first failure of the database or the disk"));
        }
    }

    /** A file size limit of 0 makes the kernel refuse every write to a file, as a full disk does. */
    @ParameterizedTest
    @ValueSource(ints = {1, 3 * 1024 * 1024})
    void aMailThatCannotBeWrittenLeavesNoFileBehind(int attachmentSize) throws Exception {
        try (TestDatabase database = TestDatabase.create(TestDatabase.Kind.POSTGRESQL, folder)) {
            Map<String, String> env = env(database.url(), database.user());
            String mail = request(1).replace("Hello support team,", "Hello support team,\n" + "x".repeat(attachmentSize));
            List<String> command = new ArrayList<>(List.of("bash", "-c", "ulimit -f 0 && exec \"$@\"", "bash"));
            command.addAll(Jar.command(List.of("-XX:-UsePerfData"), "ingest"));

            Process process = Jar.start(command, env, Files.writeString(folder.resolve("mail.eml"), mail));
            String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);

            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).as(err).isEqualTo(75);
            // the line naming the database in use, then the one for the mail
            assertThat(err).containsPattern("(?m)^ticketpost ingest: not taken in, try again later: .+$").hasLineCount(2);
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
