package org.ticketpost.bench;

import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Flags;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.commons.io.file.PathUtils;
import org.ticketpost.Application;
import org.ticketpost.desk.KeyRegistry;
import org.ticketpost.testing.Mails;
import org.ticketpost.testing.TestDatabase;

/**
 * serve's first start on a mailbox where many mails wait, most of them older than
 * mailbox.backlog-age: how long until each has its outcome, how much heap it took, and what became
 * of the mails. GreenMail, in the same process, holds the mailbox: its mails count in the heap.
 *
 * <pre>java -Xmx256m -cp target/test-classes:target/classes:DEPENDENCIES org.ticketpost.bench.BacklogBenchmark 10000 [postgresql]</pre>
 *
 * Every fourth mail is a rejection; four of five mails are older than the backlog age (P1D).
 * {@code -Dacknowledge=seen|move|delete}, delete by default: GreenMail walks the folder at each command.
 */
public final class BacklogBenchmark {

    private static final String SUPPORT = "support@example.com";
    private static final String PASSWORD = "bench";
    private static final String KEY = "OXSK-7Q4M-2KD9-X1PZ";

    private BacklogBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        TestDatabase.Kind kind = Arrays.stream(args).anyMatch("postgresql"::equalsIgnoreCase)
                ? TestDatabase.Kind.POSTGRESQL : TestDatabase.Kind.H2;
        Path work = Files.createTempDirectory("ticketpost-backlog-");
        GreenMail mail = new GreenMail(ServerSetup.dynamicPort(new ServerSetup[] {
                new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
                new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_IMAP)}));
        mail.start();
        GreenMailUser support = mail.setUser(SUPPORT, SUPPORT, PASSWORD);
        Session session = Session.getInstance(new Properties());
        Instant now = Instant.now();
        int old = count * 4 / 5;
        for (int i = 0; i < count; i++) {
            MimeMessage message = new MimeMessage(session, new ByteArrayInputStream(request(i).getBytes(StandardCharsets.UTF_8)));
            Instant arrived = i < old ? now.minus(Duration.ofDays(3)).plusSeconds(i) : now.minus(Duration.ofSeconds(count - i));
            mail.getManagers().getImapHostManager().getInbox(support).appendMessage(message, new Flags(), Date.from(arrived));
        }
        HeapWatch heap = HeapWatch.start();
        try (TestDatabase database = TestDatabase.create(kind, work);
                Application application = Application.configure(environment(database, mail, work), Clock.systemUTC())) {
            application.keys().add(new KeyRegistry.NewKey(KEY, "Example Corp", "advanced", List.of("example.com"), Optional.empty()));
            long start = System.nanoTime();
            application.serve();
            long finished = 0;
            for (int tick = 1; finished < count; tick++) {
                Thread.sleep(500);
                finished = database.count("select count(*) from intake_ledger where state in ('acknowledged', 'failed')");
                if (tick % 60 == 0) {
                    System.out.printf(Locale.ROOT, "after %.0f s: %d of %d mails finished, heap used at most %d MB so far%n",
                            (System.nanoTime() - start) / 1e9, finished, count, heap.most.get() / (1024 * 1024));
                }
            }
            double intake = (System.nanoTime() - start) / 1e9;
            while (database.count("select count(*) from outbox where sent_at is null") > 0) {
                Thread.sleep(500);
            }
            double replied = (System.nanoTime() - start) / 1e9;
            long received = mail.findReceivedMessages(user -> !user.getEmail().equals(SUPPORT), message -> true).count();
            System.out.printf(Locale.ROOT, "backlog %s, %d mails (%d older than the backlog age), acknowledge=%s, -Xmx%d MB%n", kind,
                    count, old, System.getProperty("acknowledge", "delete"), Runtime.getRuntime().maxMemory() / (1024 * 1024));
            System.out.printf(Locale.ROOT, "every mail finished after %.1f s (%.0f mails/s); every reply sent after %.1f s%n",
                    intake, count / intake, replied);
            System.out.printf(Locale.ROOT, "heap used: at most %d MB (sampled every 50 ms), %d MB at the end%n",
                    heap.stop() / (1024 * 1024), ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / (1024 * 1024));
            System.out.println("ledger (backlog, state, outcome, mails): "
                    + database.rows("select backlog, state, outcome, count(*) from intake_ledger group by backlog, state, outcome order by 1, 2, 3"));
            System.out.printf(Locale.ROOT, "tickets %d, replies withheld %d, outbox %d, mails the customers received %d, left in INBOX %d%n",
                    database.count("select count(*) from ticket"),
                    database.count("select count(*) from ticket_event where kind = 'REPLY_WITHHELD'"),
                    database.count("select count(*) from outbox"), received,
                    mail.getManagers().getImapHostManager().getInbox(support).getMessageCount());
        } finally {
            mail.stop();
            PathUtils.deleteDirectory(work);
        }
    }

    private static String request(int i) {
        String request = Mails.load("intake/request.eml", Map.of("from", "customer-" + i + "@example.com", "fromName", "Customer " + i,
                "subject", "Calendar invitations " + i, "messageId", "waiting-" + i + "@mail.example.com", "key", KEY,
                "severity", "2"));
        return i % 4 == 3 ? request.replace("Severity: 2", "Severity: urgent") : request;
    }

    private static Map<String, String> environment(TestDatabase database, GreenMail mail, Path work) {
        Map<String, String> env = new HashMap<>(database.env());
        env.put("TICKETPOST_HOME", Path.of("").toAbsolutePath().toString());
        env.put("TICKETPOST_STORAGE_DIR", work.resolve("files").toString());
        env.put("TICKETPOST_MAIL_ADDRESS", SUPPORT);
        env.put("TICKETPOST_SMTP_URL", "smtp://127.0.0.1:" + mail.getSmtp().getPort() + "?starttls=off");
        env.put("TICKETPOST_MAILBOX_URL", "imap://support%40example.com@127.0.0.1:" + mail.getImap().getPort() + "/INBOX?starttls=off");
        env.put("TICKETPOST_MAILBOX_PASSWORD", PASSWORD);
        env.put("TICKETPOST_MAILBOX_BACKLOG_AGE", "P1D");
        env.put("TICKETPOST_MAILBOX_ACKNOWLEDGE", System.getProperty("acknowledge", "delete"));
        env.put("TICKETPOST_HTTP_PORT", "");
        return env;
    }

    /** The most heap in use, sampled on a thread of its own. */
    private static final class HeapWatch {
        private final AtomicLong most = new AtomicLong();
        private volatile boolean stopped;

        static HeapWatch start() {
            HeapWatch watch = new HeapWatch();
            MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
            Thread thread = new Thread(() -> {
                while (!watch.stopped) {
                    watch.most.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                    try {
                        Thread.sleep(50);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "heap-watch");
            thread.setDaemon(true);
            thread.start();
            return watch;
        }

        long stop() {
            stopped = true;
            return most.get();
        }
    }
}
