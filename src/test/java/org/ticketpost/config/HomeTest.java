package org.ticketpost.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which folder holds config/, templates/ and data/: never the working directory by accident. */
class HomeTest {

    @TempDir
    Path root;

    private Path installation;
    private Path elsewhere;

    @BeforeEach
    void folders() throws Exception {
        installation = Files.createDirectories(root.resolve("opt/ticketpost/config")).getParent();
        elsewhere = Files.createDirectories(root.resolve("var/spool"));
    }

    @Test
    void ticketpostHomeWinsOverEverything() throws Exception {
        Path home = Files.createDirectories(root.resolve("srv/support"));
        Files.createDirectories(elsewhere.resolve("config"));

        Home found = Home.find(Map.of("TICKETPOST_HOME", home.toString()), Optional.of(installation.resolve("ticketpost.jar")),
                elsewhere);

        assertThat(found.path()).isEqualTo(home);
    }

    @Test
    void theJarsInstallationWinsOverTheWorkingDirectory() throws Exception {
        Files.createDirectories(elsewhere.resolve("config"));

        Home found = Home.find(Map.of(), Optional.of(installation.resolve("ticketpost.jar")), elsewhere);

        assertThat(found.path()).isEqualTo(installation);
        assertThat(found.resolve("data/files")).isEqualTo(installation.resolve("data/files"));
        assertThat(found.resolve("/srv/files")).isEqualTo(Path.of("/srv/files"));
    }

    @Test
    void aJarInABuildsTargetFolderFindsTheCheckoutAboveIt() throws Exception {
        Path target = Files.createDirectories(installation.resolve("target"));

        assertThat(Home.find(Map.of(), Optional.of(target.resolve("ticketpost.jar")), elsewhere).path()).isEqualTo(installation);
    }

    @Test
    void withoutAJarTheWorkingDirectoryCountsOnlyWhenItHoldsConfig() {
        assertThat(Home.find(Map.of(), Optional.empty(), installation).path()).isEqualTo(installation);

        assertThatThrownBy(() -> Home.find(Map.of(), Optional.empty(), elsewhere))
                .isInstanceOf(ConfigException.class)
                .hasMessage("no folder holds config/ (looked in " + elsewhere + "): set TICKETPOST_HOME to the folder for "
                        + "config/, templates/ and data/");
    }

    @Test
    void aHomeThatIsNoFolderIsAConfigurationMistake() {
        assertThatThrownBy(() -> Home.find(Map.of("TICKETPOST_HOME", root.resolve("nowhere").toString()), Optional.empty(),
                elsewhere))
                .isInstanceOf(ConfigException.class)
                .hasMessage("TICKETPOST_HOME is " + root.resolve("nowhere") + ", which is not a folder");
    }
}
