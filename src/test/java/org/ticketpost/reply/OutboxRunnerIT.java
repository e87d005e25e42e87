package org.ticketpost.reply;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.ticketpost.mail.SmtpSender;
import org.ticketpost.mail.SmtpSettings;
import org.ticketpost.testing.Mails;
import org.ticketpost.testing.ScriptedSmtpServer;
import org.ticketpost.testing.TestApp;
import org.ticketpost.testing.TestClock;
import org.ticketpost.testing.TestDatabase;
import org.ticketpost.ticket.OutboxEntry;

/** The outbox sender as the service runs it: on its own thread, woken by intake, stopped within seconds. */
class OutboxRunnerIT {

    @RegisterExtension
    static final GreenMailExtension GREENMAIL = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    private static final Instant START = Instant.parse("2026-11-16T08:15:00Z");
    private static final Duration HOUR = Duration.ofHours(1);

    @TempDir
    Path folder;

    private final TestClock clock = new TestClock(START);

    private void on(TestApp.Scenario scenario) throws Exception {
        TestApp.on(TestDatabase.Kind.H2, folder, clock, scenario);
    }

    private static void receive(TestApp app) {
        app.receive(Mails.load("outbox/request-de.eml", Map.of("messageId", UUID.randomUUID() + "@mail.example.com", "key", TestApp.KEY)));
    }

    private OutboxRunner runner(TestApp app, int port, Duration smtpTimeout, Duration interval, Duration grace) {
        return runner(app, port, smtpTimeout, interval, grace, OutboxPolicy.DEFAULT, clock);
    }

    private static OutboxRunner runner(TestApp app, int port, Duration smtpTimeout, Duration interval, Duration grace,
            OutboxPolicy policy, Clock clock) {
        SmtpSender smtp = new SmtpSender(SmtpSettings.parse("smtp://127.0.0.1:" + port + "?starttls=off", Optional.empty(),
                Optional.empty(), smtpTimeout));
        return new OutboxRunner(new OutboxDispatcher(app.application().database(), smtp, clock, policy), interval, grace);
    }

    private static List<OutboxEntry> waiting(TestApp app, Instant at) {
        return app.read(stores -> stores.outbox().due(at, 100));
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited 10 s").isLessThan(end);
            Thread.sleep(20);
        }
    }

    private static Duration timed(Runnable work) {
        long start = System.nanoTime();
        work.run();
        return Duration.ofNanos(System.nanoTime() - start);
    }

    @Test
    void aWakeSendsAtOnceRatherThanAtTheNextPoll() throws Exception {
        on((app, database) -> {
            try (OutboxRunner runner = runner(app, GREENMAIL.getSmtp().getPort(), Duration.ofSeconds(10), HOUR, Duration.ofSeconds(5))) {
                runner.start();
                receive(app);

                runner.wake();

                assertThat(GREENMAIL.waitForIncomingEmail(10_000, 1)).isTrue();
            }
        });
    }

    @Test
    void withoutAWakeTheNextPollSendsTheMail() throws Exception {
        on((app, database) -> {
            try (OutboxRunner runner = runner(app, GREENMAIL.getSmtp().getPort(), Duration.ofSeconds(10), Duration.ofMillis(200),
                    Duration.ofSeconds(5))) {
                runner.start();

                receive(app);

                assertThat(GREENMAIL.waitForIncomingEmail(10_000, 1)).isTrue();
            }
        });
    }

    @Test
    void closingFinishesTheMailInHandAndGivesTheRestBack() throws Exception {
        on((app, database) -> {
            try (ScriptedSmtpServer server = ScriptedSmtpServer.start(ScriptedSmtpServer.Tls.NONE).delay("DATA", Duration.ofSeconds(1))) {
                for (int i = 0; i < 3; i++) {
                    receive(app);
                }
                OutboxRunner runner = runner(app, server.port(), Duration.ofSeconds(10), HOUR, Duration.ofSeconds(5));
                runner.start();
                await(() -> server.commands().contains("DATA"));

                Duration closing = timed(runner::close);

                assertThat(closing).isLessThan(Duration.ofSeconds(5));
                assertThat(server.mails()).hasSize(1);
                assertThat(database.count("select count(*) from outbox where sent_at is not null")).isEqualTo(1);
                assertThat(waiting(app, START)).hasSize(2).allSatisfy(entry -> assertThat(entry.attempts()).isZero());
            }
        });
    }

    @Test
    void closingMakesTheFreshRepliesNotReachedDueAtOnceForTheNextSender() throws Exception {
        on((app, database) -> {
            try (ScriptedSmtpServer server = ScriptedSmtpServer.start(ScriptedSmtpServer.Tls.NONE).delay("DATA", Duration.ofSeconds(1))) {
                SmtpSender smtp = new SmtpSender(SmtpSettings.parse("smtp://127.0.0.1:" + server.port() + "?starttls=off",
                        Optional.empty(), Optional.empty(), Duration.ofSeconds(10)));
                OutboxRunner runner = new OutboxRunner(new OutboxDispatcher(app.application().database(), smtp, clock, OutboxPolicy.DEFAULT)
                        .takingFresh(app.application().freshReplies()), Duration.ofMillis(100), Duration.ofSeconds(5));
                runner.start();
                receive(app);
                await(() -> server.commands().contains("DATA"));
                receive(app);
                receive(app);   // handed over while the pass sends the first

                runner.close();

                assertThat(server.mails()).hasSize(1);
                assertThat(waiting(app, START)).as("due at once rather than after their hold").hasSize(2);
                assertThat(app.application().freshReplies().holdFrom(START)).as("later replies are due at once too").isEmpty();
            }
        });
    }

    @Test
    void closingReturnsWithinTheGraceWhileASendHangsAndTheMailIsKept() throws Exception {
        on((app, database) -> {
            try (ScriptedSmtpServer server = ScriptedSmtpServer.start(ScriptedSmtpServer.Tls.NONE).silent()) {
                receive(app);
                OutboxRunner runner = runner(app, server.port(), Duration.ofSeconds(30), HOUR, Duration.ofSeconds(1));
                runner.start();
                await(() -> server.connections() == 1);

                Duration closing = timed(runner::close);
                server.close();   // the send in hand fails now, after the close: its result is no longer recorded
                Thread.sleep(500);

                assertThat(closing).isLessThan(Duration.ofSeconds(4));
                assertThat(waiting(app, START)).isEmpty();   // held for the sender that took it …
                assertThat(waiting(app, START.plus(OutboxPolicy.DEFAULT.lease()))).singleElement()   // … and due again after its lease
                        .satisfies(entry -> assertThat(entry.attempts()).isZero());
            }
        });
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aLiveSenderKeepsItsRepliesPastTheirLeaseWhileASlowServerTakesThemAndNoOtherSenderSendsThemAgain(TestDatabase.Kind kind)
            throws Exception {
        TestApp.on(kind, folder, clock, (app, database) -> {
            try (ScriptedSmtpServer server = ScriptedSmtpServer.start(ScriptedSmtpServer.Tls.NONE).delay("DATA", Duration.ofSeconds(3))) {
                receive(app);
                OutboxPolicy shortLease = new OutboxPolicy(10, Duration.ofSeconds(1), Duration.ofMinutes(1), HOUR, 60, Duration.ofDays(2));
                try (OutboxRunner slow = runner(app, server.port(), Duration.ofSeconds(10), HOUR, Duration.ofSeconds(5), shortLease,
                        Clock.systemUTC())) {
                    slow.start();
                    await(() -> server.commands().contains("DATA"));
                    // a second serve on the same database, looking five times a second
                    try (OutboxRunner other = runner(app, server.port(), Duration.ofSeconds(10), Duration.ofMillis(200),
                            Duration.ofSeconds(5), shortLease, Clock.systemUTC())) {
                        other.start();
                        Thread.sleep(2500);   // two leases and more, while the server takes its time with the first sender's reply

                        assertThat(server.connections()).as("connections: the other sender found nothing to send").isEqualTo(1);
                    }
                    await(() -> database.count("select count(*) from outbox where sent_at is not null") == 1);
                }
                assertThat(server.mails()).hasSize(1);
            }
        });
    }
}
