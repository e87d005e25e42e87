package org.ticketpost.desk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ticketpost.Application;
import org.ticketpost.form.Problem;
import org.ticketpost.testing.TestClock;
import org.ticketpost.testing.TestDatabase;

/** A check of a mail next to a key registry, on the application's clock; it stores nothing. */
class MailCheckIT {

    private static final Path ENGLISH = Path.of("templates/samples/request-en.eml");
    private static final String KEY = "OXSK-7Q4M-2KD9-X1PZ";

    @TempDir
    Path folder;

    private static InputStream mail() throws Exception {
        return Files.newInputStream(ENGLISH);
    }

    @Test
    void theSupportKeyIsCheckedOnTheApplicationsClockInItsZone() throws Exception {
        TestClock clock = TestClock.at("2026-11-15T12:00:00Z");
        try (TestDatabase database = TestDatabase.create(TestDatabase.Kind.H2, folder);
                Application app = Application.configure(database.env(), clock)) {
            app.keys().add(new KeyRegistry.NewKey(KEY, "Example Corp", "advanced", List.of("example.com"),
                    Optional.of("2026-11-15")));

            CheckedMail onItsLastDay = app.checks().check(mail(), true);
            clock.advance(Duration.ofHours(11).plusMinutes(30));   // 23:30 UTC: the next day in Europe/Berlin
            CheckedMail theDayAfter = app.checks().check(mail(), true);
            CheckedMail notAsked = app.checks().check(mail(), false);

            assertThat(onItsLastDay).isInstanceOfSatisfying(CheckedMail.Read.class, read -> {
                assertThat(read.keys()).isEqualTo(new CheckedMail.KeyLookup.Done());
                assertThat(read.wouldOpenTicket()).isTrue();
            });
            assertThat(theDayAfter).isInstanceOfSatisfying(CheckedMail.Read.class, read -> {
                assertThat(read.form().problems()).extracting(Problem::code).containsExactly(Problem.Code.EXPIRED_KEY);
                assertThat(read.wouldOpenTicket()).isFalse();
            });
            assertThat(notAsked).isInstanceOfSatisfying(CheckedMail.Read.class, read -> {
                assertThat(read.keys()).isEqualTo(new CheckedMail.KeyLookup.NotAsked());
                assertThat(read.form().problems()).isEmpty();
            });
            assertThat(database.count("select count(*) from message")).isZero();
        }
    }

    @Test
    void withoutADatabaseTheKeyIsNotCheckedAndNoneIsCreated() throws Exception {
        try (TestDatabase database = TestDatabase.create(TestDatabase.Kind.H2, folder);
                Application app = Application.configure(database.env(), TestClock.at("2026-11-15T12:00:00Z"))) {
            CheckedMail checked = app.checks().check(mail(), true);
            CheckedMail notAMail = app.checks().check(new ByteArrayInputStream("just notes\n".getBytes(StandardCharsets.UTF_8)),
                    true);

            assertThat(checked).isInstanceOfSatisfying(CheckedMail.Read.class, read -> assertThat(read.keys())
                    .isEqualTo(new CheckedMail.KeyLookup.NoDatabase(folder.resolve("ticketpost.mv.db"))));
            assertThat(notAMail).isInstanceOfSatisfying(CheckedMail.NotAMail.class, refused ->
                    assertThat(refused.reason()).startsWith("no header section"));
            assertThat(folder.resolve("ticketpost.mv.db")).doesNotExist();
        }
    }

    @Test
    void aSenderTheReceivingServerDidNotAuthenticateIsAProblemOfTheCheck() throws Exception {
        try (TestDatabase database = TestDatabase.create(TestDatabase.Kind.H2, folder)) {
            Map<String, String> env = new HashMap<>(database.env());
            env.put("TICKETPOST_MAIL_AUTHSERV_ID", "mx.ticketpost.example");
            try (Application app = Application.configure(env, TestClock.at("2026-11-15T12:00:00Z"))) {
                CheckedMail unauthenticated = app.checks().check(mail(), false);
                CheckedMail authenticated = app.checks().check(new ByteArrayInputStream((
                        "Authentication-Results: mx.ticketpost.example; dmarc=pass header.from=example.com\n"
                                + Files.readString(ENGLISH)).getBytes(StandardCharsets.UTF_8)), false);

                assertThat(unauthenticated).isInstanceOfSatisfying(CheckedMail.Read.class, read -> {
                    assertThat(read.form().problems()).extracting(Problem::code)
                            .containsExactly(Problem.Code.SENDER_NOT_AUTHENTICATED);
                    assertThat(read.wouldOpenTicket()).isFalse();
                });
                assertThat(authenticated).isInstanceOfSatisfying(CheckedMail.Read.class, read ->
                        assertThat(read.wouldOpenTicket()).isTrue());
            }
        }
    }
}
