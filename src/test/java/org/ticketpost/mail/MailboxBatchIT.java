package org.ticketpost.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Flags;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.ticketpost.testing.Await;
import org.ticketpost.testing.SupportMailbox;
import org.ticketpost.testing.TcpProxy;
import org.ticketpost.testing.TestApp;
import org.ticketpost.testing.TestDatabase;

/**
 * Mails that wait together are read together: fetched in one command, and those committed
 * acknowledged in one, whatever becomes of the others of their batch.
 */
class MailboxBatchIT {

    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP));

    @TempDir
    Path folder;

    private SupportMailbox mailbox;

    @BeforeEach
    void setUp() {
        mailbox = new SupportMailbox(MAIL);
    }

    /** Five mails, the third no mail at all. */
    private void placeFive() {
        for (int i = 1; i <= 5; i++) {
            mailbox.place("INBOX", i == 3 ? "just some notes\nwithout any header\n" : MailboxIntakeIT.request("batch-" + i + "@mail.example.com"),
                    new Flags(), Instant.now());
        }
    }

    /** The support mailbox, looked at every second. */
    private static MailboxSettings everySecond() {
        return settings(Duration.ofSeconds(1), Duration.ofSeconds(30));
    }

    /** The support mailbox, flagged \Seen once taken in, looked at every {@code poll}. */
    private static MailboxSettings settings(Duration poll, Duration timeout) {
        return settings(MAIL.getImap().getPort(), poll, timeout);
    }

    private static MailboxSettings settings(int port, Duration poll, Duration timeout) {
        return new MailboxSettings(
                MailboxUrl.parse("imap://support%40ticketpost.example@127.0.0.1:" + port + "/INBOX?starttls=off"),
                new MailboxSettings.Password(SupportMailbox.PASSWORD), poll, MailboxSettings.Acknowledge.SEEN,
                "Ticketpost-Done", "Ticketpost-Errors", 5, Duration.ofDays(1), timeout);
    }

    /** One look at the mailbox by a reader that counts the commits of mails it took in. */
    private static void oneRound(TestApp app, AtomicInteger commits) throws Exception {
        oneRound(app, commits, MailboxRound.readers());
    }

    /** The same, the reader reading its mails ahead on these threads. */
    private static void oneRound(TestApp app, AtomicInteger commits, ExecutorService readers) throws Exception {
        try (MailboxSession session = new ImapMailbox(everySecond()).connect()) {
            counting(app, commits, readers).run(session, () -> false);
        }
    }

    private static MailboxRound counting(TestApp app, AtomicInteger commits, ExecutorService readers) {
        return new MailboxRound(everySecond(), app.application().reception().afterEachCommit(commits::incrementAndGet),
                app.application().database(), Clock.systemUTC(), MailboxRound.HOLD, readers);
    }

    private List<String> ledger(TestDatabase database) {
        return database.rows("select state from intake_ledger order by cast(uid as int)").stream().map(row -> row.get(0)).toList();
    }

    private List<Boolean> seenInInbox() {
        return mailbox.folder("INBOX").getMessages().stream().map(StoredMessage::getFlags)
                .map(flags -> flags.contains(Flags.Flag.SEEN)).toList();
    }

    private static int occurrences(String text, String part) {
        return text.split(java.util.regex.Pattern.quote(part), -1).length - 1;
    }

    @Test
    void aBatchWhoseThirdMailIsNoMailHasTheOthersDeletedInOneCommandAndTheThirdInTheErrorFolder() throws Exception {
        placeFive();
        try (TestDatabase database = TestDatabase.create(TestDatabase.Kind.H2, folder);
                TcpProxy proxy = TcpProxy.to("127.0.0.1", MAIL.getImap().getPort())) {
            Map<String, String> settings = new HashMap<>(
                    mailbox.settings("imap://support%40ticketpost.example@127.0.0.1:" + proxy.port() + "/INBOX?starttls=off"));
            settings.put("TICKETPOST_MAILBOX_ACKNOWLEDGE", "delete");
            try (TestApp app = TestApp.start(database, folder, Clock.systemUTC(), settings)) {
                app.addKey();
                app.application().serve();
                Await.until("all five finished", () -> {
                    List<String> states = ledger(database);   // one look: an empty ledger and then a claimed batch would pass two
                    return states.size() == 5 && states.stream().allMatch(state -> state.equals("acknowledged") || state.equals("failed"));
                });
            }

            assertThat(ledger(database)).containsExactly("acknowledged", "acknowledged", "failed", "acknowledged", "acknowledged");
            assertThat(database.count("select count(*) from ticket")).isEqualTo(4);
            assertThat(mailbox.folder("INBOX").getMessageCount()).isZero();
            assertThat(mailbox.folder("Ticketpost-Errors").getMessageCount()).isEqualTo(1);
            String commands = proxy.clientText();
            assertThat(occurrences(commands, "BODY.PEEK[]")).as("fetches of mails in " + commands).isEqualTo(1);
            assertThat(occurrences(commands, "EXPUNGE")).as("expunges in " + commands).isEqualTo(1);
        }
    }

    @Test
    void theMailsOfABatchAreCommittedTogetherAndAMailThatIsNoMailAloneWithoutHoldingUpTheOthers() throws Exception {
        for (int i = 1; i <= 6; i++) {
            mailbox.place("INBOX", i == 3 ? "just some notes\nwithout any header\n" : MailboxIntakeIT.request("together-" + i + "@mail.example.com"),
                    new Flags(), Instant.now());
        }
        try (TestDatabase database = TestDatabase.create(TestDatabase.Kind.H2, folder);
                TestApp app = TestApp.start(database, folder, Clock.systemUTC(), Map.of())) {
            app.addKey();
            AtomicInteger commits = new AtomicInteger();
            oneRound(app, commits);

            assertThat(commits).as("commits of mails taken in: the two before the third, and the three after it").hasValue(2);
            assertThat(ledger(database)).containsExactly("acknowledged", "acknowledged", "failed", "acknowledged", "acknowledged",
                    "acknowledged");
            assertThat(database.count("select count(*) from ticket")).isEqualTo(5);
            assertThat(database.count("select count(*) from outbox")).as("confirmations").isEqualTo(5);
            assertThat(mailbox.folder("Ticketpost-Errors").getMessageCount()).isEqualTo(1);
        }
    }

    @Test
    void theMailsOfABatchAreReadSideBySideAndTakenInTogetherInTheOrderTheyArrived() throws Exception {
        for (int i = 1; i <= 5; i++) {
            mailbox.place("INBOX", MailboxIntakeIT.request("side-by-side-" + i + "@mail.example.com"), new Flags(), Instant.now());
        }
        CountDownLatch twoInHand = new CountDownLatch(2);
        List<Boolean> readBesideAnother = new CopyOnWriteArrayList<>();
        // each read waits, at most 10 s, until two are in hand: read one after the other, the first waits in vain
        ThreadPoolExecutor readers = new ThreadPoolExecutor(MailboxRound.READERS, MailboxRound.READERS, 1, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>()) {
            @Override
            protected void beforeExecute(Thread thread, Runnable read) {
                twoInHand.countDown();
                try {
                    readBesideAnother.add(twoInHand.await(10, TimeUnit.SECONDS));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        };
        try (TestDatabase database = TestDatabase.create(TestDatabase.Kind.H2, folder);
                TestApp app = TestApp.start(database, folder, Clock.systemUTC(), Map.of())) {
            app.addKey();
            AtomicInteger commits = new AtomicInteger();
            oneRound(app, commits, readers);

            assertThat(readBesideAnother).as("each mail read while another was").containsExactly(true, true, true, true, true);
            assertThat(commits).as("commits of mails taken in").hasValue(1);
            assertThat(ledger(database)).containsOnly("acknowledged").hasSize(5);
            assertThat(database.rows("select m.message_id from message m join ticket t on m.ticket_id = t.id"
                    + " where m.message_id like '%side-by-side-%' order by t.id").stream().map(row -> row.get(0).replaceAll("[<>]", "")))
                    .as("tickets opened in the order the mails arrived").containsExactly("side-by-side-1@mail.example.com",
                            "side-by-side-2@mail.example.com", "side-by-side-3@mail.example.com", "side-by-side-4@mail.example.com",
                            "side-by-side-5@mail.example.com");
        } finally {
            readers.shutdownNow();
        }
    }

    @Test
    void theNextBatchIsFetchedWhileTheOneBeforeIsTakenIn() throws Exception {
        int count = MailboxRound.BATCH + 20;
        for (int i = 1; i <= count; i++) {
            mailbox.place("INBOX", MailboxIntakeIT.request("ahead-" + i + "@mail.example.com"), new Flags(), Instant.now());
        }
        try (TestDatabase database = TestDatabase.create(TestDatabase.Kind.H2, folder);
                TcpProxy proxy = TcpProxy.to("127.0.0.1", MAIL.getImap().getPort());
                TestApp app = TestApp.start(database, folder, Clock.systemUTC(), Map.of())) {
            app.addKey();
            MailboxSettings viaProxy = settings(proxy.port(), Duration.ofSeconds(1), Duration.ofSeconds(30));
            try (MailboxSession session = new ImapMailbox(viaProxy).connect()) {
                new MailboxRound(viaProxy, app.application().reception(), app.application().database(), Clock.systemUTC())
                        .run(session, () -> false);
            }

            String commands = proxy.clientText();
            int firstFetch = commands.indexOf("BODY.PEEK[]");
            int secondFetch = commands.indexOf("BODY.PEEK[]", firstFetch + 1);
            int firstAcknowledgement = commands.indexOf("+FLAGS");
            assertThat(firstFetch).as("the first batch fetched").isNotNegative();
            assertThat(secondFetch).as("the second batch fetched before the first is acknowledged, in " + commands)
                    .isNotNegative().isLessThan(firstAcknowledgement);
            assertThat(ledger(database)).containsOnly("acknowledged").hasSize(count);
            assertThat(database.count("select count(*) from ticket")).isEqualTo(count);
            assertThat(seenInInbox()).hasSize(count).containsOnly(true);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aMailTheDatabaseRefusesSpoilsTheBatchsTransactionAndTheOthersAreTakenInOneByOne(TestDatabase.Kind kind)
            throws Exception {
        for (int i = 1; i <= 6; i++) {
            mailbox.place("INBOX", MailboxIntakeIT.request((i == 3 ? "poison-" : "together-") + i + "@mail.example.com"), new Flags(),
                    Instant.now());
        }
        try (TestDatabase database = TestDatabase.create(kind, folder);
                TestApp app = TestApp.start(database, folder, Clock.systemUTC(), Map.of())) {
            app.addKey();
            database.sql("alter table message add constraint no_poison check (message_id is null or message_id not like '%poison%')");
            AtomicInteger commits = new AtomicInteger();
            oneRound(app, commits);

            assertThat(commits).as("commits of mails taken in, each alone once the batch's transaction failed").hasValue(5);
            assertThat(ledger(database)).containsExactly("acknowledged", "acknowledged", "retrying", "acknowledged", "acknowledged",
                    "acknowledged");
            assertThat(database.count("select count(*) from intake_ledger where state = 'retrying' and attempts = 1"))
                    .as("the refused mail's one failed attempt").isEqualTo(1);
            assertThat(database.count("select count(*) from ticket")).isEqualTo(5);
            assertThat(database.count("select count(*) from outbox")).as("confirmations").isEqualTo(5);
        }
    }

    @Test
    void aStopInTheMiddleOfABatchAcknowledgesWhatWasCommittedAndTheNextRoundTakesInTheRest() throws Exception {
        placeFive();
        try (TestDatabase database = TestDatabase.create(TestDatabase.Kind.H2, folder);
                TestApp app = TestApp.start(database, folder, Clock.systemUTC(), Map.of())) {
            app.addKey();
            AtomicInteger commits = new AtomicInteger();
            MailboxRound round = counting(app, commits, MailboxRound.readers());

            try (MailboxSession session = new ImapMailbox(everySecond()).connect()) {
                round.run(session, () -> commits.get() >= 1);   // the stop comes once the two before the third are committed together
            }
            assertThat(commits).as("commits").hasValue(1);
            // the batch's other mails were claimed with it and are given back, due at once: no hold left to wait out
            assertThat(ledger(database)).containsExactly("acknowledged", "acknowledged", "retrying", "retrying", "retrying");
            assertThat(database.count("select count(*) from intake_ledger where state = 'retrying' and attempts = 0"
                    + " and next_attempt_at <= current_timestamp")).isEqualTo(3);
            assertThat(database.count("select count(*) from ticket")).isEqualTo(2);
            assertThat(seenInInbox()).containsExactly(true, true, false, false, false);

            try (MailboxSession session = new ImapMailbox(everySecond()).connect()) {
                round.run(session, () -> false);
            }
            assertThat(ledger(database)).containsExactly("acknowledged", "acknowledged", "failed", "acknowledged", "acknowledged");
            assertThat(database.count("select count(*) from ticket")).isEqualTo(4);
            assertThat(seenInInbox()).containsExactly(true, true, true, true);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aLiveReaderKeepsTheMailsInHandByRenewingItsHoldsAndThoseOfADeadOneGoToAnotherOneHoldLater(TestDatabase.Kind kind)
            throws Exception {
        placeFive();
        try (TestDatabase database = TestDatabase.create(kind, folder);
                TestApp app = TestApp.start(database, folder, Clock.systemUTC(), Map.of())) {
            app.addKey();
            MailboxSettings settings = settings(Duration.ofSeconds(1), Duration.ofSeconds(30));
            Duration hold = Duration.ofSeconds(2);
            AtomicInteger commits = new AtomicInteger();
            MailboxRound busy = new MailboxRound(settings, app.application().reception().afterEachCommit(commits::incrementAndGet),
                    app.application().database(), Clock.systemUTC(), hold);
            MailboxRound other = new MailboxRound(settings, app.application().reception(), app.application().database(),
                    Clock.systemUTC(), hold);
            CountDownLatch inHand = new CountDownLatch(1);
            CountDownLatch dies = new CountDownLatch(1);
            CompletableFuture<Void> first = CompletableFuture.runAsync(() -> {
                try (MailboxSession session = new ImapMailbox(settings).connect()) {
                    busy.run(session, () -> {
                        if (commits.get() >= 1) {   // the two before the third committed: busy with the third, as with one of many megabytes
                            inHand.countDown();
                            await(dies);
                            throw new IllegalStateException("killed");   // gone without giving anything back
                        }
                        return false;
                    });
                } catch (MailboxException | MailboxRound.StoreDown e) {
                    throw new IllegalStateException(e);
                }
            });
            assertThat(inHand.await(30, TimeUnit.SECONDS)).isTrue();

            try (MailboxSession session = new ImapMailbox(settings).connect()) {
                long end = System.nanoTime() + hold.multipliedBy(2).toNanos();
                while (System.nanoTime() < end) {   // two holds long, while the first reader renews its holds as its alarm does
                    busy.renewHolds();
                    other.run(session, () -> false);
                    Thread.sleep(hold.toMillis() / 4);
                }
            }
            assertThat(database.count("select count(*) from ticket")).as("the live reader's mails left to it").isEqualTo(2);
            assertThat(ledger(database).subList(2, 5)).containsOnly("retrying");

            dies.countDown();
            assertThat(first).failsWithin(Duration.ofSeconds(10));
            long died = System.nanoTime();
            try (MailboxSession session = new ImapMailbox(settings).connect()) {
                other.run(session, () -> false);
            }
            assertThat(database.count("select count(*) from ticket")).as("held still, just after it died").isEqualTo(2);
            // a reader that looks by itself once a minute, or when told of new mail: none comes
            MailboxSettings patient = settings(Duration.ofMinutes(1), Duration.ofMinutes(2));
            try (MailboxReader reader = new MailboxReader(patient, new ImapMailbox(patient), other, Duration.ofSeconds(5))) {
                reader.start();
                Await.until("the dead reader's mails taken in by the other", Duration.ofSeconds(30),
                        () -> database.count("select count(*) from ticket") == 4);
            }
            assertThat(Duration.ofNanos(System.nanoTime() - died)).as("looked again when the holds ended, not a minute later")
                    .isLessThan(hold.plusSeconds(3));
            assertThat(ledger(database)).containsExactly("acknowledged", "acknowledged", "failed", "acknowledged", "acknowledged");
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
