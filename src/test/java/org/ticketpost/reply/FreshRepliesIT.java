package org.ticketpost.reply;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.ticketpost.intake.AutomaticReplies;
import org.ticketpost.intake.Reception;
import org.ticketpost.intake.WithOutcome;
import org.ticketpost.mail.SmtpSender;
import org.ticketpost.mail.SmtpSettings;
import org.ticketpost.testing.Mails;
import org.ticketpost.testing.ScriptedSmtpServer;
import org.ticketpost.testing.TestApp;
import org.ticketpost.testing.TestClock;
import org.ticketpost.testing.TestDatabase;
import org.ticketpost.ticket.OutboxEntry;
import org.ticketpost.ticket.Stores;
import org.ticketpost.ticket.UnitOfWork;

/**
 * Replies that intake commits go to the outbox sender of the same process without a claim, held
 * for it in the outbox meanwhile; where that sender goes away, they are sent all the same.
 */
class FreshRepliesIT {

    @RegisterExtension
    static final GreenMailExtension GREENMAIL = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    private static final Instant START = Instant.parse("2026-11-16T08:15:00Z");
    private static final Instant FAR_FUTURE = Instant.parse("2100-01-01T00:00:00Z");

    @TempDir
    Path folder;

    private final TestClock clock = new TestClock(START);

    private void on(TestDatabase.Kind kind, TestApp.Scenario scenario) throws Exception {
        TestApp.on(kind, folder, clock, scenario);
    }

    private static void receive(TestApp app) {
        app.receive(Mails.load("outbox/request-de.eml", Map.of("messageId", UUID.randomUUID() + "@mail.example.com",
                "key", TestApp.KEY)));
    }

    private OutboxDispatcher dispatcher(UnitOfWork database) {
        return new OutboxDispatcher(database, new SmtpSender(SmtpSettings.parse("smtp://127.0.0.1:" + GREENMAIL.getSmtp().getPort()
                + "?starttls=off", Optional.empty(), Optional.empty(), Duration.ofSeconds(10))), clock, OutboxPolicy.DEFAULT);
    }

    private static List<OutboxEntry> waiting(TestApp app) {
        return app.read(stores -> stores.outbox().due(FAR_FUTURE, 1000));
    }

    /** The database, counting the transactions run on it. */
    private static UnitOfWork counting(UnitOfWork database, AtomicInteger transactions) {
        return new UnitOfWork() {
            @Override
            public <T> T inTransaction(Function<Stores, T> work) {
                transactions.incrementAndGet();
                return database.inTransaction(work);
            }
        };
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aReplyCommittedIsHeldForTheSenderOfTheProcessWhichSendsItWithoutClaimingIt(TestDatabase.Kind kind) throws Exception {
        on(kind, (app, database) -> {
            AtomicInteger transactions = new AtomicInteger();
            OutboxDispatcher sender = dispatcher(counting(app.application().database(), transactions))
                    .takingFresh(app.application().freshReplies());
            sender.sendDue();   // its first pass looks in the outbox: none waits
            transactions.set(0);

            receive(app);
            OutboxEntry held = waiting(app).get(0);
            assertThat(held.nextAttemptAt()).as("held for this process's sender").isEqualTo(START.plus(OutboxPolicy.DEFAULT.lease()));
            OutboxDispatcher.Pass pass = sender.sendDue();

            assertThat(pass.sent()).isEqualTo(1);
            assertThat(transactions).as("transactions of the pass: its result recorded, no claim").hasValue(1);
            assertThat(GREENMAIL.getReceivedMessages()).hasSize(1);
            assertThat(waiting(app)).isEmpty();
        });
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aReplyHeldForASenderThatWentAwayIsSentByAnotherOnceItsHoldEnds(TestDatabase.Kind kind) throws Exception {
        on(kind, (app, database) -> {
            dispatcher(app.application().database()).takingFresh(app.application().freshReplies());   // a sender that never sends
            receive(app);
            OutboxDispatcher another = dispatcher(app.application().database());

            assertThat(another.sendDue().taken()).as("while held").isZero();
            clock.advance(OutboxPolicy.DEFAULT.lease());
            assertThat(another.sendDue().sent()).isEqualTo(1);
            assertThat(GREENMAIL.getReceivedMessages()).hasSize(1);
        });
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aSenderStoppingGivesTheRepliesHandedToItBackDueAtOnce(TestDatabase.Kind kind) throws Exception {
        on(kind, (app, database) -> {
            OutboxDispatcher stopping = dispatcher(app.application().database()).takingFresh(app.application().freshReplies());
            receive(app);

            stopping.giveBackFresh();
            receive(app);   // written after the sender stopped: due at once

            assertThat(waiting(app)).extracting(OutboxEntry::nextAttemptAt).containsOnly(START);
            assertThat(dispatcher(app.application().database()).sendDue().sent()).isEqualTo(2);
        });
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void nothingIsHandedOverFromMailsNotCommitted(TestDatabase.Kind kind) throws Exception {
        on(kind, (app, database) -> {
            FreshReplies fresh = app.application().freshReplies();
            dispatcher(app.application().database()).takingFresh(fresh);
            Reception reception = app.application().reception();

            try (Reception.Together together = reception.together()) {
                String mail = Mails.load("outbox/request-de.eml", Map.of("messageId", UUID.randomUUID() + "@mail.example.com",
                        "key", TestApp.KEY));
                together.deliver(new ByteArrayInputStream(mail.getBytes(StandardCharsets.UTF_8)), AutomaticReplies.SEND,
                        WithOutcome.NOTHING);
            }   // closed without its commit

            assertThat(fresh.take(10, START)).isEmpty();
            assertThat(waiting(app)).isEmpty();
        });
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void underAStreamOfFreshRepliesTheOutboxIsLookedAtOnceASecond(TestDatabase.Kind kind) throws Exception {
        on(kind, (app, database) -> {
            OutboxDispatcher sender = dispatcher(app.application().database()).takingFresh(app.application().freshReplies());
            sender.sendDue();   // its first pass looks in the outbox: none waits
            try (TestApp elsewhere = TestApp.start(database, folder.resolve("elsewhere"), clock)) {
                receive(elsewhere);   // another process, no sender of its own: due at once
            }

            receive(app);
            assertThat(sender.sendDue().sent()).as("fresh only, the outbox looked at just now").isEqualTo(1);
            clock.advance(OutboxDispatcher.LOOK_AT_LEAST_EVERY);
            receive(app);
            assertThat(sender.sendDue().sent()).as("a second later, with the mail due in the outbox").isEqualTo(2);
            assertThat(waiting(app)).isEmpty();
        });
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void whileASlowServerTakesThemTheHoldsOfAFreshAndAClaimedReplyAreBothRenewed(TestDatabase.Kind kind) throws Exception {
        on(kind, (app, database) -> {
            try (ScriptedSmtpServer server = ScriptedSmtpServer.start(ScriptedSmtpServer.Tls.NONE).delay("DATA", Duration.ofSeconds(1))) {
                receive(app);   // due at once, claimed by the pass
                OutboxDispatcher sender = new OutboxDispatcher(app.application().database(), new SmtpSender(SmtpSettings.parse(
                        "smtp://127.0.0.1:" + server.port() + "?starttls=off", Optional.empty(), Optional.empty(), Duration.ofSeconds(10))),
                        clock, OutboxPolicy.DEFAULT).takingFresh(app.application().freshReplies());
                receive(app);   // held for the sender until START plus the lease
                clock.advance(Duration.ofSeconds(1));   // the claim's lease ends a second later
                ExecutorService pass = Executors.newSingleThreadExecutor();
                try {
                    Future<OutboxDispatcher.Pass> sent = pass.submit(() -> sender.sendDue());
                    while (!server.commands().contains("DATA")) {
                        Thread.sleep(20);
                    }
                    clock.advance(Duration.ofSeconds(9));

                    sender.renewLease();

                    Instant renewed = START.plusSeconds(10).plus(OutboxPolicy.DEFAULT.lease());
                    assertThat(waiting(app)).extracting(OutboxEntry::nextAttemptAt).containsExactly(renewed, renewed);
                    assertThat(sent.get(10, TimeUnit.SECONDS).sent()).isEqualTo(2);
                } finally {
                    pass.shutdownNow();
                }
            }
        });
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aMailDueInTheOutboxGoesInTheFirstPassBesideFreshReplies(TestDatabase.Kind kind) throws Exception {
        on(kind, (app, database) -> {
            receive(app);   // no sender in the process yet: due at once
            OutboxDispatcher sender = dispatcher(app.application().database()).takingFresh(app.application().freshReplies());
            for (int i = 0; i < OutboxPolicy.DEFAULT.batchSize(); i++) {
                receive(app);
            }

            OutboxDispatcher.Pass pass = sender.sendDue();

            assertThat(pass.sent()).isEqualTo(OutboxPolicy.DEFAULT.batchSize() + 1);
            assertThat(GREENMAIL.getReceivedMessages()).extracting(MimeMessage::getMessageID).doesNotHaveDuplicates()
                    .hasSize(OutboxPolicy.DEFAULT.batchSize() + 1);
        });
    }
}
