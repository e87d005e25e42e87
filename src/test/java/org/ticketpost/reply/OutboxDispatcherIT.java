package org.ticketpost.reply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.ticketpost.mail.SmtpSender;
import org.ticketpost.mail.SmtpSettings;
import org.ticketpost.testing.Mails;
import org.ticketpost.testing.Ports;
import org.ticketpost.testing.RefusingGreenMail;
import org.ticketpost.testing.ScriptedSmtpServer;
import org.ticketpost.testing.TcpProxy;
import org.ticketpost.testing.TestApp;
import org.ticketpost.testing.TestClock;
import org.ticketpost.testing.TestDatabase;
import org.ticketpost.ticket.OutboxEntry;
import org.ticketpost.ticket.TicketNumber;

/**
 * The outbox sent to a real SMTP server, from replies that intake wrote on a real database (H2
 * and PostgreSQL): what arrives, what waits, what is given up, and that a mail is sent once.
 */
class OutboxDispatcherIT {

    @RegisterExtension
    static final GreenMailExtension GREENMAIL = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    private static final Instant START = Instant.parse("2026-11-16T08:15:00Z");
    private static final Instant FAR_FUTURE = Instant.parse("2100-01-01T00:00:00Z");

    @TempDir
    Path folder;

    private final TestClock clock = new TestClock(START);

    private void on(TestDatabase.Kind kind, TestApp.Scenario scenario) throws Exception {
        try (TestDatabase database = TestDatabase.create(kind, folder);
                TestApp app = TestApp.start(database, folder, clock, Map.of("TICKETPOST_MAIL_NAME", "Kundendienst Süd"))) {
            app.addKey();
            scenario.run(app, database);
        }
    }

    private static String request(String messageId) {
        return Mails.load("outbox/request-de.eml", Map.of("messageId", messageId, "key", TestApp.KEY));
    }

    private static TicketNumber receive(TestApp app) {
        return app.receive(request(UUID.randomUUID() + "@mail.example.com")).ticket().orElseThrow();
    }

    private static MailSender smtp(int port) {
        return new SmtpSender(SmtpSettings.parse("smtp://127.0.0.1:" + port + "?starttls=off", Optional.empty(), Optional.empty(),
                Duration.ofSeconds(10)));
    }

    private OutboxDispatcher dispatcher(TestApp app, MailSender sender, OutboxPolicy policy) {
        return new OutboxDispatcher(app.application().database(), sender, clock, policy);
    }

    private OutboxDispatcher dispatcher(TestApp app, int port) {
        return dispatcher(app, smtp(port), OutboxPolicy.DEFAULT);
    }

    private static OutboxPolicy policy(int batchSize, int maxAttempts) {
        return new OutboxPolicy(batchSize, Duration.ofMinutes(15), Duration.ofMinutes(1), Duration.ofHours(1), maxAttempts,
                Duration.ofDays(2));
    }

    /** The waiting mails, whether due or not. */
    private static List<OutboxEntry> waiting(TestApp app) {
        return app.read(stores -> stores.outbox().due(FAR_FUTURE, 1000));
    }

    private static OutboxEntry entry(TestApp app, long id) {
        return app.read(stores -> stores.outbox().find(id).orElseThrow());
    }

    /** The ticket's history, each event as "KIND: note". */
    private static List<String> history(TestApp app, TicketNumber number) {
        return app.read(stores -> stores.tickets().find(number).orElseThrow().events().stream()
                .map(event -> event.kind() + event.note().map(note -> ": " + note).orElse("")).toList());
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aConfirmationTakenInArrivesAsItWasStored(TestDatabase.Kind kind) throws Exception {
        on(kind, (app, database) -> {
            TicketNumber number = app.receive(request("req-1@mail.example.com")).ticket().orElseThrow();
            OutboxEntry stored = waiting(app).get(0);

            OutboxDispatcher.Pass pass = dispatcher(app, GREENMAIL.getSmtp().getPort()).sendDue();

            assertThat(pass).isEqualTo(new OutboxDispatcher.Pass(1, 1, 0, 0));
            MimeMessage received = GREENMAIL.getReceivedMessages()[0];
            assertThat(received.getRecipients(RecipientType.TO)).singleElement().satisfies(to -> {
                assertThat(((InternetAddress) to).getAddress()).isEqualTo("juergen.mueller@example.com");
                assertThat(((InternetAddress) to).getPersonal()).isEqualTo("Jürgen Müller");
            });
            assertThat(stored.returnPath()).get().asString().matches("support\\+bounce-[a-z2-7]{16}@ticketpost\\.example");
            assertThat(received.getHeader("Return-Path", null)).as("the envelope sender, where bounces go")
                    .isEqualTo("<" + stored.returnPath().orElseThrow() + ">");
            assertThat(received.getFrom()).singleElement().satisfies(from -> {
                assertThat(((InternetAddress) from).getAddress()).isEqualTo("support@ticketpost.example");
                assertThat(((InternetAddress) from).getPersonal()).isEqualTo("Kundendienst Süd");
            });
            assertThat(received.getSubject()).isEqualTo("[Ticket#" + number + "] Einladungen für Besprechungsräume kommen nicht an");
            assertThat(received.getHeader("In-Reply-To", null)).isEqualTo("<req-1@mail.example.com>");
            assertThat(received.getHeader("References", null)).isEqualTo("<req-1@mail.example.com>");
            assertThat(received.getMessageID()).isEqualTo("<" + stored.message().messageId().orElseThrow() + ">");
            assertThat(received.getHeader("Auto-Submitted", null)).isEqualTo("auto-replied");
            assertThat(received.getContent()).asString().startsWith("Guten Tag Jürgen Müller,")
                    .contains("vielen Dank für Ihre Anfrage").contains("Ticket " + number.digits() + " eröffnet")
                    // Severity 2 on the advanced plan: four hours around the clock, in time.zone
                    .contains("Wir antworten bis Montag, 16. November 2026, 13:15 MEZ.");
            OutboxEntry sent = entry(app, stored.id());
            assertThat(sent.sentAt()).contains(START);
            assertThat(sent.attempts()).isEqualTo(1);

            assertThat(dispatcher(app, GREENMAIL.getSmtp().getPort()).sendDue()).isEqualTo(new OutboxDispatcher.Pass(0, 0, 0, 0));
            assertThat(GREENMAIL.getReceivedMessages()).hasSize(1);
        });
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void withTheServerDownTheMailWaitsLongerEachTimeAndGoesOnceTheServerIsUp(TestDatabase.Kind kind) throws Exception {
        on(kind, (app, database) -> {
            int port = Ports.free();
            receive(app);
            long id = waiting(app).get(0).id();
            OutboxDispatcher dispatcher = dispatcher(app, port);

            assertThat(dispatcher.sendDue()).isEqualTo(new OutboxDispatcher.Pass(1, 0, 1, 0));
            OutboxEntry deferred = entry(app, id);
            assertThat(deferred.attempts()).isEqualTo(1);
            assertThat(deferred.lastError()).get().asString().contains("Connection refused");
            assertThat(deferred.nextAttemptAt()).isEqualTo(START.plus(Duration.ofMinutes(1)));
            assertThat(dispatcher.sendDue().taken()).isZero();

            clock.advance(Duration.ofMinutes(1));
            assertThat(dispatcher.sendDue().deferred()).isEqualTo(1);
            assertThat(entry(app, id).nextAttemptAt()).isEqualTo(START.plus(Duration.ofMinutes(3)));

            GreenMail server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            server.start();
            try {
                clock.advance(Duration.ofMinutes(1));
                assertThat(dispatcher.sendDue().taken()).isZero();   // not due before its time, server up or not

                clock.advance(Duration.ofMinutes(1));
                assertThat(dispatcher.sendDue()).isEqualTo(new OutboxDispatcher.Pass(1, 1, 0, 0));
                assertThat(server.getReceivedMessages()).hasSize(1);
                assertThat(entry(app, id).sentAt()).contains(START.plus(Duration.ofMinutes(3)));
                assertThat(entry(app, id).attempts()).isEqualTo(3);
            } finally {
                server.stop();
            }
        });
    }

    @Test
    void aPassSendsItsMailsOverOneConnection() throws Exception {
        on(TestDatabase.Kind.H2, (app, database) -> {
            for (int i = 0; i < 3; i++) {
                receive(app);
            }
            try (TcpProxy proxy = TcpProxy.to("127.0.0.1", GREENMAIL.getSmtp().getPort())) {

                OutboxDispatcher.Pass pass = dispatcher(app, proxy.port()).sendDue();

                assertThat(pass).isEqualTo(new OutboxDispatcher.Pass(3, 3, 0, 0));
                assertThat(GREENMAIL.getReceivedMessages()).hasSize(3);
                assertThat(proxy.connections()).isEqualTo(1);
            }
        });
    }

    @Test
    void aPassSendsOneBatch() throws Exception {
        on(TestDatabase.Kind.H2, (app, database) -> {
            for (int i = 0; i < 4; i++) {
                receive(app);
            }
            OutboxDispatcher dispatcher = dispatcher(app, smtp(GREENMAIL.getSmtp().getPort()), policy(3, 60));

            assertThat(dispatcher.sendDue()).isEqualTo(new OutboxDispatcher.Pass(3, 3, 0, 0));
            assertThat(waiting(app)).hasSize(1).allSatisfy(entry -> assertThat(entry.attempts()).isZero());
        });
    }

    @Test
    void aMailIsGivenUpAfterItsLastAllowedAttempt() throws Exception {
        on(TestDatabase.Kind.H2, (app, database) -> {
            TicketNumber number = receive(app);
            long id = waiting(app).get(0).id();
            OutboxDispatcher dispatcher = dispatcher(app, smtp(Ports.free()), policy(10, 3));

            dispatcher.sendDue();
            clock.advance(Duration.ofMinutes(1));
            dispatcher.sendDue();
            clock.advance(Duration.ofMinutes(2));
            OutboxDispatcher.Pass last = dispatcher.sendDue();

            assertThat(last).isEqualTo(new OutboxDispatcher.Pass(1, 0, 0, 1));
            OutboxEntry failed = entry(app, id);
            assertThat(failed.failedAt()).contains(START.plus(Duration.ofMinutes(3)));
            assertThat(failed.lastError()).get().asString().contains("Connection refused").endsWith("(given up after 3 attempts)");
            assertThat(history(app, number)).last().asString()
                    .startsWith("REPLY_FAILED: confirmation to juergen.mueller@example.com could not be sent: ")
                    .contains("Connection refused").endsWith("(given up after 3 attempts)");
            clock.advance(Duration.ofDays(1));
            assertThat(dispatcher.sendDue().taken()).isZero();
        });
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aRecipientRefusedForGoodIsRecordedOnTheTicketAndNotTriedAgain(TestDatabase.Kind kind) throws Exception {
        RefusingGreenMail server = new RefusingGreenMail(ServerSetupTest.SMTP.dynamicPort());
        server.refuse("juergen.mueller@example.com", "550 5.1.1 <juergen.mueller@example.com>: Recipient address rejected: "
                + "User unknown in local recipient table");
        server.start();
        try {
            on(kind, (app, database) -> {
                TicketNumber number = receive(app);
                long id = waiting(app).get(0).id();
                OutboxDispatcher dispatcher = dispatcher(app, server.getSmtp().getPort());

                assertThat(dispatcher.sendDue()).isEqualTo(new OutboxDispatcher.Pass(1, 0, 0, 1));

                OutboxEntry failed = entry(app, id);
                assertThat(failed.failedAt()).contains(START);
                assertThat(failed.attempts()).isEqualTo(1);
                assertThat(failed.lastError()).get().asString().contains("550 5.1.1");
                assertThat(history(app, number)).containsExactly("CREATED: severity 2", "REPLY_QUEUED: confirmation",
                        "REPLY_FAILED: confirmation to juergen.mueller@example.com could not be sent: RCPT TO:"
                                + "<juergen.mueller@example.com> answered 550 5.1.1 <juergen.mueller@example.com>: Recipient "
                                + "address rejected: User unknown in local recipient table");
                clock.advance(Duration.ofDays(1));
                assertThat(dispatcher.sendDue().taken()).isZero();
                assertThat(server.getReceivedMessages()).isEmpty();
            });
        } finally {
            server.stop();
        }
    }

    @Test
    void aMailIsGivenUpWhenItCouldNotBeSentForTwoDays() throws Exception {
        on(TestDatabase.Kind.H2, (app, database) -> {
            receive(app);
            long id = waiting(app).get(0).id();
            OutboxDispatcher dispatcher = dispatcher(app, Ports.free());
            dispatcher.sendDue();

            clock.advance(Duration.ofDays(2));
            OutboxDispatcher.Pass pass = dispatcher.sendDue();

            assertThat(pass.failed()).isEqualTo(1);
            assertThat(entry(app, id).failedAt()).contains(START.plus(Duration.ofDays(2)));
            assertThat(entry(app, id).attempts()).isEqualTo(2);
        });
    }

    @Test
    void aRecipientRefusedForGoodIsNotTriedAgain() throws Exception {
        on(TestDatabase.Kind.H2, (app, database) -> {
            try (ScriptedSmtpServer server = ScriptedSmtpServer.start(ScriptedSmtpServer.Tls.NONE)
                    .answer("RCPT", "550 5.1.1 <juergen.mueller@example.com>: Recipient address rejected")) {
                receive(app);
                long id = waiting(app).get(0).id();
                OutboxDispatcher dispatcher = dispatcher(app, server.port());

                assertThat(dispatcher.sendDue()).isEqualTo(new OutboxDispatcher.Pass(1, 0, 0, 1));

                OutboxEntry failed = entry(app, id);
                assertThat(failed.failedAt()).contains(START);
                assertThat(failed.sentAt()).isEmpty();
                assertThat(failed.lastError()).get().asString().contains("550 5.1.1");
                clock.advance(Duration.ofDays(1));
                assertThat(dispatcher.sendDue().taken()).isZero();
                assertThat(server.commands()).filteredOn(command -> command.startsWith("RCPT")).hasSize(1);
            }
        });
    }

    /** What a process killed right after the server took the mail leaves behind. */
    private static final class Killed extends Error {
        private static final long serialVersionUID = 1L;
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aMailSentButNotRecordedIsSentAgainWithTheSameMessageIdAfterTheLease(TestDatabase.Kind kind) throws Exception {
        on(kind, (app, database) -> {
            receive(app);
            long id = waiting(app).get(0).id();
            MailSender smtp = smtp(GREENMAIL.getSmtp().getPort());
            OutboxDispatcher killedAfterSending = dispatcher(app, mail -> {
                smtp.send(mail);
                throw new Killed();
            }, OutboxPolicy.DEFAULT);

            assertThatThrownBy(killedAfterSending::sendDue).isInstanceOf(Killed.class);
            OutboxDispatcher next = dispatcher(app, GREENMAIL.getSmtp().getPort());
            assertThat(next.sendDue().taken()).isZero();   // still held for the one that took it

            clock.advance(OutboxPolicy.DEFAULT.lease());
            assertThat(next.sendDue().sent()).isEqualTo(1);

            MimeMessage[] received = GREENMAIL.getReceivedMessages();
            OutboxEntry sent = entry(app, id);
            String queuedId = app.read(stores -> stores.outbox().find(id).orElseThrow().message().messageId().orElseThrow());
            assertThat(received).hasSize(2).allSatisfy(copy -> {
                assertThat(copy.getMessageID()).as("fixed when the reply was queued").isEqualTo("<" + queuedId + ">");
                assertThat(copy.getHeader("Return-Path", null)).isEqualTo("<" + sent.returnPath().orElseThrow() + ">");
            });
            assertThat(sent.sentAt()).isPresent();
        });
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void twoDispatchersOnOneDatabaseSendEachMailOnce(TestDatabase.Kind kind) throws Exception {
        int mails = 40;
        try (TestDatabase database = TestDatabase.create(kind, folder);
                TestApp first = TestApp.start(database, folder, clock);
                TestApp second = TestApp.start(database, folder, clock)) {
            first.addKey();
            for (int i = 0; i < mails; i++) {
                receive(i % 2 == 0 ? first : second);
            }
            int port = GREENMAIL.getSmtp().getPort();
            List<OutboxDispatcher> dispatchers = List.of(dispatcher(first, smtp(port), policy(3, 60)),
                    dispatcher(second, smtp(port), policy(3, 60)));
            AtomicInteger sent = new AtomicInteger();
            CountDownLatch together = new CountDownLatch(2);
            ExecutorService threads = Executors.newFixedThreadPool(2);
            try {
                List<Future<?>> runs = new ArrayList<>();
                for (OutboxDispatcher dispatcher : dispatchers) {
                    runs.add(threads.submit(() -> {
                        together.countDown();
                        together.await();
                        for (OutboxDispatcher.Pass pass = dispatcher.sendDue(); pass.taken() > 0; pass = dispatcher.sendDue()) {
                            sent.addAndGet(pass.sent());
                        }
                        return null;
                    }));
                }
                for (Future<?> run : runs) {
                    run.get();
                }
            } finally {
                threads.shutdownNow();
            }

            MimeMessage[] received = GREENMAIL.getReceivedMessages();
            assertThat(Arrays.stream(received).map(OutboxDispatcherIT::messageId).distinct()).hasSize(mails);
            assertThat(received).hasSize(mails);
            assertThat(sent.get()).isEqualTo(mails);
            assertThat(database.count("select count(*) from outbox where sent_at is not null and attempts = 1")).isEqualTo(mails);
        }
    }

    private static String messageId(MimeMessage message) {
        try {
            return message.getMessageID();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aPassToldToStopGivesBackTheMailsItHasNotTried() throws Exception {
        on(TestDatabase.Kind.H2, (app, database) -> {
            for (int i = 0; i < 3; i++) {
                receive(app);
            }
            OutboxDispatcher dispatcher = dispatcher(app, GREENMAIL.getSmtp().getPort());
            AtomicInteger asked = new AtomicInteger();

            OutboxDispatcher.Pass stopped = dispatcher.sendDue(() -> asked.incrementAndGet() > 2);   // asked first, then before each mail

            assertThat(stopped).isEqualTo(new OutboxDispatcher.Pass(3, 1, 0, 0));
            List<OutboxEntry> givenBack = app.read(stores -> stores.outbox().due(START, 10));
            assertThat(givenBack).hasSize(2)
                    .allSatisfy(entry -> assertThat(entry.attempts()).isZero());
            assertThat(dispatcher.sendDue().sent()).isEqualTo(2);
            assertThat(GREENMAIL.getReceivedMessages()).hasSize(3);
        });
    }

    @Test
    void aKeptConnectionCarriesTheNextPassesUntilItHasBeenIdleForItsTime() throws Exception {
        on(TestDatabase.Kind.H2, (app, database) -> {
            try (TcpProxy proxy = TcpProxy.to("127.0.0.1", GREENMAIL.getSmtp().getPort())) {
                OutboxDispatcher dispatcher = dispatcher(app, proxy.port()).keepingConnectionFor(Duration.ofSeconds(30));
                receive(app);
                assertThat(dispatcher.sendDue().sent()).isEqualTo(1);
                clock.advance(Duration.ofSeconds(20));
                receive(app);
                assertThat(dispatcher.sendDue().sent()).isEqualTo(1);
                assertThat(proxy.connections()).as("the second pass on the first one's connection").isEqualTo(1);

                clock.advance(Duration.ofSeconds(29));
                dispatcher.sendDue();
                assertThat(proxy.clientText()).doesNotContain("QUIT");
                clock.advance(Duration.ofSeconds(1));
                dispatcher.sendDue();
                assertThat(proxy.clientText()).as("idle for 30 s since its last mail").contains("QUIT");

                receive(app);
                assertThat(dispatcher.sendDue().sent()).isEqualTo(1);
                assertThat(proxy.connections()).isEqualTo(2);
                assertThat(GREENMAIL.getReceivedMessages()).hasSize(3);
            }
        });
    }

    @Test
    void aKeptConnectionTheServerDroppedIsOpenedAgainForTheNextPass() throws Exception {
        on(TestDatabase.Kind.H2, (app, database) -> {
            try (TcpProxy proxy = TcpProxy.to("127.0.0.1", GREENMAIL.getSmtp().getPort())) {
                OutboxDispatcher dispatcher = dispatcher(app, proxy.port()).keepingConnectionFor(Duration.ofSeconds(30));
                receive(app);
                dispatcher.sendDue();

                proxy.cut();   // as a server does with a connection idle past its patience
                receive(app);

                assertThat(dispatcher.sendDue()).isEqualTo(new OutboxDispatcher.Pass(1, 1, 0, 0));
                assertThat(proxy.connections()).isEqualTo(2);
                assertThat(GREENMAIL.getReceivedMessages()).hasSize(2);
            }
        });
    }

    @Test
    void aKeptConnectionSurvivesTheMailServerRestarting() throws Exception {
        int port = Ports.free();
        ServerSetup setup = new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
        on(TestDatabase.Kind.H2, (app, database) -> {
            OutboxDispatcher dispatcher = dispatcher(app, port).keepingConnectionFor(Duration.ofSeconds(30));
            GreenMail before = new GreenMail(setup);
            before.start();
            try {
                receive(app);
                assertThat(dispatcher.sendDue().sent()).isEqualTo(1);
            } finally {
                before.stop();
            }
            GreenMail after = new GreenMail(setup);
            after.start();
            try {
                receive(app);
                assertThat(dispatcher.sendDue()).isEqualTo(new OutboxDispatcher.Pass(1, 1, 0, 0));
                assertThat(after.getReceivedMessages()).hasSize(1);
            } finally {
                dispatcher.hangUp();
                after.stop();
            }
        });
    }

    @Test
    void aPassThatFoundTheServerDownLeavesTheNextPassToTryAgain() throws Exception {
        int port = Ports.free();
        on(TestDatabase.Kind.H2, (app, database) -> {
            OutboxDispatcher dispatcher = dispatcher(app, port).keepingConnectionFor(Duration.ofSeconds(30));
            receive(app);
            assertThat(dispatcher.sendDue().deferred()).isEqualTo(1);

            GreenMail up = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            up.start();
            try {
                clock.advance(OutboxPolicy.DEFAULT.firstDelay());
                assertThat(dispatcher.sendDue().sent()).isEqualTo(1);
                assertThat(up.getReceivedMessages()).hasSize(1);
            } finally {
                dispatcher.hangUp();
                up.stop();
            }
        });
    }
}
