package org.ticketpost.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ticketpost.testing.Jar;
import org.ticketpost.testing.Mails;
import org.ticketpost.testing.TestApp;
import org.ticketpost.testing.TestDatabase;

/** What a log collector reads from the process's stderr with log.format=json and log.level=info. */
class LogLinesIT {

    @TempDir
    Path folder;

    @Test
    void eachMailTakenInIsOneJsonLineWithItsOutcomeTicketAndTime() throws Exception {
        try (TestDatabase database = TestDatabase.create(TestDatabase.Kind.H2, folder)) {
            Map<String, String> env = new HashMap<>(database.env());
            env.put("TICKETPOST_STORAGE_DIR", folder.resolve("files").toString());
            Jar.Run added = Jar.run(env, null, "keys", "add", TestApp.KEY, "--customer", TestApp.CUSTOMER, "--plan", "advanced",
                    "--allow", "example.com");
            assertThat(added.exitCode()).as(added.err()).isZero();
            Path mail = Files.writeString(folder.resolve("request.eml"), Mails.load("intake/request.eml", Map.of(
                    "from", "jane@example.com", "fromName", "Jane Doe", "subject", "Calendar",
                    "messageId", "log-1@mail.example.com", "key", TestApp.KEY, "severity", "2")), StandardCharsets.UTF_8);
            env.put("TICKETPOST_LOG_FORMAT", "json");
            env.put("TICKETPOST_LOG_LEVEL", "info");

            Jar.Run run = Jar.run(env, mail, "ingest");

            assertThat(run.exitCode()).as(run.err()).isZero();
            List<String> jsonLines = run.err().lines().filter(line -> line.startsWith("{")).toList();
            assertThat(jsonLines).hasSize(1);
            Map<?, ?> line = new ObjectMapper().readValue(jsonLines.get(0), Map.class);
            assertThat(line.get("level")).isEqualTo("INFO");
            assertThat(line.get("loggerName")).isEqualTo("org.ticketpost.intake.Reception");
            String ticket = run.err().replaceAll("(?s).*ticketpost ingest: ticket (\\d+) opened.*", "$1");
            assertThat(line.get("kvpList").toString())
                    .contains("messageId=log-1@mail.example.com", "outcome=ticket", "ticket=" + ticket, "ms=");
        }
    }
}
