package org.ticketpost.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.ticketpost.testing.Cli;

/** Options are checked as the configuration is, usage errors exit 64, and the help says everything in whole sentences. */
class UsageTest {

    @ParameterizedTest
    @ValueSource(strings = {"0", "-1", "100000", "four"})
    void threadsOutOfRangeAreRefusedInTheWordsOfTheConfiguration(String threads) {
        Cli.Run option = Cli.run("ingest", "--threads", threads, "templates/samples/request-en.eml");
        Cli.Run setting = Cli.run(Map.of("TICKETPOST_INGEST_THREADS", threads), "ingest", "templates/samples/request-en.eml");

        assertThat(option.exitCode()).isEqualTo(64);
        assertThat(option.err()).startsWith("--threads must be a whole number from 1 to 256, was '" + threads + "'\n")
                .contains("Usage: ticketpost ingest");
        assertThat(setting.exitCode()).as("ingest's exit code for a wrong configuration").isEqualTo(75);
        assertThat(setting.err()).contains("ingest.threads (TICKETPOST_INGEST_THREADS) must be a whole number from 1 to 256, was '"
                + threads + "'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"-5", "0", "ten"})
    void aLimitOutOfRangeIsAUsageErrorNamingTheRange(String limit) {
        Cli.Run run = Cli.run("tickets", "list", "--limit", limit);

        assertThat(run.exitCode()).isEqualTo(64);
        assertThat(run.err()).startsWith("--limit must be a whole number from 1 to 10000, was '" + limit + "'\n");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void everyCommandExits64OnAUsageError() {
        assertThat(Cli.run("tickets", "list", "--wrong").exitCode()).isEqualTo(64);
        assertThat(Cli.run("keys", "add", "OXSK-1111-2222").exitCode()).as("required options missing").isEqualTo(64);
        assertThat(Cli.run("ingest", "--jsn").exitCode()).isEqualTo(64);
        assertThat(Cli.run("nonsense").exitCode()).isEqualTo(64);
    }

    @Test
    void everyCommandIsSummedUpInAWholeSentence() {
        List<String> summaries = new ArrayList<>();
        Cli.Run help = Cli.run("--help");
        summaries.addAll(commandLines(help.out()));
        for (String command : List.of("keys", "tickets", "outbox")) {
            summaries.addAll(commandLines(Cli.run(command, "--help").out()));
        }

        assertThat(summaries).hasSizeGreaterThanOrEqualTo(12)
                .allSatisfy(summary -> assertThat(summary).as("summary").endsWith("."));
        assertThat(help.out()).contains("TICKETPOST_HOME");
    }

    @Test
    void helpListsEveryExitCode() {
        assertThat(Cli.run("ingest", "--help").out()).contains("Exit codes:")
                .containsPattern("(?m)^ +0 +every mail was accepted").containsPattern("(?m)^ +64 +called wrongly")
                .containsPattern("(?m)^ +65 +an input is not a mail").containsPattern("(?m)^ +66 ")
                .containsPattern("(?m)^ +75 +the database or the disk is unavailable, or the configuration is wrong");
        assertThat(Cli.run("check", "--help").out()).containsPattern("(?m)^ +64 +called wrongly")
                .containsPattern("(?m)^ +65 +an input is not a readable mail");
        assertThat(Cli.run("tickets", "list", "--help").out()).containsPattern("(?m)^ +64 +called wrongly");
        assertThat(Cli.run("keys", "import", "--help").out()).containsPattern("(?m)^ +75 ");
    }

    /** The summaries of a command list in --help: "  name  Summary", one line each, continuation lines joined. */
    private static List<String> commandLines(String help) {
        List<String> summaries = new ArrayList<>();
        boolean inCommands = false;
        for (String line : help.lines().toList()) {
            if (line.equals("Commands:")) {
                inCommands = true;
            } else if (inCommands && line.matches("  \\S+ +\\S.*")) {
                summaries.add(line.strip().split(" +", 2)[1]);
            } else if (inCommands && line.matches(" {4,}\\S.*") && !summaries.isEmpty()) {
                summaries.set(summaries.size() - 1, summaries.get(summaries.size() - 1) + " " + line.strip());
            } else if (inCommands && line.isBlank()) {
                inCommands = false;
            }
        }
        return summaries;
    }
}
