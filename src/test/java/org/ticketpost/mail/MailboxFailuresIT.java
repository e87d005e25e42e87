package org.ticketpost.mail;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Flags;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.ticketpost.testing.Await;
import org.ticketpost.testing.Http;
import org.ticketpost.testing.LogCapture;
import org.ticketpost.testing.Ports;
import org.ticketpost.testing.SupportMailbox;
import org.ticketpost.testing.TcpProxy;
import org.ticketpost.testing.TestApp;
import org.ticketpost.testing.TestDatabase;

/**
 * The mailbox reader when things go wrong: a connection cut between the commit and the
 * acknowledgement, a stop while a mail is being read, a server that goes away and comes back,
 * a login refused. Nothing is lost, nothing is taken in twice, and the service goes on.
 */
class MailboxFailuresIT {

    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP));

    @TempDir
    Path folder;

    private SupportMailbox mailbox;
    @RegisterExtension
    final LogCapture log = LogCapture.of(MailboxReader.class);

    @BeforeEach
    void setUp() {
        mailbox = new SupportMailbox(MAIL);
    }

    private TestApp serve(TestDatabase database, Map<String, String> settings, boolean addKey) {
        TestApp app = TestApp.start(database, folder, Clock.systemUTC(), settings);
        if (addKey) {
            app.addKey();
        }
        app.application().serve();
        return app;
    }

    private Map<String, String> through(int port) {
        return mailbox.settings("imap://support%40ticketpost.example@127.0.0.1:" + port + "/INBOX?starttls=off");
    }

    private static List<String> ledger(TestDatabase database) {
        return database.rows("select state from intake_ledger").stream().map(row -> row.get(0)).toList();
    }

    private boolean seen() {
        return mailbox.folder("INBOX").getMessages().get(0).getFlags().contains(Flags.Flag.SEEN);
    }

    private List<ILoggingEvent> logged(String part) {
        return log.events().stream().filter(event -> event.getFormattedMessage().contains(part)).toList();
    }

    @Test
    void aConnectionCutBetweenTheCommitAndTheAcknowledgementMakesNoSecondTicketAfterARestart() throws Exception {
        try (TestDatabase database = TestDatabase.create(TestDatabase.Kind.H2, folder);
                TcpProxy proxy = TcpProxy.to("127.0.0.1", MAIL.getImap().getPort())) {
            proxy.cutWhenClientSends("STORE");   // the \Seen flag that acknowledges the mail
            mailbox.send(MailboxIntakeIT.request("cut@mail.example.com"));
            try (TestApp app = serve(database, through(proxy.port()), true)) {
                Await.until("the acknowledgement cut off", proxy::triggered);
            }
            assertThat(database.count("select count(*) from ticket")).isEqualTo(1);
            assertThat(ledger(database)).containsExactly("taken_in");
            assertThat(seen()).isFalse();

            try (TestApp app = serve(database, through(MAIL.getImap().getPort()), false)) {
                Await.until("the acknowledgement", () -> ledger(database).equals(List.of("acknowledged")));
            }
            assertThat(seen()).isTrue();
            assertThat(database.count("select count(*) from ticket")).isEqualTo(1);
            assertThat(database.count("select count(*) from message where direction = 'IN'")).isEqualTo(1);

            // killed before even the ledger knew: the mail comes again, and intake knows it
            database.sql("delete from intake_ledger");
            database.sql("delete from intake_mailbox");
            try (TestApp app = serve(database, through(MAIL.getImap().getPort()), false)) {
                Await.until("the mail taken in again", () -> ledger(database).equals(List.of("acknowledged")));
            }
            assertThat(database.rows("select outcome from intake_ledger")).containsExactly(List.of("duplicate"));
            assertThat(database.count("select count(*) from ticket")).isEqualTo(1);
            assertThat(database.count("select count(*) from outbox")).isEqualTo(1);
        }
    }

    @Test
    void aStopWhileAMailIsReadCommitsAndAcknowledgesNothingAndTheNextStartTakesItIn() throws Exception {
        try (TestDatabase database = TestDatabase.create(TestDatabase.Kind.H2, folder);
                TcpProxy proxy = TcpProxy.to("127.0.0.1", MAIL.getImap().getPort())) {
            proxy.stallWhenClientSends("BODY.PEEK[]");   // the server hangs while the mail is fetched
            mailbox.send(MailboxIntakeIT.request("stopped@mail.example.com"));
            TestApp app = serve(database, through(proxy.port()), true);
            Await.until("the fetch stalled", proxy::triggered);

            long start = System.nanoTime();
            CompletableFuture<Void> closing = CompletableFuture.runAsync(app::close);
            Thread.sleep(300);
            proxy.close();   // the process goes down: its connection with it
            closing.get();
            Duration stopped = Duration.ofNanos(System.nanoTime() - start);

            assertThat(stopped).isLessThan(Duration.ofSeconds(5));
            assertThat(database.count("select count(*) from ticket")).isZero();
            assertThat(seen()).isFalse();

            try (TestApp again = serve(database, through(MAIL.getImap().getPort()), false)) {
                Await.until("the mail taken in", () -> ledger(database).equals(List.of("acknowledged")));
            }
            assertThat(database.count("select count(*) from ticket")).isEqualTo(1);
            assertThat(seen()).isTrue();
        }
    }

    @Test
    void whileTheDatabaseFailsTheMailStaysInTheMailboxAndIsTakenInOnceItWorksAgain() throws Exception {
        try (TestDatabase database = TestDatabase.create(TestDatabase.Kind.H2, folder)) {
            try (TestApp app = serve(database, mailbox.imap("INBOX"), true)) {
                Await.until("connected", () -> !logged("connected to").isEmpty());
                database.sql("alter table outbox rename to outbox_away");   // intake cannot commit a confirmation

                mailbox.send(MailboxIntakeIT.request("database-down@mail.example.com"));
                Await.until("the pause", () -> !logged("paused: the database or the disk failed").isEmpty());
                assertThat(seen()).isFalse();
                assertThat(database.count("select count(*) from ticket")).isZero();
                assertThat(ledger(database)).doesNotContain("taken_in", "acknowledged");

                database.sql("alter table outbox_away rename to outbox");
                Await.until("the mail taken in", () -> ledger(database).equals(List.of("acknowledged")));
            }
            assertThat(database.count("select count(*) from ticket")).isEqualTo(1);
            assertThat(seen()).isTrue();
        }
    }

    @Test
    void aMailTheLedgerCannotRecordAsTakenInGetsNoTicketUntilItCanAndThenExactlyOne() throws Exception {
        try (TestDatabase database = TestDatabase.create(TestDatabase.Kind.H2, folder)) {
            try (TestApp app = serve(database, mailbox.imap("INBOX"), true)) {
                Await.until("connected", () -> !logged("connected to").isEmpty());
                // the ledger still takes the claim on the mail, but not the record that it was taken in
                database.sql("alter table intake_ledger add constraint no_taken_in check (state <> 'taken_in')");

                mailbox.send(MailboxIntakeIT.request("ledger-down@mail.example.com"));
                Await.until("the failed attempt", () -> !logged("not taken in (attempt").isEmpty()
                        || !logged("paused: the database or the disk failed").isEmpty());
                assertThat(database.count("select count(*) from ticket")).isZero();
                assertThat(database.count("select count(*) from outbox")).isZero();
                assertThat(ledger(database)).containsExactly("retrying");
                assertThat(seen()).isFalse();

                database.sql("alter table intake_ledger drop constraint no_taken_in");
                Await.until("the mail taken in", () -> ledger(database).equals(List.of("acknowledged")));
            }
            assertThat(database.count("select count(*) from ticket")).isEqualTo(1);
            assertThat(database.count("select count(*) from outbox")).isEqualTo(1);
            assertThat(seen()).isTrue();
        }
    }

    @Test
    void aConnectionThatServedAndBrokeIsMadeAgainAtOnce() throws Exception {
        try (TestDatabase database = TestDatabase.create(TestDatabase.Kind.H2, folder);
                TcpProxy proxy = TcpProxy.to("127.0.0.1", MAIL.getImap().getPort());
                TestApp app = serve(database, through(proxy.port()), true)) {
            mailbox.send(MailboxIntakeIT.request("before@mail.example.com"));
            Await.until("the first mail", () -> database.count("select count(*) from ticket") == 1);
            Thread.sleep(1_100);   // the session has served for longer than the first pause

            int oneSession = proxy.connections();
            proxy.cut();   // as a server's restart or a timeout in the network would
            Await.until("connected again", () -> !logged("connected again to").isEmpty());
            mailbox.send(MailboxIntakeIT.request("after@mail.example.com"));
            Await.until("the mail after the cut", () -> database.count("select count(*) from ticket") == 2);

            ILoggingEvent lost = logged("lost the connection to").get(0);
            assertThat(lost.getFormattedMessage()).endsWith("; connecting again at once");
            assertThat(logged("connected again to").get(0).getTimeStamp() - lost.getTimeStamp())
                    .as("milliseconds from the loss to the new connection").isLessThan(1_000);
            assertThat(proxy.connections()).as("one new session").isEqualTo(2 * oneSession);
        }
    }

    @Test
    void aServerThatGoesAwayAndComesBackIsReadAgain() throws Exception {
        GreenMail first = new GreenMail(ServerSetupTest.IMAP.dynamicPort());
        first.start();
        int port = first.getImap().getPort();
        GreenMail second = null;
        try (TestDatabase database = TestDatabase.create(TestDatabase.Kind.H2, folder)) {
            SupportMailbox before = new SupportMailbox(first);
            before.place("INBOX", MailboxIntakeIT.request("before@mail.example.com"), new Flags(), Instant.now());
            long uidValidity = before.folder("INBOX").getUidValidity();
            int http = Ports.free();
            Map<String, String> settings = new HashMap<>(through(port));
            settings.put("TICKETPOST_HTTP_PORT", Integer.toString(http));
            try (TestApp app = serve(database, settings, true)) {
                Await.until("the first mail", () -> database.count("select count(*) from ticket") == 1);
                assertThat(Http.get(http, "/health").body()).contains("{\"name\":\"mailbox\",\"status\":\"up\"");

                first.stop();
                Await.until("the loss noticed", () -> !logged("lost the connection to").isEmpty());
                Await.until("a connection refused", () -> !logged("cannot connect").isEmpty());
                HttpResponse<String> away = Http.get(http, "/health");
                assertThat(away.statusCode()).as(away.body()).isEqualTo(503);
                assertThat(away.body()).contains("{\"name\":\"mailbox\",\"status\":\"down\"");
                Await.until("a new second for a new UIDVALIDITY", () -> System.currentTimeMillis() / 1000 > uidValidity);
                second = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_IMAP));
                second.start();
                new SupportMailbox(second).place("INBOX", MailboxIntakeIT.request("after@mail.example.com"), new Flags(), Instant.now());

                Await.until("the mail after the return", () -> database.count("select count(*) from ticket") == 2);
                assertThat(Http.get(http, "/metrics").body()).contains("ticketpost_reconnects_total{door=\"imap\"} 1.0");
                assertThat(Http.get(http, "/health").body()).contains("{\"name\":\"mailbox\",\"status\":\"up\"");
            }
            assertThat(logged("connected again to imap://support%40ticketpost.example@127.0.0.1:" + port + "/INBOX")).hasSize(1);
            assertThat(logged("lost the connection to")).allSatisfy(event -> assertThat(event.getLevel()).isEqualTo(Level.WARN));
        } finally {
            first.stop();
            if (second != null) {
                second.stop();
            }
        }
    }

    @Test
    void aRefusedLoginIsLoggedAndTriedAgainUntilItIsAccepted() throws Exception {
        Map<String, String> settings = new HashMap<>(mailbox.imap("INBOX"));
        settings.put("TICKETPOST_MAILBOX_PASSWORD", "an-old-password");
        try (TestDatabase database = TestDatabase.create(TestDatabase.Kind.H2, folder); TestApp app = serve(database, settings, true)) {
            Await.until("two refusals", () -> logged("refused the login of support@ticketpost.example").size() >= 2);
            assertThat(logged("refused the login")).allSatisfy(event -> {
                assertThat(event.getLevel()).isEqualTo(Level.ERROR);
                assertThat(event.getFormattedMessage()).contains("check mailbox.url and mailbox.password; trying again in ")
                        .doesNotContain("an-old-password").doesNotContain(SupportMailbox.PASSWORD);
            });

            mailbox.user().setPassword("an-old-password");   // the operator mended it on the server's side
            mailbox.send(MailboxIntakeIT.request("after-the-login@mail.example.com"));

            Await.until("the mail", () -> database.count("select count(*) from ticket") == 1);
            assertThat(logged("connected again to")).hasSize(1);
        }
    }
}
