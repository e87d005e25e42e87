package org.ticketpost.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ticketpost.testing.Cli;
import org.ticketpost.testing.TestDatabase;

/** `ticketpost check` next to a key registry. */
class CheckCommandIT {

    private static final String ENGLISH = "templates/samples/request-en.eml";

    @TempDir
    Path folder;

    @Test
    void whereThereIsADatabaseTheSupportKeyIsCheckedToo() throws Exception {
        try (TestDatabase database = TestDatabase.create(TestDatabase.Kind.H2, folder)) {
            Cli.run(database.env(), "keys", "add", "OXSK-0000-1111", "--customer", "Other", "--plan", "advanced",
                    "--allow", "other.example");

            Cli.Run unknown = Cli.run(database.env(), "check", ENGLISH);
            Cli.run(database.env(), "keys", "add", "OXSK-7Q4M-2KD9-X1PZ", "--customer", "Example", "--plan", "advanced",
                    "--allow", "partner.example");
            Cli.Run notAllowed = Cli.run(database.env(), "check", "--json", ENGLISH);

            assertThat(unknown.exitCode()).isEqualTo(1);
            assertThat(unknown.out()).contains("[unknown_key]");
            assertThat(notAllowed.out()).contains("\"code\":\"sender_not_allowed\"");
        }
    }

    @Test
    void withoutADatabaseNoneIsCreated() {
        Path missing = folder.resolve("nothing-here");
        Map<String, String> env = Map.of("TICKETPOST_DB_URL", "jdbc:h2:file:" + missing + ";MODE=PostgreSQL");

        Cli.Run run = Cli.run(env, "check", ENGLISH);

        assertThat(run.exitCode()).isZero();
        assertThat(folder.resolve("nothing-here.mv.db")).doesNotExist();
    }

    @Test
    void withAnAuthservIdACheckSaysWhatTheReceivingServersResultsLacked() {
        Path missing = folder.resolve("nothing-here");
        Map<String, String> env = Map.of("TICKETPOST_DB_URL", "jdbc:h2:file:" + missing + ";MODE=PostgreSQL",
                "TICKETPOST_MAIL_AUTHSERV_ID", "mx.ticketpost.example");

        Cli.Run run = Cli.run(env, "check", "--json", ENGLISH);

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("\"code\":\"sender_not_authenticated\"")
                .contains("\"value\":\"no Authentication-Results of mx.ticketpost.example above the Received field it added\"");
    }
}
