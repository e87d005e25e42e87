package org.ticketpost.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.ticketpost.testing.Cli;
import org.ticketpost.testing.TestDatabase;

/** A support key names a plan of config/sla-plans.yaml, when it is registered and for as long as Ticketpost serves it. */
class KeyPlansIT {

    @TempDir
    Path folder;

    @Test
    void anImportNamingAnUnknownPlanImportsNothing() throws Exception {
        try (TestDatabase database = TestDatabase.create(TestDatabase.Kind.H2, folder)) {
            Path csv = Files.writeString(folder.resolve("keys.csv"), """
                    key,customer,plan,allow
                    OXSK-1111-2222,Example Corp,advanced,example.com
                    OXSK-3333-4444,Beispiel GmbH,gold,beispiel.de
                    """);

            Cli.Run run = Cli.run(database.env(), "keys", "import", csv.toString());

            assertThat(run.exitCode()).isEqualTo(ExitCodes.REFUSED);
            assertThat(run.err().lines()).containsExactly(
                    "ticketpost keys: line 3: plan 'gold' is not one of standard, advanced, premium",
                    "ticketpost keys: nothing imported");
            assertThat(folder.resolve("ticketpost.mv.db")).as("a refused import creates no database").doesNotExist();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void serveStopsAtStartWhenThePlansFileNoLongerHoldsAPlanThatKeysName(TestDatabase.Kind kind) throws Exception {
        try (TestDatabase database = TestDatabase.create(kind, folder)) {
            Map<String, String> env = new HashMap<>(database.env());
            env.put("TICKETPOST_STORAGE_DIR", folder.resolve("files").toString());
            env.put("TICKETPOST_HTTP_PORT", "");
            for (String[] key : new String[][] {{"OXSK-1111-2222", "standard"}, {"OXSK-3333-4444", "premium"},
                    {"OXSK-5555-6666", "standard"}, {"OXSK-7777-8888", "advanced"}}) {
                assertThat(Cli.run(env, "keys", "add", key[0], "--customer", "Example", "--plan", key[1], "--allow", "example.com")
                        .exitCode()).isZero();
            }
            Path config = Files.createDirectories(folder.resolve("config"));
            Files.copy(Path.of("config/ticketpost.properties"), config.resolve("ticketpost.properties"));
            String plans = Files.readString(Path.of("config/sla-plans.yaml"));
            String withoutStandardAndPremium = plans.replaceAll("(?m)^  (standard|premium):\\n(    .*\\n)+", "");
            assertThat(withoutStandardAndPremium).doesNotContain("standard:").doesNotContain("premium:").contains("advanced:");
            Files.writeString(config.resolve("sla-plans.yaml"), withoutStandardAndPremium);
            env.put("TICKETPOST_CONFIG_DIR", config.toString());

            Cli.Run serve = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> Cli.run(env, "serve"));

            assertThat(serve.exitCode()).isEqualTo(ExitCodes.CONFIG_ERROR);
            String file = config.resolve("sla-plans.yaml").toString();
            assertThat(serve.err().lines().filter(line -> line.startsWith("ticketpost serve: "))).containsExactly(
                    "ticketpost serve: " + file + " has no plan 'premium', which the support key OXSK-3333-4444 names; add the plan "
                            + "again (plans: advanced), or give its keys another plan with ticketpost keys import",
                    "ticketpost serve: " + file + " has no plan 'standard', which 2 support keys name: OXSK-1111-2222, "
                            + "OXSK-5555-6666; add the plan again (plans: advanced), or give its keys another plan with ticketpost "
                            + "keys import");
        }
    }
}
