package org.ticketpost.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ticketpost.testing.Jar;
import org.ticketpost.testing.TestDatabase;

/** A mail whose content once broke the reader: taken in once, never handed back to the mail server to retry. */
class ContentFailureIT {

    private static final String BROKEN_UTF7_SUBJECT = """
            From: jane@example.com
            To: support@ticketpost.example
            Subject: =?utf-7?B?A?=
            Message-ID: <utf7-short@example.com>

            Hello support,
            the calendar is down.
            """;

    @TempDir
    Path folder;

    @Test
    void aBrokenUtf7SubjectIsTakenInAndNotRetried() throws Exception {
        Path mail = Files.writeString(folder.resolve("mail.eml"), BROKEN_UTF7_SUBJECT, StandardCharsets.UTF_8);
        try (TestDatabase database = TestDatabase.create(TestDatabase.Kind.H2, folder)) {
            Map<String, String> env = new HashMap<>(database.env());
            env.put("TICKETPOST_STORAGE_DIR", folder.resolve("files").toString());

            Jar.Run run = Jar.run(env, mail, "ingest");

            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.err()).containsPattern("(?m)^ticketpost ingest: rejected");
        }
    }

    @Test
    void checkReportsOnABrokenUtf7SubjectInsteadOfFailing() throws Exception {
        Path mail = Files.writeString(folder.resolve("mail.eml"), BROKEN_UTF7_SUBJECT, StandardCharsets.UTF_8);

        Jar.Run run = Jar.run(Map.of("TICKETPOST_STORAGE_DIR", folder.resolve("files").toString(),
                "TICKETPOST_DB_URL", "jdbc:h2:" + folder.resolve("none/db")), null, "check", mail.toString());

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.PROBLEMS);
        // no exception message: only the note that there is no database to check the key against
        assertThat(run.err()).startsWith("ticketpost check: no database at ").hasLineCount(1);
        assertThat(run.out()).contains("not valid, 10 problems", "\"Support Key\" is missing");
    }
}
