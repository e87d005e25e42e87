package org.ticketpost.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.ticketpost.Application;
import org.ticketpost.desk.EngineerView;
import org.ticketpost.desk.Engineers;
import org.ticketpost.desk.Refusal;
import org.ticketpost.desk.Refused;
import org.ticketpost.testing.Cli;
import org.ticketpost.testing.TestDatabase;

/**
 * `ticketpost engineers …` on each database, and what the accounts it makes are good for: the
 * printed token and the password set sign the engineer in through the same core a web door uses.
 */
class EngineersCommandIT {

    private static final String PASSWORD = "correct horse battery staple";

    @TempDir
    Path folder;

    /** A use of the accounts, as a door makes it. */
    private interface Use {
        Object with(Engineers engineers) throws Refused;
    }

    /** What the application core answers, or its refusal. */
    private static Object answer(TestDatabase database, Use use) {
        try (Application application = Application.configure(database.env(), Clock.systemUTC())) {
            return use.with(application.engineers());
        } catch (Refused e) {
            return e.refusal();
        }
    }

    /** Who signing in with a token or a password admits: the engineer's name, or the refusal. */
    private interface SignIn {
        EngineerView with(Engineers engineers) throws Refused;
    }

    private static Object signIn(TestDatabase database, SignIn signIn) {
        return answer(database, engineers -> signIn.with(engineers).name());
    }

    private Cli.Run typed(TestDatabase database, String input, String... args) throws Exception {
        Path stdin = Files.writeString(folder.resolve("stdin.txt"), input, StandardCharsets.UTF_8);
        return Cli.runWithInput(database.env(), stdin, args);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void addsListsAndPutsEngineersOnCall(TestDatabase.Kind kind) throws Exception {
        try (TestDatabase database = TestDatabase.create(kind, folder)) {
            Map<String, String> env = database.env();
            Cli.Run added = Cli.run(env, "engineers", "add", "Jane.Doe", "--email", "Jane@Example.com", "--on-call");
            Cli.run(env, "engineers", "add", "bob_s", "--email", "bob@example.com");
            Cli.Run onCall = Cli.run(env, "engineers", "on-call", "BOB_S", "on");
            Cli.Run offCall = Cli.run(env, "engineers", "on-call", "jane.doe", "off");
            Cli.Run table = Cli.run(env, "engineers", "list");
            Cli.Run json = Cli.run(env, "engineers", "list", "--json");

            assertThat(added.exitCode()).as(added.err()).isZero();
            assertThat(added.out()).isEqualTo("added jane.doe <jane@example.com>, on call\n");
            assertThat(onCall.out()).isEqualTo("bob_s is on call\n");
            assertThat(offCall.out()).isEqualTo("jane.doe is not on call\n");
            assertThat(table.out().lines()).hasSize(3);
            assertThat(table.out().lines().toList().get(0)).startsWith("NAME").contains("EMAIL", "ON CALL", "STATE", "TOKEN", "PASSWORD");
            assertThat(table.out().lines().toList().get(1)).matches("bob_s +bob@example.com +yes +active +- +-");
            assertThat(table.out().lines().toList().get(2)).matches("jane.doe +jane@example.com +no +active +- +-");
            JsonNode engineers = new ObjectMapper().readTree(json.out());
            assertThat(engineers).hasSize(2);
            assertThat(engineers.get(1).get("name").asText()).isEqualTo("jane.doe");
            assertThat(engineers.get(1).get("email").asText()).isEqualTo("jane@example.com");
            assertThat(engineers.get(1).get("onCall").asBoolean()).isFalse();
            assertThat(engineers.get(1).get("disabled").asBoolean()).isFalse();
            assertThat(engineers.get(1).get("tokenSet").asBoolean()).isFalse();
            assertThat(answer(database, Engineers::onCallAddresses)).isEqualTo(List.of("bob@example.com"));
            Cli.run(env, "engineers", "disable", "bob_s");
            assertThat(answer(database, Engineers::onCallAddresses)).as("a disabled engineer is not told").isEqualTo(List.of());
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void thePrintedTokenSignsTheEngineerInUntilANewOneReplacesIt(TestDatabase.Kind kind) throws Exception {
        try (TestDatabase database = TestDatabase.create(kind, folder)) {
            Map<String, String> env = database.env();
            Cli.run(env, "engineers", "add", "jane", "--email", "jane@example.com");

            Cli.Run first = Cli.run(env, "engineers", "token", "Jane");
            Cli.Run second = Cli.run(env, "engineers", "token", "jane");

            assertThat(first.exitCode()).as(first.err()).isZero();
            String oldToken = first.out().strip();
            String newToken = second.out().strip();
            assertThat(oldToken).matches("tpe_[A-Za-z0-9_-]{43}").isNotEqualTo(newToken);
            assertThat(first.err()).contains("cannot be shown again");
            assertThat(signIn(database, e -> e.authenticate(newToken))).isEqualTo("jane");
            assertThat(signIn(database, e -> e.authenticate(oldToken))).isEqualTo(new Refusal.Unauthenticated());
            assertThat(signIn(database, e -> e.authenticate("tpe_" + "A".repeat(43)))).isEqualTo(new Refusal.Unauthenticated());
            Cli.Run list = Cli.run(env, "engineers", "list", "--json");
            assertThat(list.out()).contains("\"tokenSet\" : true").doesNotContain(newToken.substring(4))
                    .doesNotContain(hashOf(database));
            assertThat(hashOf(database)).matches("[0-9a-f]{64}").doesNotContain(newToken.substring(4));

            Cli.Run disabled = Cli.run(env, "engineers", "disable", "jane");

            assertThat(disabled.out()).isEqualTo("disabled jane\n");
            assertThat(signIn(database, e -> e.authenticate(newToken))).isEqualTo(new Refusal.Forbidden("jane"));
            Cli.run(env, "engineers", "enable", "jane");
            assertThat(signIn(database, e -> e.authenticate(newToken))).isEqualTo("jane");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void thePasswordReadFromStandardInputSignsInAndNothingElseDoes(TestDatabase.Kind kind) throws Exception {
        try (TestDatabase database = TestDatabase.create(kind, folder)) {
            Cli.run(database.env(), "engineers", "add", "jane", "--email", "jane@example.com");
            Cli.run(database.env(), "engineers", "add", "bob", "--email", "bob@example.com");

            Cli.Run tooShort = typed(database, "short one\n", "engineers", "password", "jane");
            Cli.Run set = typed(database, PASSWORD + "\r\nthe next line is not read\n", "engineers", "password", "jane");

            assertThat(tooShort.exitCode()).isEqualTo(1);
            assertThat(tooShort.err()).endsWith("ticketpost engineers: a password needs at least 12 characters\n");
            assertThat(set.exitCode()).as(set.err()).isZero();
            assertThat(set.out()).isEqualTo("password set for jane\n");
            String stored = database.rows("SELECT password_hash FROM engineer WHERE name = 'jane'").get(0).get(0);
            assertThat(stored).startsWith("$argon2id$").doesNotContain("horse");
            assertThat(signIn(database, e -> e.verifyPassword("JANE", PASSWORD.toCharArray()))).isEqualTo("jane");
            assertThat(signIn(database, e -> e.verifyPassword("jane", (PASSWORD + "!").toCharArray())))
                    .isEqualTo(new Refusal.Unauthenticated());
            assertThat(signIn(database, e -> e.verifyPassword("bob", PASSWORD.toCharArray())))
                    .as("an engineer without a password").isEqualTo(new Refusal.Unauthenticated());
            assertThat(signIn(database, e -> e.verifyPassword("nobody", PASSWORD.toCharArray())))
                    .as("an unknown name, refused in the same words").isEqualTo(new Refusal.Unauthenticated());
            assertThat(Cli.run(database.env(), "engineers", "list").out()).doesNotContain(stored).contains("set");

            Cli.run(database.env(), "engineers", "disable", "jane");

            assertThat(signIn(database, e -> e.verifyPassword("jane", PASSWORD.toCharArray()))).isEqualTo(new Refusal.Forbidden("jane"));
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void refusesWrongNamesAndAddressesTakenNamesAndUnknownEngineers(TestDatabase.Kind kind) throws Exception {
        try (TestDatabase database = TestDatabase.create(kind, folder)) {
            Map<String, String> env = database.env();
            Cli.Run wrong = Cli.run(env, "engineers", "add", "jane doe", "--email", "example.com");
            Cli.Run first = Cli.run(env, "engineers", "add", "jane", "--email", "jane@example.com");
            Cli.Run taken = Cli.run(env, "engineers", "add", "JANE", "--email", "other@example.com");
            Cli.Run unknown = Cli.run(env, "engineers", "token", "john");
            Cli.Run unknownPassword = typed(database, PASSWORD + "\n", "engineers", "password", "john");
            Cli.Run onCallWhat = Cli.run(env, "engineers", "on-call", "jane", "maybe");

            assertThat(wrong.exitCode()).isEqualTo(1);
            assertThat(wrong.err().lines()).containsExactly(
                    "ticketpost engineers: name 'jane doe' must be 1 to 64 letters, digits, dots, dashes or underscores, starting with a"
                            + " letter or digit",
                    "ticketpost engineers: email 'example.com' is not an e-mail address");
            assertThat(first.exitCode()).isZero();
            assertThat(taken.exitCode()).isEqualTo(1);
            assertThat(taken.err()).endsWith("ticketpost engineers: there is an engineer jane already (names are the same in any case)\n");
            assertThat(unknown.exitCode()).isEqualTo(1);
            assertThat(unknown.out()).isEmpty();
            assertThat(unknown.err()).endsWith("ticketpost engineers: there is no engineer john\n");
            assertThat(unknownPassword.exitCode()).isEqualTo(1);
            assertThat(unknownPassword.err()).endsWith("ticketpost engineers: there is no engineer john\n");
            assertThat(onCallWhat.exitCode()).isEqualTo(64);
            assertThat(onCallWhat.err()).contains("on-call takes on or off, was 'maybe'");
            assertThat(database.rows("SELECT name, email FROM engineer")).containsExactly(List.of("jane", "jane@example.com"));
        }
    }

    @ParameterizedTest
    @EnumSource(value = TestDatabase.Kind.class, names = "H2")
    void listingBeforeAnyEngineerCreatesNoDatabase(TestDatabase.Kind kind) throws Exception {
        try (TestDatabase database = TestDatabase.create(kind, folder)) {
            Cli.Run list = Cli.run(database.env(), "engineers", "list");

            assertThat(list.exitCode()).isEqualTo(1);
            assertThat(list.err()).isEqualTo("ticketpost engineers: no database at " + folder.resolve("ticketpost.mv.db")
                    + " yet: no engineer has been added (ticketpost engineers add)\n");
            assertThat(folder.resolve("ticketpost.mv.db")).doesNotExist();
        }
    }

    private static String hashOf(TestDatabase database) {
        return database.rows("SELECT token_hash FROM engineer").get(0).get(0);
    }
}
