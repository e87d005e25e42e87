package org.ticketpost.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.ticketpost.testing.Cli;

/** A wrong configuration stops every command with exit code 78 (ingest: 75) and names every mistake, never a secret. */
class ConfigurationTest {

    @Test
    void everyMistakeIsNamedAtOnce() {
        Cli.Run run = Cli.run(Map.of("TICKETPOST_DB_URL", "jdbc:oracle:thin:scott/tiger@db:1521:orcl",
                "TICKETPOST_INGEST_THREADS", "none"), "tickets", "list");

        assertThat(run.exitCode()).isEqualTo(78);
        assertThat(run.err()).contains("db.url (TICKETPOST_DB_URL) must be a jdbc:h2: or jdbc:postgresql: URL, was a jdbc:oracle: one")
                .contains("ingest.threads (TICKETPOST_INGEST_THREADS) must be a whole number").doesNotContain("tiger");
    }

    @Test
    void ingestTellsTheMailServerToKeepTheMailWhileTheConfigurationIsWrong() {
        // Postfix bounces exit code 78 (5.3.5) and keeps the mail on 75
        Cli.Run run = Cli.run(Map.of("TICKETPOST_INGEST_THREADS", "none"), "ingest", "--json");

        assertThat(run.exitCode()).isEqualTo(75);
        assertThat(run.err()).contains("ingest.threads (TICKETPOST_INGEST_THREADS) must be a whole number");
    }

    @Test
    void aDatabaseTimeoutOutsideOneSecondToOneHourIsNamed() {
        Cli.Run run = Cli.run(Map.of("TICKETPOST_DB_TIMEOUT", "PT0.2S"), "tickets", "list");

        assertThat(run.exitCode()).isEqualTo(78);
        assertThat(run.err()).contains("db.timeout (TICKETPOST_DB_TIMEOUT) must be between PT1S and PT1H, was PT0.2S");
    }

    @Test
    void anUnknownLogFormatOrLevelIsNamed() {
        Cli.Run run = Cli.run(Map.of("TICKETPOST_LOG_FORMAT", "xml", "TICKETPOST_LOG_LEVEL", "verbose"), "tickets", "list");

        assertThat(run.exitCode()).isEqualTo(78);
        assertThat(run.err()).contains("log.format (TICKETPOST_LOG_FORMAT) must be text or json, was 'xml'")
                .contains("log.level (TICKETPOST_LOG_LEVEL) must be error, warn, info or debug, was 'verbose'");
    }
}
