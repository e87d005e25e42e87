package org.ticketpost.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Flags;
import jakarta.mail.internet.MimeMessage;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.ticketpost.testing.Await;
import org.ticketpost.testing.LogCapture;
import org.ticketpost.testing.Mails;
import org.ticketpost.testing.SupportMailbox;
import org.ticketpost.testing.TcpProxy;
import org.ticketpost.testing.TestApp;
import org.ticketpost.testing.TestDatabase;

/**
 * serve reading a real mailbox (GreenMail over IMAP and POP3): customers write to support@, and
 * what they write becomes tickets, confirmations and rejections in their own mailboxes; the
 * intake ledger, not the mails' flags, decides what is new.
 */
class MailboxIntakeIT {

    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(ServerSetup.dynamicPort(ServerSetupTest.SMTP_POP3_IMAP));

    private static final String CUSTOMER = "jane@example.com";

    @TempDir
    Path folder;

    private SupportMailbox mailbox;
    @RegisterExtension
    final LogCapture log = LogCapture.of(MailboxReader.class);

    @BeforeEach
    void setUp() {
        mailbox = new SupportMailbox(MAIL);
    }

    static String request(String messageId) {
        return Mails.load("intake/request.eml", Map.of("from", CUSTOMER, "fromName", "Jane Doe", "subject", "Calendar invitations",
                "messageId", messageId, "key", TestApp.KEY, "severity", "2"));
    }

    /** Ticketpost's service on the database, reading the mailbox the settings name. */
    private TestApp serve(TestDatabase database, Map<String, String> settings, boolean addKey) {
        TestApp app = TestApp.start(database, folder, Clock.systemUTC(), settings);
        if (addKey) {
            app.addKey();
        }
        app.application().serve();
        return app;
    }

    private static long count(TestDatabase database, String query) {
        return database.count(query);
    }

    private static List<List<String>> ledger(TestDatabase database) {
        return database.rows("select uid, state, outcome, backlog, reason from intake_ledger order by updated_at, uid");
    }

    private List<String> logLines() {
        return log.messages();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aCustomersMailOpensATicketTheConfirmationReachesHerAndHerReplyLandsOnIt(TestDatabase.Kind kind) throws Exception {
        try (TestDatabase database = TestDatabase.create(kind, folder); TestApp app = serve(database, mailbox.imap("INBOX"), true)) {
            mailbox.send(request("first@mail.example.com"));

            Await.until("the confirmation", () -> mailbox.receivedBy(CUSTOMER).size() == 1);
            MimeMessage confirmation = mailbox.receivedBy(CUSTOMER).get(0);
            String number = database.rows("select number from ticket").get(0).get(0);
            assertThat(confirmation.getSubject()).contains("[Ticket#" + number + "]");
            assertThat(confirmation.getHeader("In-Reply-To")).containsExactly("<first@mail.example.com>");

            mailbox.send(Mails.load("intake/reply.eml", Map.of("from", CUSTOMER, "fromName", "Jane Doe",
                    "subject", "Re: " + confirmation.getSubject(), "messageId", "reply@mail.example.com",
                    "inReplyTo", confirmation.getMessageID(), "references", confirmation.getMessageID())));

            Await.until("the reply on the ticket", () -> count(database, "select count(*) from message where outcome = 'FOLLOWUP'") == 1);
            assertThat(count(database, "select count(*) from ticket")).isEqualTo(1);
            assertThat(database.rows("select t.number from message m join ticket t on t.id = m.ticket_id where m.outcome = 'FOLLOWUP'"))
                    .containsExactly(List.of(number));
            Await.until("both acknowledged", () -> ledger(database).stream().filter(row -> row.get(1).equals("acknowledged")).count() == 2);
            assertThat(ledger(database)).extracting(row -> row.get(2)).containsExactly("ticket", "followup");
            assertThat(mailbox.folder("INBOX").getMessages()).allSatisfy(
                    stored -> assertThat(stored.getFlags().contains(Flags.Flag.SEEN)).isTrue());
            assertThat(logLines()).anyMatch(line -> line.startsWith("connected to imap://support%40ticketpost.example@127.0.0.1:"
                    + MAIL.getImap().getPort() + "/INBOX?starttls=off: ") && line.contains("new mail announced by IDLE"));
        }
    }

    @Test
    void anInvalidMailGetsARejection() throws Exception {
        try (TestDatabase database = TestDatabase.create(TestDatabase.Kind.H2, folder);
                TestApp app = serve(database, mailbox.imap("INBOX"), true)) {
            mailbox.send(request("invalid@mail.example.com").replace("Severity: 2", "Severity: urgent"));

            Await.until("the rejection", () -> mailbox.receivedBy(CUSTOMER).size() == 1);
            assertThat(mailbox.receivedBy(CUSTOMER).get(0).getHeader("In-Reply-To")).containsExactly("<invalid@mail.example.com>");
            assertThat(count(database, "select count(*) from ticket")).isZero();
            assertThat(ledger(database)).singleElement().satisfies(row -> assertThat(row.subList(1, 3))
                    .containsExactly("acknowledged", "rejected"));
        }
    }

    /**
     * A mail that arrives while the reader takes another in is announced with the server's next
     * answer, not at the start of the IDLE that follows: it must not wait for the reader's alarm.
     */
    @Test
    void mailArrivingWhileAnotherIsTakenInDoesNotWaitForTheNextAlarm() throws Exception {
        Map<String, String> settings = new HashMap<>(mailbox.imap("INBOX"));
        settings.put("TICKETPOST_MAILBOX_POLL_INTERVAL", "PT10M");
        settings.put("TICKETPOST_MAILBOX_TIMEOUT", "PT10M");   // no alarm within the test
        try (TestDatabase database = TestDatabase.create(TestDatabase.Kind.H2, folder); TestApp app = serve(database, settings, true)) {
            for (int i = 0; i < 20; i++) {
                mailbox.place("INBOX", request("burst-" + i + "@mail.example.com"), new Flags(), Instant.now());
                Thread.sleep(25);   // some arrive while the reader is busy with the one before
            }
            Await.until("every mail taken in", Duration.ofSeconds(30), () -> count(database, "select count(*) from ticket") == 20);
        }
    }

    /**
     * Mails moved out one batch after another while new ones keep coming: Angus's view of the folder
     * lost step with GreenMail's, and the last mails of such a stream stayed in the INBOX unseen
     * for as long as the connection lasted. The server is asked which mails are new.
     */
    @Test
    void aSteadyStreamIsTakenInWholeWhileTakenMailIsMovedOut() throws Exception {
        Map<String, String> settings = new HashMap<>(mailbox.imap("INBOX"));
        settings.put("TICKETPOST_MAILBOX_ACKNOWLEDGE", "move");
        settings.put("TICKETPOST_MAILBOX_POLL_INTERVAL", "PT10M");
        settings.put("TICKETPOST_MAILBOX_TIMEOUT", "PT10M");   // no alarm within the test
        int count = 300;
        try (TestDatabase database = TestDatabase.create(TestDatabase.Kind.H2, folder); TestApp app = serve(database, settings, true)) {
            for (int i = 0; i < count; i++) {
                mailbox.place("INBOX", request("stream-" + i + "@mail.example.com"), new Flags(), Instant.now());
                Thread.sleep(20);   // 50 a second
            }
            Await.until("every mail taken in", Duration.ofSeconds(60), () -> count(database, "select count(*) from ticket") == count);
            Await.until("every mail moved", () -> mailbox.folder("INBOX").getMessageCount() == 0);
        }
    }

    /** IDLE: the server tells of new mail at once. Measured, with a bound that holds on a busy two-core machine. */
    @Test
    void aMailThatArrivesWhileTheReaderIdlesIsTakenInWithinASecondOrTwo() throws Exception {
        Map<String, String> settings = new HashMap<>(mailbox.imap("INBOX"));
        settings.put("TICKETPOST_MAILBOX_POLL_INTERVAL", "PT10M");   // only IDLE can explain a quick intake
        try (TestDatabase database = TestDatabase.create(TestDatabase.Kind.H2, folder); TestApp app = serve(database, settings, true)) {
            mailbox.send(request("warm-up@mail.example.com"));
            Await.until("the first mail", () -> ledger(database).size() == 1 && ledger(database).get(0).get(1).equals("acknowledged"));
            Thread.sleep(300);   // back in IDLE

            long start = System.nanoTime();
            mailbox.place("INBOX", request("while-idle@mail.example.com"), new Flags(), Instant.now());
            Await.until("the second ticket", Duration.ofSeconds(10), () -> count(database, "select count(*) from ticket") == 2);
            Duration latency = Duration.ofNanos(System.nanoTime() - start);

            System.out.println("mailbox IDLE latency: " + latency.toMillis() + " ms");
            assertThat(latency).isLessThan(Duration.ofSeconds(2));
        }
    }

    /**
     * GreenMail tells of a mail that arrives between the reader's last look and the start of its
     * IDLE only once the IDLE ends: without a second look, the last mail of a stream waited a poll
     * interval. The proxy plays that server for every mail announced during IDLE.
     */
    @Test
    void aMailTheServerAnnouncesOnlyAfterTheIdleIsTakenInAMomentAfterTheMailBefore() throws Exception {
        try (TestDatabase database = TestDatabase.create(TestDatabase.Kind.H2, folder);
                TcpProxy proxy = TcpProxy.to("127.0.0.1", MAIL.getImap().getPort())) {
            proxy.dropFromServerDuringIdle("(EXISTS|RECENT)");
            Map<String, String> settings = new HashMap<>(mailbox.settings("imap://support%40ticketpost.example@127.0.0.1:"
                    + proxy.port() + "/INBOX?starttls=off"));
            settings.put("TICKETPOST_MAILBOX_POLL_INTERVAL", "PT10M");
            settings.put("TICKETPOST_MAILBOX_TIMEOUT", "PT10M");   // no alarm within the test
            mailbox.place("INBOX", request("first@mail.example.com"), new Flags(), Instant.now());
            try (TestApp app = serve(database, settings, true)) {
                Await.until("the first mail", () -> count(database, "select count(*) from ticket") == 1);
                Await.until("idling", () -> proxy.clientText().endsWith(" IDLE\r\n"));
                mailbox.place("INBOX", request("next@mail.example.com"), new Flags(), Instant.now());
                Await.until("the next mail, without its announcement", Duration.ofSeconds(5),
                        () -> count(database, "select count(*) from ticket") == 2);
            }
        }
    }

    @Test
    void withoutIdleTheMailboxIsLookedAtEveryPollInterval() throws Exception {
        try (TestDatabase database = TestDatabase.create(TestDatabase.Kind.H2, folder);
                TcpProxy proxy = TcpProxy.to("127.0.0.1", MAIL.getImap().getPort())) {
            proxy.hideFromServer(" IDLE");   // the capability, as a server without it
            Map<String, String> settings = mailbox.settings("imap://support%40ticketpost.example@127.0.0.1:" + proxy.port()
                    + "/INBOX?starttls=off");
            try (TestApp app = serve(database, settings, true)) {
                Await.until("connected", () -> logLines().stream().anyMatch(line -> line.contains("no IDLE: looking for new mail every PT1S")));
                mailbox.send(request("polled@mail.example.com"));

                Await.until("the ticket", Duration.ofSeconds(10), () -> count(database, "select count(*) from ticket") == 1);
            }
            assertThat(proxy.clientText()).doesNotContain("IDLE");
        }
    }

    @Test
    void aMailSomeoneReadInAnotherClientIsStillTakenIn() throws Exception {
        try (TestDatabase database = TestDatabase.create(TestDatabase.Kind.H2, folder)) {
            mailbox.place("INBOX", request("seen@mail.example.com"), new Flags(Flags.Flag.SEEN), Instant.now());

            try (TestApp app = serve(database, mailbox.imap("INBOX"), true)) {
                Await.until("the ticket", () -> count(database, "select count(*) from ticket") == 1);
            }
        }
    }

    @Test
    void theSameMailDeliveredTwiceMakesOneTicketAndOneConfirmation() throws Exception {
        try (TestDatabase database = TestDatabase.create(TestDatabase.Kind.H2, folder); TestApp app = serve(database, mailbox.imap("INBOX"), true)) {
            mailbox.send(request("twice@mail.example.com"));
            mailbox.send(request("twice@mail.example.com"));

            Await.until("both taken in", () -> ledger(database).stream().filter(row -> row.get(1).equals("acknowledged")).count() == 2);
            assertThat(ledger(database)).extracting(row -> row.get(2)).containsExactly("ticket", "duplicate");
            assertThat(count(database, "select count(*) from ticket")).isEqualTo(1);
            assertThat(count(database, "select count(*) from outbox")).isEqualTo(1);
        }
    }

    /** A folder renamed and created anew numbers its mails anew: the same mails come again, under a new UIDVALIDITY. */
    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aNewUidValidityMakesNoSecondTicketAndNoSecondConfirmation(TestDatabase.Kind kind) throws Exception {
        try (TestDatabase database = TestDatabase.create(kind, folder)) {
            String raw = request("renumbered@mail.example.com");
            mailbox.place("Support", raw, new Flags(), Instant.now());
            long before = mailbox.folder("Support").getUidValidity();
            try (TestApp app = serve(database, mailbox.imap("Support"), true)) {
                Await.until("the ticket", () -> count(database, "select count(*) from intake_ledger where state = 'acknowledged'") == 1);
            }
            Await.until("a new second for a new UIDVALIDITY", () -> System.currentTimeMillis() / 1000 > before);
            MAIL.getManagers().getImapHostManager().renameMailbox(mailbox.user(), "Support", "Support-2025");
            mailbox.place("Support", raw, new Flags(), Instant.now());
            mailbox.place("Support", request("new@mail.example.com"), new Flags(), Instant.now());
            assertThat(mailbox.folder("Support").getUidValidity()).isNotEqualTo(before);

            try (TestApp app = serve(database, mailbox.imap("Support"), false)) {
                Await.until("both taken in", () -> count(database, "select count(*) from intake_ledger where state = 'acknowledged'") == 3);
            }

            assertThat(database.rows("select outcome from intake_ledger order by uid_validity, uid")).extracting(row -> row.get(0))
                    .containsExactly("ticket", "duplicate", "ticket");
            assertThat(count(database, "select count(*) from ticket")).isEqualTo(2);
            assertThat(count(database, "select count(*) from outbox")).isEqualTo(2);
            assertThat(count(database, "select count(distinct uid_validity) from intake_mailbox")).isEqualTo(2);
        }
    }

    @Test
    void moveAcknowledgesIntoTheDoneFolderAndDeleteLeavesNothing() throws Exception {
        Map<String, String> settings = new HashMap<>(mailbox.imap("INBOX"));
        settings.put("TICKETPOST_MAILBOX_ACKNOWLEDGE", "move");
        try (TestDatabase database = TestDatabase.create(TestDatabase.Kind.H2, folder)) {
            try (TestApp app = serve(database, settings, true)) {
                mailbox.send(request("moved@mail.example.com"));
                Await.until("the mail moved", () -> mailbox.has("Ticketpost-Done") && mailbox.folder("Ticketpost-Done").getMessageCount() == 1);
            }
            assertThat(mailbox.folder("INBOX").getMessageCount()).isZero();

            settings.put("TICKETPOST_MAILBOX_ACKNOWLEDGE", "delete");
            try (TestApp app = serve(database, settings, false)) {
                mailbox.send(request("deleted@mail.example.com"));
                Await.until("both taken in", () -> count(database, "select count(*) from intake_ledger where state = 'acknowledged'") == 2);
            }
            assertThat(mailbox.folder("INBOX").getMessageCount()).isZero();
            assertThat(mailbox.folder("Ticketpost-Done").getMessageCount()).isEqualTo(1);
            assertThat(count(database, "select count(*) from ticket")).isEqualTo(2);
        }
    }

    @Test
    void aMailThatIsNoMailGoesToTheErrorFolderWithItsReason() throws Exception {
        try (TestDatabase database = TestDatabase.create(TestDatabase.Kind.H2, folder); TestApp app = serve(database, mailbox.imap("INBOX"), true)) {
            mailbox.place("INBOX", "just some notes\nwithout any header\n", new Flags(), Instant.now());
            mailbox.send(request("after-the-notes@mail.example.com"));

            Await.until("the ticket after it", () -> count(database, "select count(*) from ticket") == 1);
            Await.until("the error folder", () -> mailbox.has("Ticketpost-Errors") && mailbox.folder("Ticketpost-Errors").getMessageCount() == 1);
            assertThat(mailbox.folder("INBOX").getMessageCount()).isEqualTo(1);
            assertThat(ledger(database).get(0)).satisfies(row -> {
                assertThat(row.get(1)).isEqualTo("failed");
                assertThat(row.get(4)).startsWith("not a mail: ");
            });
            assertThat(logLines()).anyMatch(line -> line.startsWith("mail UID 1 of imap://support%40ticketpost.example@127.0.0.1:")
                    && line.contains(" not taken in, moved to Ticketpost-Errors: not a mail: "));
        }
    }

    /**
     * On the first connection, mail that had waited longer than mailbox.backlog-age opens tickets
     * without answers; younger mail, and mail after the first connection, is answered. The number of
     * backlog mails is ticketpost.test.backlog (10,000 takes some minutes).
     */
    @Test
    void aBacklogOlderThanTheAgeIsTakenInWithoutAutomaticReplies() throws Exception {
        int backlog = Integer.getInteger("ticketpost.test.backlog", 40);
        Map<String, String> settings = new HashMap<>(mailbox.imap("INBOX"));
        settings.put("TICKETPOST_MAILBOX_BACKLOG_AGE", "PT1H");
        try (TestDatabase database = TestDatabase.create(TestDatabase.Kind.H2, folder)) {
            for (int i = 0; i < backlog; i++) {
                String mail = i % 2 == 0 ? request("old-" + i + "@mail.example.com")
                        : request("old-" + i + "@mail.example.com").replace("Severity: 2", "Severity: urgent");
                mailbox.place("INBOX", mail, new Flags(), Instant.now().minus(Duration.ofDays(2)));
            }
            mailbox.place("INBOX", request("recent@mail.example.com"), new Flags(), Instant.now().minus(Duration.ofMinutes(10)));

            try (TestApp app = serve(database, settings, true)) {
                Await.until("the backlog", Duration.ofSeconds(30).plusMillis(backlog * 300L),
                        () -> count(database, "select count(*) from intake_ledger where state = 'acknowledged'") == backlog + 1);
                mailbox.send(request("after-the-start@mail.example.com"));
                Await.until("the mail after the start", () -> count(database, "select count(*) from intake_ledger") == backlog + 2);
                Await.until("two confirmations", () -> mailbox.receivedBy(CUSTOMER).size() == 2);
            }

            assertThat(count(database, "select count(*) from ticket")).isEqualTo((backlog + 1) / 2 + 2);
            assertThat(count(database, "select count(*) from intake_ledger where backlog")).isEqualTo(backlog);
            assertThat(count(database, "select count(*) from outbox")).isEqualTo(2);
            assertThat(database.rows("select m.message_id from outbox o join message m on m.id = o.message_id")).hasSize(2);
            assertThat(count(database, "select count(*) from ticket_event where kind = 'REPLY_WITHHELD'")).isEqualTo((backlog + 1) / 2);
            assertThat(logLines()).filteredOn(line -> line.startsWith("backlog mail UID ")).hasSize(backlog);
            assertThat(logLines()).anyMatch(line -> line.contains("is read for the first time: mail that arrived before "));
        }
    }

    /** The mail is fetched in pieces as intake reads it, and spooled to the file store: never held whole. */
    @Test
    void aFiftyMegabyteMailIsTakenInWholeWithItsAttachmentFetchedPieceByPiece() throws Exception {
        long size = 50L * 1024 * 1024;
        try (TestDatabase database = TestDatabase.create(TestDatabase.Kind.H2, folder); InputStream big = LargeMail.withAttachment(size);
                TcpProxy proxy = TcpProxy.to("127.0.0.1", MAIL.getImap().getPort())) {
            mailbox.place("INBOX", big, new Flags(), Instant.now());

            Map<String, String> settings = mailbox.settings("imap://support%40ticketpost.example@127.0.0.1:" + proxy.port()
                    + "/INBOX?starttls=off");
            try (TestApp app = serve(database, settings, true)) {
                Await.until("the large mail", Duration.ofSeconds(120),
                        () -> count(database, "select count(*) from intake_ledger where state = 'acknowledged'") == 1);
            }

            assertThat(database.rows("select outcome from intake_ledger")).containsExactly(List.of("rejected"));
            assertThat(database.rows("select file_name, size from attachment"))
                    .containsExactly(List.of(LargeMail.ATTACHMENT_NAME, Long.toString(size)));
            StoredMessage stored = mailbox.folder("INBOX").getMessages().get(0);
            assertThat(stored.getFlags().contains(Flags.Flag.SEEN)).isTrue();
            assertThat(proxy.clientText().split("BODY\\.PEEK\\[]<", -1).length - 1).as("fetches of a piece of the mail")
                    .isGreaterThanOrEqualTo(50);
        }
    }

    @Test
    void pop3MailIsTakenInAndDeletedAndWhatIsNoMailIsLeftAndSkipped() throws Exception {
        Map<String, String> settings = new HashMap<>(mailbox.pop3());
        settings.put("TICKETPOST_MAILBOX_ACKNOWLEDGE", "delete");
        settings.put("TICKETPOST_MAILBOX_BACKLOG_AGE", "P3650D");   // POP3 goes by the Date field, which the fixture sets in the past
        try (TestDatabase database = TestDatabase.create(TestDatabase.Kind.H2, folder); TestApp app = serve(database, settings, true)) {
            mailbox.place("INBOX", "just some notes\nwithout any header\n", new Flags(), Instant.now());
            mailbox.send(request("pop3@mail.example.com"));

            Await.until("the confirmation", () -> mailbox.receivedBy(CUSTOMER).size() == 1);
            Await.until("the mail deleted", () -> mailbox.folder("INBOX").getMessageCount() == 1);
            mailbox.send(request("pop3-later@mail.example.com"));
            Await.until("the second confirmation", () -> mailbox.receivedBy(CUSTOMER).size() == 2);
            Await.until("the second mail deleted", () -> mailbox.folder("INBOX").getMessageCount() == 1);

            assertThat(count(database, "select count(*) from ticket")).isEqualTo(2);
            assertThat(database.rows("select state, uid_validity from intake_ledger order by state")).containsExactly(
                    List.of("acknowledged", "0"), List.of("acknowledged", "0"), List.of("failed", "0"));
            assertThat(database.rows("select reason from intake_ledger where state = 'failed'").get(0).get(0)).startsWith("not a mail: ");
        }
    }
}
