package org.ticketpost.lmtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ticketpost.testing.Cli;
import org.ticketpost.testing.Mails;
import org.ticketpost.testing.Ports;
import org.ticketpost.testing.TestApp;
import org.ticketpost.testing.TestDatabase;

/**
 * `ticketpost serve` taking mail over LMTP, on a real socket and the embedded database, as Postfix
 * delivers it: a 250 for a recipient means the mail is committed; what was not stored is never 250.
 */
class LmtpIT {

    private static final String SUPPORT = "support@ticketpost.example";

    @TempDir
    Path folder;

    private TestDatabase database;
    private TestApp app;
    private int port;

    /** Serves LMTP on a free port with the settings given, on a fresh database with the test's support key. */
    private void serve(Map<String, String> settings) throws IOException {
        port = Ports.free();
        Map<String, String> env = new HashMap<>(settings);
        env.put("TICKETPOST_LMTP_PORT", Integer.toString(port));
        database = TestDatabase.create(TestDatabase.Kind.H2, folder);
        app = TestApp.start(database, folder, Clock.systemUTC(), env);
        app.addKey();
        app.application().serve();
    }

    @AfterEach
    void stop() {
        if (app != null) {
            app.close();
            database.close();
        }
    }

    private static String request(String messageId) {
        return Mails.load("intake/request.eml", Map.of("from", "jane@example.com", "fromName", "Jane Doe",
                "subject", "Calendar", "messageId", messageId, "key", TestApp.KEY, "severity", "2"));
    }

    private long tickets() {
        return database.count("select count(*) from ticket");
    }

    /** Mails taken in; a confirmation is a message too, going out. */
    private long messages() {
        return database.count("select count(*) from message where direction = 'IN'");
    }

    /** Files under the file store: raw mails, attachments, and mails still spooled. */
    private List<Path> storedFiles() throws IOException {
        Path files = folder.resolve("files");
        if (!Files.exists(files)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(files)) {
            return walk.filter(Files::isRegularFile).toList();
        }
    }

    @Test
    void aSupportMailIsCommittedWhenItsRecipientIsTold250AndKeptByteForByte() throws Exception {
        serve(Map.of());
        // a line that starts with a dot travels dot-stuffed and is kept as written
        String mail = request("lmtp-1@mail.example.com").replace("\n", "\r\n") + ".profile was not changed\r\n";

        try (LmtpClient client = LmtpClient.connect(port)) {
            assertThat(client.reply()).startsWith("220 ");
            assertThat(client.command("LHLO mail.example.com").split("\n"))
                    .contains("250-PIPELINING", "250-ENHANCEDSTATUSCODES", "250-8BITMIME", "250-SMTPUTF8", "250 SIZE 52428800");
            List<String> replies = client.deliver(mail, SUPPORT);

            long ticketsWhenTold = tickets();
            assertThat(replies).singleElement().asString().matches("250 2\\.0\\.0 <" + SUPPORT + "> taken in: ticket \\d+ opened");
            assertThat(ticketsWhenTold).isEqualTo(1);
            assertThat(database.rows("select message_id, raw_sha256 from message where direction = 'IN'")).singleElement()
                    .satisfies(row -> {
                        assertThat(row.get(0)).isEqualTo("lmtp-1@mail.example.com");
                        Path raw = app.application().files().find(row.get(1)).orElseThrow();
                        assertThat(Files.readString(raw, StandardCharsets.UTF_8)).isEqualTo(mail);
                    });
            assertThat(client.command("QUIT")).startsWith("221 2.0.0");
            assertThat(client.isClosedByServer()).isTrue();
        }
    }

    @Test
    void aMailWithAUtf8SenderAndSubjectSentWithSmtputf8MakesATicket() throws Exception {
        serve(Map.of());
        String mail = Mails.load("intake/request.eml", Map.of("from", "jürgen.müller@example.com", "fromName", "Jürgen Müller",
                "subject", "Kalender: Einladungen kommen nicht an – Grüße", "messageId", "lmtp-utf8@mail.example.com",
                "key", TestApp.KEY, "severity", "2"));

        try (LmtpClient client = LmtpClient.greeted(port)) {
            assertThat(client.deliverFrom("<jürgen.müller@example.com> SMTPUTF8 BODY=8BITMIME", mail, SUPPORT))
                    .singleElement().asString().matches("250 2\\.0\\.0 <" + SUPPORT + "> taken in: ticket \\d+ opened");
        }
        assertThat(database.rows("select reporter, subject from ticket")).containsExactly(
                List.of("jürgen.müller@example.com", "Kalender: Einladungen kommen nicht an – Grüße"));
    }

    @Test
    void anAddressInUtf8IsRefusedWithoutSmtputf8() throws Exception {
        serve(Map.of());

        try (LmtpClient client = LmtpClient.greeted(port)) {
            assertThat(client.command("MAIL FROM:<jürgen@example.com>")).startsWith("553 5.6.7 ");
            assertThat(client.command("MAIL FROM:<jane@example.com> SMTPUTF8=yes")).startsWith("501 5.5.4 ");
            assertThat(client.command("MAIL FROM:<jane@example.com>")).startsWith("250 2.1.0");
            assertThat(client.command("RCPT TO:<støtte@ticketpost.example>")).startsWith("553 5.6.7 ");
        }
    }

    @Test
    void twoRecipientsAreToldOnceEachAndGetOneTicket() throws Exception {
        serve(Map.of());

        try (LmtpClient client = LmtpClient.greeted(port)) {
            List<String> replies = client.deliver(request("lmtp-2@mail.example.com"), SUPPORT, "helpdesk@ticketpost.example");

            assertThat(replies).hasSize(2);
            assertThat(replies.get(0)).startsWith("250 2.0.0 <" + SUPPORT + "> taken in: ticket");
            assertThat(replies.get(1)).startsWith("250 2.0.0 <helpdesk@ticketpost.example> taken in: ticket");
        }
        assertThat(tickets()).isEqualTo(1);
        assertThat(messages()).isEqualTo(1);
    }

    @Test
    void aMailDeliveredAgainIsTakenInAsADuplicate() throws Exception {
        serve(Map.of());
        String mail = request("lmtp-3@mail.example.com");

        try (LmtpClient client = LmtpClient.greeted(port)) {
            assertThat(client.deliver(mail, SUPPORT)).singleElement().asString().contains("ticket");
            assertThat(client.deliver(mail, SUPPORT)).containsExactly(
                    "250 2.0.0 <" + SUPPORT + "> taken in: a duplicate, nothing new stored");
        }
        assertThat(tickets()).isEqualTo(1);
    }

    @Test
    void whatIsNoMailIsRefusedFor550AndNotStored() throws Exception {
        serve(Map.of());

        try (LmtpClient client = LmtpClient.greeted(port)) {
            assertThat(client.deliver("just a few words\r\nwithout any header\r\n", SUPPORT)).singleElement().asString()
                    .startsWith("550 5.6.0 <" + SUPPORT + "> not a mail: no header section");
        }
        assertThat(messages()).isZero();
        assertThat(storedFiles()).isEmpty();
    }

    @Test
    void aMailOverTheSizeLimitIsRefusedFor552AndNotStoredAndTheConnectionStaysInStep() throws Exception {
        serve(Map.of("TICKETPOST_LMTP_MAX_SIZE", "4KB"));
        String large = request("lmtp-large@mail.example.com") + "padding line\n".repeat(1000);
        String small = request("lmtp-small@mail.example.com");

        try (LmtpClient client = LmtpClient.greeted(port)) {
            assertThat(client.command("MAIL FROM:<jane@example.com> SIZE=" + large.length()))
                    .isEqualTo("552 5.3.4 the mail is larger than 4096 bytes, the most taken here");
            assertThat(client.command("MAIL FROM:<jane@example.com> SIZE=" + small.length() + " BODY=8BITMIME"))
                    .startsWith("250 2.1.0");
            assertThat(client.command("RSET")).startsWith("250 2.0.0");

            assertThat(client.deliver(large, SUPPORT, "helpdesk@ticketpost.example")).containsExactly(
                    "552 5.3.4 <" + SUPPORT + "> the mail is larger than 4096 bytes, the most taken here",
                    "552 5.3.4 <helpdesk@ticketpost.example> the mail is larger than 4096 bytes, the most taken here");
            assertThat(messages()).isZero();
            assertThat(storedFiles()).isEmpty();

            assertThat(client.deliver(small, SUPPORT)).singleElement().asString().startsWith("250 2.0.0");
        }
        assertThat(tickets()).isEqualTo(1);
    }

    @Test
    void aConnectionBrokenOffInTheMiddleOfAMailStoresNothing() throws Exception {
        serve(Map.of("TICKETPOST_LMTP_MAX_CONNECTIONS", "1"));
        String mail = LmtpClient.dotStuffed(request("lmtp-broken@mail.example.com"));

        try (LmtpClient client = LmtpClient.greeted(port)) {
            try (LmtpClient another = LmtpClient.connect(port)) {
                assertThat(another.reply()).isEqualTo("421 4.3.2 too many connections, try again later");
                assertThat(another.isClosedByServer()).isTrue();
            }
            assertThat(client.command("MAIL FROM:<jane@example.com>")).startsWith("250");
            assertThat(client.command("RCPT TO:<" + SUPPORT + ">")).startsWith("250");
            assertThat(client.command("DATA")).startsWith("354");
            client.send(mail.substring(0, mail.length() / 2));
        }
        // the one connection allowed is free again once the broken one has been dealt with
        try (LmtpClient next = connectWhenFree()) {
            assertThat(next.command("QUIT")).startsWith("221");
        }
        assertThat(messages()).isZero();
        assertThat(tickets()).isZero();
        assertThat(storedFiles()).isEmpty();
    }

    private LmtpClient connectWhenFree() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (true) {
            LmtpClient client = LmtpClient.connect(port);
            String greeting = client.reply();
            if (greeting.startsWith("220")) {
                return client;
            }
            client.close();
            assertThat(System.nanoTime()).as("a connection within 10 s, last told: " + greeting).isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    @Test
    void pipelinedCommandsAreAnsweredInTheirOrder() throws Exception {
        serve(Map.of());

        try (LmtpClient client = LmtpClient.greeted(port)) {
            client.send("MAIL FROM:<jane@example.com>\r\nRCPT TO:<" + SUPPORT + ">\r\nRCPT TO:<helpdesk@ticketpost.example>\r\n"
                    + "DATA\r\n");
            assertThat(client.replies(4)).extracting(reply -> reply.substring(0, 3)).containsExactly("250", "250", "250", "354");
            client.send(LmtpClient.dotStuffed(request("lmtp-pipelined@mail.example.com")) + "RSET\r\nNOOP\r\nQUIT\r\n");

            List<String> replies = client.replies(5);
            assertThat(replies.get(0)).startsWith("250 2.0.0 <" + SUPPORT + "> taken in: ticket");
            assertThat(replies.get(1)).startsWith("250 2.0.0 <helpdesk@ticketpost.example> taken in: ticket");
            assertThat(replies.subList(2, 5)).extracting(reply -> reply.substring(0, 9))
                    .containsExactly("250 2.0.0", "250 2.0.0", "221 2.0.0");
            assertThat(client.isClosedByServer()).isTrue();
        }
        assertThat(tickets()).isEqualTo(1);
    }

    @Test
    void theDialogueIsLmtpsNotSmtps() throws Exception {
        serve(Map.of());

        try (LmtpClient client = LmtpClient.connect(port)) {
            client.reply();
            assertThat(client.command("EHLO mail.example.com")).startsWith("500 5.5.1");
            assertThat(client.command("HELO mail.example.com")).startsWith("500 5.5.1");
            assertThat(client.command("MAIL FROM:<jane@example.com>")).startsWith("503 5.5.1");
            assertThat(client.command("LHLO mail.example.com")).startsWith("250-");
            assertThat(client.command("VRFY support")).startsWith("252 2.5.0");
            assertThat(client.command("NOOP")).startsWith("250 2.0.0");
            assertThat(client.command("DATA")).startsWith("503 5.5.1");
            assertThat(client.command("RCPT TO:<" + SUPPORT + ">")).startsWith("503 5.5.1");
            assertThat(client.command("MAIL FROM:<>")).startsWith("250 2.1.0");   // a bounce has no sender
            assertThat(client.command("MAIL FROM:<jane@example.com>")).startsWith("503 5.5.1");
            assertThat(client.command("DATA")).isEqualTo("503 5.5.1 no valid recipients");
            assertThat(client.command("RCPT TO:<" + SUPPORT + "> NOTIFY=NEVER")).startsWith("555 5.5.4");
            assertThat(client.command("RCPT TO:" + SUPPORT)).startsWith("501 5.5.4");
            assertThat(client.command("RSET")).startsWith("250 2.0.0");
            assertThat(client.command("RCPT TO:<" + SUPPORT + ">")).startsWith("503 5.5.1");
            assertThat(client.command("MAIL FROM:<jane@example.com> RET=HDRS")).startsWith("555 5.5.4");
            assertThat(client.command("STARTTLS")).startsWith("500 5.5.2");
            assertThat(client.command("NOOP " + "x".repeat(2000))).startsWith("500 5.5.2");
            assertThat(client.command("QUIT")).startsWith("221 2.0.0");
        }
    }

    @Test
    void whereRecipientsAreConfiguredOthersAreRefusedFor550() throws Exception {
        serve(Map.of("TICKETPOST_LMTP_RECIPIENTS", SUPPORT + ", help@ticketpost.example"));

        try (LmtpClient client = LmtpClient.greeted(port)) {
            assertThat(client.deliver(request("lmtp-sales@mail.example.com"), "sales@ticketpost.example")).containsExactly(
                    "550 5.1.1 <sales@ticketpost.example> no such mailbox here", "503 5.5.1 no valid recipients");
            assertThat(client.command("RSET")).startsWith("250");
            assertThat(client.deliver(request("lmtp-known@mail.example.com"), "sales@ticketpost.example",
                    "Support@TicketPost.example")).containsExactly(
                    "550 5.1.1 <sales@ticketpost.example> no such mailbox here",
                    "250 2.0.0 <Support@TicketPost.example> taken in: ticket " + onlyTicket() + " opened");
        }
    }

    private String onlyTicket() {
        return database.rows("select number from ticket").get(0).get(0);
    }

    @Test
    void stoppingFinishesTheMailInHandTellsIdleConnections421AndClosesThePort() throws Exception {
        serve(Map.of());
        String mail = LmtpClient.dotStuffed(request("lmtp-stop@mail.example.com"));

        try (LmtpClient busy = LmtpClient.greeted(port); LmtpClient idle = LmtpClient.greeted(port)) {
            assertThat(busy.command("MAIL FROM:<jane@example.com>")).startsWith("250");
            assertThat(busy.command("RCPT TO:<" + SUPPORT + ">")).startsWith("250");
            assertThat(busy.command("DATA")).startsWith("354");
            busy.send(mail.substring(0, mail.length() / 2));

            CompletableFuture<Void> stopped = CompletableFuture.runAsync(app::close);
            assertThat(idle.reply()).isEqualTo("421 4.3.2 Ticketpost is shutting down, try again later");
            assertThat(idle.isClosedByServer()).isTrue();
            awaitPortClosed();
            Thread.sleep(LmtpSession.TICK.multipliedBy(3).toMillis());   // a waiting read looks at the stop each tick
            assertThat(stopped).isNotDone();

            busy.send(mail.substring(mail.length() / 2));
            assertThat(busy.reply()).startsWith("250 2.0.0 <" + SUPPORT + "> taken in: ticket");
            assertThat(tickets()).isEqualTo(1);
            assertThat(busy.reply()).isEqualTo("421 4.3.2 Ticketpost is shutting down, try again later");
            assertThat(busy.isClosedByServer()).isTrue();
            stopped.get(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void aMailStillComingWhenTheGraceRunsOutIsCutOffAndNothingOfItStored() throws Exception {
        serve(Map.of());
        String mail = LmtpClient.dotStuffed(request("lmtp-slow@mail.example.com"));

        try (LmtpClient slow = LmtpClient.greeted(port)) {
            assertThat(slow.command("MAIL FROM:<jane@example.com>")).startsWith("250");
            assertThat(slow.command("RCPT TO:<" + SUPPORT + ">")).startsWith("250");
            assertThat(slow.command("DATA")).startsWith("354");
            slow.send(mail.substring(0, mail.length() / 2));

            long start = System.nanoTime();
            app.close();

            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(LmtpServer.DEFAULT_GRACE.plusSeconds(2));
            assertThat(slow.isClosedByServer()).isTrue();
        }
        assertThat(messages()).isZero();
    }

    private void awaitPortClosed() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (catchThrowableOfType(ConnectException.class, () -> LmtpClient.connect(port).close()) == null) {
            assertThat(System.nanoTime()).as("the port closed within 10 s").isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    @Test
    void aClientSilentForTheTimeoutIsToldAndDisconnected() throws Exception {
        serve(Map.of("TICKETPOST_LMTP_TIMEOUT", "PT1S"));

        try (LmtpClient client = LmtpClient.greeted(port)) {
            assertThat(client.reply()).isEqualTo("421 4.4.2 no command for PT1S, closing the connection");
            assertThat(client.isClosedByServer()).isTrue();
        }
    }

    @Test
    void aPortInUseStopsServeWith75NamingTheListener() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                TestDatabase h2 = TestDatabase.create(TestDatabase.Kind.H2, folder)) {
            Map<String, String> env = new HashMap<>(h2.env());
            env.put("TICKETPOST_STORAGE_DIR", folder.resolve("files").toString());
            env.put("TICKETPOST_LMTP_PORT", Integer.toString(taken.getLocalPort()));

            Cli.Run run = Cli.run(env, "serve");

            assertThat(run.exitCode()).isEqualTo(75);
            assertThat(run.err()).contains("LMTP listener on 127.0.0.1:" + taken.getLocalPort() + " did not start");
        }
    }
}
