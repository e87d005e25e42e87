package org.ticketpost.bench;

import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.lang.management.ManagementFactory;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.commons.io.file.PathUtils;
import org.ticketpost.Application;
import org.ticketpost.desk.KeyRegistry;
import org.ticketpost.lmtp.LmtpClient;
import org.ticketpost.testing.Ports;
import org.ticketpost.testing.TestDatabase;

/**
 * The mail service end to end, in one process as `serve` runs it: GreenMail as the support
 * mailbox and the customers' mail server, Ticketpost reading the one and sending through the
 * other. Measures how fast confirmations reach the customers' mailboxes.
 *
 * <pre>mvn -q -Pbench-service package exec:exec [-Dbench.args="imap 2000 h2"]</pre>
 *
 * Scenarios: {@code imap N} places N mails in the support mailbox at once and waits for all N
 * confirmations (mails/s end to end); {@code lmtp N CONNECTIONS} delivers N mails over that many
 * LMTP connections at once and waits for the confirmations likewise; {@code steady RATE SECONDS} places RATE mails per second
 * and reports p50/p99 from a mail's arrival in the mailbox to its confirmation's arrival;
 * {@code lmtp-steady RATE SECONDS CONNECTIONS} delivers RATE mails per second over LMTP and reports
 * p50/p99 from the start of each mail's delivery to its confirmation's arrival. {@code seen}, {@code move} or
 * {@code delete} among the arguments sets mailbox.acknowledge (seen otherwise). {@code warm=N} runs the
 * scenario unmeasured first (N mails, or N seconds); {@code rounds=N} measures it N times in a row (1 otherwise).
 *
 * {@code transport N CONNECTIONS} is the LMTP burst with Ticketpost left out, the floor under it: a bare LMTP responder
 * answers 250 at once, and one thread sends a confirmation for each mail through Ticketpost's SMTP sender.
 *
 * {@code drain N} queues N replies before the service starts and measures how fast its outbox sender delivers them.
 * {@code greenmail N} measures GreenMail alone, without Ticketpost: how long a plain Jakarta Mail client takes to fetch
 * N mails from its IMAP server one by one and all at once, and to flag and expunge them one by one and all at once.
 */
public final class MailServiceBenchmark {

    private static final String SUPPORT = "support@example.com";
    private static final String PASSWORD = "bench";
    /**
     * The IMAP burst warms up in rounds of at most this many mails: GreenMail's IMAP server broke
     * off (“Need to do this properly...”) when 30,000 mails were moved at once.
     */
    private static final int IMAP_WARM_ROUND = 3000;
    private static final String ACKNOWLEDGED = "select count(*) from intake_ledger where state = 'acknowledged'";

    private MailServiceBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String scenario = args.length > 0 ? args[0] : "imap";
        TestDatabase.Kind kind = Arrays.stream(args).anyMatch("postgresql"::equalsIgnoreCase)
                ? TestDatabase.Kind.POSTGRESQL : TestDatabase.Kind.H2;
        // seen, as shipped; or move or delete, as mailbox.acknowledge says
        String acknowledge = Arrays.stream(args).filter(arg -> arg.matches("seen|move|delete")).findFirst().orElse("seen");
        Path work = Files.createTempDirectory("ticketpost-bench-");
        GreenMail mail = new GreenMail(ServerSetup.dynamicPort(new ServerSetup[] {
                new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
                new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_IMAP)}));
        mail.start();
        GreenMailUser support = mail.setUser(SUPPORT, SUPPORT, PASSWORD);
        if ("greenmail".equals(scenario)) {
            try {
                greenMailAlone(mail, support, count(args, 1, 1000));
            } finally {
                mail.stop();
                PathUtils.deleteDirectory(work);
            }
            return;
        }
        if ("transport".equals(scenario)) {
            try {
                transportAlone(mail, count(args, 1, 4000), count(args, 2, 20),
                        Arrays.stream(args).filter(arg -> arg.matches("warm=\\d+")).findFirst()
                                .map(arg -> Integer.parseInt(arg.substring(5))).orElse(0));
            } finally {
                mail.stop();
                PathUtils.deleteDirectory(work);
            }
            return;
        }
        int lmtpPort = Ports.free();
        try (TestDatabase database = TestDatabase.create(kind, work);
                Application application = Application.configure(environment(database, mail, work, lmtpPort, acknowledge), Clock.systemUTC())) {
            application.keys().add(new KeyRegistry.NewKey("OXSK-7Q4M-2KD9-X1PZ", "Example Corp", "advanced",
                    List.of("example.com"), Optional.empty()));
            if ("drain".equals(scenario)) {
                drain(application, mail, count(args, 1, 5000), kind);
                return;
            }
            application.serve();
            Thread.sleep(1000);   // the reader is connected and idle
            int warm = Arrays.stream(args).filter(arg -> arg.matches("warm=\\d+")).findFirst()
                    .map(arg -> Integer.parseInt(arg.substring(5))).orElse(0);
            if (warm > 0) {
                // serve runs for days: its figures are those of a JVM that has compiled its hot code
                System.out.println("warm-up, not measured:");
                int round = "imap".equals(scenario) ? IMAP_WARM_ROUND : warm;
                for (int done = 0; done < warm; done += round) {
                    run(scenario, args, Math.min(round, warm - done), mail, support, lmtpPort, kind, database);
                    emptyCustomersInboxes(mail);
                    emptyDoneFolder(mail, support);
                }
                System.out.println("measured:");
            }
            int rounds = Arrays.stream(args).filter(arg -> arg.matches("rounds=\\d+")).findFirst()
                    .map(arg -> Integer.parseInt(arg.substring(7))).orElse(1);
            H2Writes writes = H2Writes.of(database);
            try (Profile profile = Profile.fromProperty()) {
                for (int round = 1; round <= rounds; round++) {
                    run(scenario, args, 0, mail, support, lmtpPort, kind, database);
                    emptyCustomersInboxes(mail);
                    emptyDoneFolder(mail, support);
                }
            }
            writes.print(database);
        } finally {
            mail.stop();
            PathUtils.deleteDirectory(work);
        }
    }

    /** What H2 wrote to its file during the measured part: the bytes each commit's pages take. */
    private record H2Writes(long bytes, long writes) {

        static H2Writes of(TestDatabase database) {
            if (database.kind() != TestDatabase.Kind.H2) {
                return new H2Writes(0, 0);
            }
            return new H2Writes(setting(database, "info.FILE_WRITE_BYTES"), setting(database, "info.FILE_WRITE"));
        }

        void print(TestDatabase database) {
            if (database.kind() == TestDatabase.Kind.H2) {
                H2Writes now = of(database);
                System.out.printf(Locale.ROOT, "H2 wrote %.1f MB in %d writes%n", (now.bytes - bytes) / 1e6, now.writes - writes);
            }
        }

        private static long setting(TestDatabase database, String name) {
            return Long.parseLong(database.rows("select setting_value from information_schema.settings where setting_name = '"
                    + name + "'").get(0).get(0));
        }
    }

    /** The confirmations of the warm-up go; the support mailbox keeps its mails, as a real one read with {@code seen} does. */
    private static void emptyCustomersInboxes(GreenMail mail) throws Exception {
        for (GreenMailUser user : mail.getUserManager().listUser()) {
            if (!SUPPORT.equals(user.getEmail())) {
                mail.getManagers().getImapHostManager().getInbox(user).deleteAllMessages();
            }
        }
    }

    /**
     * The mails the warm-up's rounds moved go, as the customers' confirmations do: GreenMail's IMAP
     * server slows with every mail a folder holds, which a real mail server does not.
     */
    private static void emptyDoneFolder(GreenMail mail, GreenMailUser support) throws Exception {
        for (var folder : mail.getManagers().getImapHostManager().listMailboxes(support, "*")) {
            if (!"INBOX".equalsIgnoreCase(folder.getName())) {
                folder.deleteAllMessages();
            }
        }
    }

    /** One scenario; {@code warm}, where not 0, replaces its count of mails (or of seconds, for the steady ones). */
    private static void run(String scenario, String[] args, int warm, GreenMail mail, GreenMailUser support, int lmtpPort,
            TestDatabase.Kind kind, TestDatabase database) throws Exception {
        switch (scenario) {
            case "imap" -> burst(mail, support, warm > 0 ? warm : count(args, 1, 2000), kind, database);
            case "lmtp" -> lmtp(mail, lmtpPort, warm > 0 ? warm : count(args, 1, 2000), count(args, 2, 4), "lmtp " + kind);
            case "steady" -> steady(mail, support, count(args, 1, 50), warm > 0 ? warm : count(args, 2, 60), kind, database);
            case "lmtp-steady" -> lmtpSteady(mail, lmtpPort, count(args, 1, 50), warm > 0 ? warm : count(args, 2, 60),
                    count(args, 3, 4), kind);
            default -> throw new IllegalArgumentException("scenario imap, lmtp, steady or lmtp-steady, was " + scenario);
        }
    }

    private static Map<String, String> environment(TestDatabase database, GreenMail mail, Path work, int lmtpPort,
            String acknowledge) {
        Map<String, String> env = new HashMap<>(database.env());
        env.put("TICKETPOST_HOME", Path.of("").toAbsolutePath().toString());
        env.put("TICKETPOST_STORAGE_DIR", work.resolve("files").toString());
        env.put("TICKETPOST_MAIL_ADDRESS", SUPPORT);
        env.put("TICKETPOST_SMTP_URL", "smtp://127.0.0.1:" + mail.getSmtp().getPort() + "?starttls=off");
        env.put("TICKETPOST_MAILBOX_URL", "imap://support%40example.com@127.0.0.1:" + mail.getImap().getPort()
                + "/INBOX?starttls=off");
        env.put("TICKETPOST_MAILBOX_PASSWORD", PASSWORD);
        env.put("TICKETPOST_LMTP_PORT", Integer.toString(lmtpPort));
        env.put("TICKETPOST_LOG_LEVEL", "warn");
        env.put("TICKETPOST_HTTP_PORT", "");
        env.put("TICKETPOST_MAILBOX_ACKNOWLEDGE", acknowledge);
        // GreenMail's IMAP server at times dies under load (“Need to do this properly...”) and leaves the connection
        // open and silent; the reader learns of it at the first read past mailbox.timeout: a short one on this machine
        env.put("TICKETPOST_MAILBOX_TIMEOUT", "PT5S");
        return env;
    }

    /**
     * N mails at once: the time from placing the first to the arrival of the last confirmation, and
     * the reader's own part, until the intake ledger has every mail taken in and acknowledged.
     */
    private static void burst(GreenMail mail, GreenMailUser support, int count, TestDatabase.Kind kind, TestDatabase database)
            throws Exception {
        Session session = Session.getInstance(new Properties());
        List<MimeMessage> requests = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            requests.add(request(session, i));
        }
        long acknowledgedBefore = database.count(ACKNOWLEDGED);
        long cpu = processCpuNanos();
        ThreadCpu threads = ThreadCpu.now();
        long start = System.currentTimeMillis();
        for (MimeMessage request : requests) {
            support.deliver(request);
        }
        long placed = System.currentTimeMillis();
        long read = awaitAcknowledged(database, acknowledgedBefore + count, 600);
        long last = awaitConfirmations(mail, count, 600).values().stream().mapToLong(Long::longValue).max().orElseThrow();
        double seconds = (last - start) / 1000.0;
        double reading = (read - start) / 1000.0;
        System.out.printf(Locale.ROOT, "imap %s: %d mails placed in %.2f s; all taken in and acknowledged after %.2f s (%.0f mails/s);"
                + " all %d confirmations delivered %.2f s after the first was placed: %.0f mails/s end to end; %s%n", kind, count,
                (placed - start) / 1000.0, reading, count / reading, count, seconds, count / seconds, cpuPerMail(cpu, count));
        System.out.println(ThreadCpu.now().since(threads));
    }

    /**
     * When the intake ledger had all mails acknowledged: the moment of the last acknowledgement as
     * the ledger has it, so that the count is polled seldom and its scans take little of the CPU measured.
     */
    private static long awaitAcknowledged(TestDatabase database, long count, int seconds) throws Exception {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        while (database.count(ACKNOWLEDGED) < count) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("not all " + count + " mails acknowledged within " + seconds + " s");
            }
            Thread.sleep(500);
        }
        return database.instant("select max(updated_at) from intake_ledger where state = 'acknowledged'").toEpochMilli();
    }

    /** What GreenMail's IMAP server costs by itself: each step timed for N mails, one round trip per mail and one for all. */
    private static void greenMailAlone(GreenMail mail, GreenMailUser support, int count) throws Exception {
        Session session = Session.getInstance(new Properties());
        for (int i = 0; i < count; i++) {
            support.deliver(request(session, i));
        }
        Properties properties = new Properties();
        properties.put("mail.imap.peek", "true");
        jakarta.mail.Store store = Session.getInstance(properties).getStore("imap");
        store.connect("127.0.0.1", mail.getImap().getPort(), SUPPORT, PASSWORD);
        org.eclipse.angus.mail.imap.IMAPFolder folder = (org.eclipse.angus.mail.imap.IMAPFolder) store.getFolder("INBOX");
        folder.open(jakarta.mail.Folder.READ_WRITE);
        jakarta.mail.Message[] all = folder.getMessagesByUID(1, jakarta.mail.UIDFolder.LASTUID);
        jakarta.mail.FetchProfile uids = new jakarta.mail.FetchProfile();
        uids.add(jakarta.mail.UIDFolder.FetchProfileItem.UID);
        uids.add(org.eclipse.angus.mail.imap.IMAPFolder.FetchProfileItem.INTERNALDATE);
        long started = System.nanoTime();
        folder.fetch(all, uids);
        step("UID FETCH of UIDs and INTERNALDATE, all at once", count, started);
        started = System.nanoTime();
        for (int i = 0; i < Math.min(count, 200); i++) {
            readFully(((org.eclipse.angus.mail.imap.IMAPMessage) all[i]).getMimeStream());
        }
        step("FETCH BODY.PEEK[], one mail per command", Math.min(count, 200), started);
        folder.close(false);
        folder.open(jakarta.mail.Folder.READ_WRITE);   // forgets what was fetched
        all = folder.getMessagesByUID(1, jakarta.mail.UIDFolder.LASTUID);
        jakarta.mail.FetchProfile bodies = new jakarta.mail.FetchProfile();
        bodies.add(org.eclipse.angus.mail.imap.IMAPFolder.FetchProfileItem.MESSAGE);
        started = System.nanoTime();
        for (int from = 0; from < count; from += 100) {
            folder.fetch(Arrays.copyOfRange(all, from, Math.min(count, from + 100)), bodies);
        }
        step("FETCH BODY.PEEK[], 100 mails per command", count, started);
        started = System.nanoTime();
        for (int i = 0; i < Math.min(count, 200); i++) {
            all[i].setFlag(jakarta.mail.Flags.Flag.SEEN, true);
        }
        step("STORE +FLAGS \\Seen, one mail per command", Math.min(count, 200), started);
        started = System.nanoTime();
        folder.setFlags(all, new jakarta.mail.Flags(jakarta.mail.Flags.Flag.SEEN), true);
        step("STORE +FLAGS \\Seen, all at once", count, started);
        started = System.nanoTime();
        for (int i = 0; i < Math.min(count, 200); i++) {
            all[i].setFlag(jakarta.mail.Flags.Flag.DELETED, true);
            folder.expunge(new jakarta.mail.Message[] {all[i]});
        }
        step("STORE \\Deleted and UID EXPUNGE, one mail per command", Math.min(count, 200), started);
        jakarta.mail.Message[] rest = folder.getMessages();
        started = System.nanoTime();
        folder.setFlags(rest, new jakarta.mail.Flags(jakarta.mail.Flags.Flag.DELETED), true);
        folder.expunge(rest);
        step("STORE \\Deleted and UID EXPUNGE, all at once", rest.length, started);
        folder.close(false);
        store.close();
    }

    private static void step(String what, int count, long startedNanos) {
        double seconds = (System.nanoTime() - startedNanos) / 1e9;
        System.out.printf(Locale.ROOT, "greenmail: %-55s %5d mails in %6.2f s: %6.0f mails/s%n", what, count, seconds, count / seconds);
    }

    private static void readFully(java.io.InputStream in) throws java.io.IOException {
        try (in) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
        }
    }

    /** N mails over LMTP on several connections at once, as a mail server delivers a queue. */
    private static void lmtp(GreenMail mail, int port, int count, int connections, String what) throws Exception {
        Session session = Session.getInstance(new Properties());
        List<String> requests = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            requests.add(new String(bytes(request(session, i)), StandardCharsets.ISO_8859_1));
        }
        java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicInteger refused = new java.util.concurrent.atomic.AtomicInteger();
        long cpu = processCpuNanos();
        ThreadCpu threads = ThreadCpu.now();
        long start = System.currentTimeMillis();
        List<Thread> clients = new ArrayList<>();
        for (int c = 0; c < connections; c++) {
            Thread client = new Thread(() -> {
                try (LmtpClient lmtp = LmtpClient.greeted(port)) {
                    for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                        List<String> replies = lmtp.deliver(requests.get(i), SUPPORT);
                        if (replies.size() != 1 || !replies.get(0).startsWith("250")) {
                            refused.incrementAndGet();
                        }
                    }
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            client.start();
            clients.add(client);
        }
        for (Thread client : clients) {
            client.join();
        }
        long delivered = System.currentTimeMillis();
        long last = awaitConfirmations(mail, count - refused.get(), 600).values().stream().mapToLong(Long::longValue).max()
                .orElseThrow();
        double seconds = (last - start) / 1000.0;
        System.out.printf(Locale.ROOT, "%s, %d connections: %d mails answered 250 in %.2f s (%.0f mails/s, %d not 250);"
                        + " all confirmations delivered after %.2f s: %.0f mails/s end to end; %s%n", what, connections, count,
                (delivered - start) / 1000.0, count / ((delivered - start) / 1000.0), refused.get(), seconds, count / seconds,
                cpuPerMail(cpu, count));
        System.out.println(ThreadCpu.now().since(threads));
    }

    /**
     * The floor under the LMTP burst: the same mails over the same LMTP connections to a bare LMTP
     * responder that answers 250 as soon as it has the data, and one thread sending a confirmation of
     * a typical size for each through Ticketpost's SMTP sender to GreenMail. No parsing, no checking,
     * no database, no files: what moving the mails alone costs in this process.
     */
    private static void transportAlone(GreenMail mail, int count, int connections, int warm) throws Exception {
        java.util.concurrent.BlockingQueue<String[]> received = new java.util.concurrent.LinkedBlockingQueue<>();
        try (java.net.ServerSocket server = new java.net.ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            Thread acceptor = new Thread(() -> bareLmtp(server, received), "bare-lmtp");
            acceptor.setDaemon(true);
            acceptor.start();
            org.ticketpost.mail.SmtpSender sender = new org.ticketpost.mail.SmtpSender(org.ticketpost.mail.SmtpSettings.parse(
                    "smtp://127.0.0.1:" + mail.getSmtp().getPort() + "?starttls=off", Optional.empty(), Optional.empty(),
                    java.time.Duration.ofSeconds(30)));
            String body = "Thank you for your request. ".repeat(23);   // as long as a confirmation's text
            Thread sending = new Thread(() -> {
                // one connection kept open, as the outbox sender keeps it
                try (org.ticketpost.reply.MailSender.Batch connection = sender.batch()) {
                    while (true) {
                        String[] request = received.take();
                        org.ticketpost.reply.Delivery delivery = connection.send(new org.ticketpost.reply.OutboundMail(
                                java.util.UUID.randomUUID() + "@ticketpost", SUPPORT, "Support", request[0], "", SUPPORT,
                                "Re: request", body, List.of(request[1]), List.of(request[1]), Optional.of("auto-replied"),
                                Optional.of("en"), java.time.Instant.now()));
                        if (!(delivery instanceof org.ticketpost.reply.Delivery.Accepted)) {
                            System.out.println("not sent: " + delivery);
                        }
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "bare-sender");
            sending.setDaemon(true);
            sending.start();
            int port = server.getLocalPort();
            if (warm > 0) {
                System.out.println("warm-up, not measured:");
                lmtp(mail, port, warm, connections, "transport alone");
                emptyCustomersInboxes(mail);
                System.out.println("measured:");
            }
            lmtp(mail, port, count, connections, "transport alone");
            // hangs up: the connection's write-timeout thread (Angus's) would keep the JVM alive
            sending.interrupt();
            sending.join();
        }
    }

    /** Answers every LMTP command with success and hands each mail's sender and Message-ID on; a thread per connection. */
    private static void bareLmtp(java.net.ServerSocket server, java.util.concurrent.BlockingQueue<String[]> received) {
        while (!server.isClosed()) {
            java.net.Socket socket;
            try {
                socket = server.accept();
            } catch (java.io.IOException e) {
                return;
            }
            Thread connection = new Thread(() -> {
                try (socket; java.io.BufferedReader in = new java.io.BufferedReader(new java.io.InputStreamReader(
                        socket.getInputStream(), StandardCharsets.ISO_8859_1), 65536);
                        java.io.Writer out = new java.io.OutputStreamWriter(socket.getOutputStream(), StandardCharsets.ISO_8859_1)) {
                    out.write("220 bare LMTP\r\n");
                    out.flush();
                    String from = "";
                    for (String line = in.readLine(); line != null; line = in.readLine()) {
                        String command = line.length() >= 4 ? line.substring(0, 4).toUpperCase(Locale.ROOT) : line;
                        if (command.equals("MAIL")) {
                            from = line.substring(line.indexOf('<') + 1, line.indexOf('>'));
                        }
                        if (command.equals("DATA")) {
                            out.write("354 go on\r\n");
                            out.flush();
                            String messageId = "";
                            for (String data = in.readLine(); data != null && !data.equals("."); data = in.readLine()) {
                                if (messageId.isEmpty() && data.regionMatches(true, 0, "Message-ID:", 0, 11)) {
                                    messageId = data.substring(data.indexOf('<') + 1, data.indexOf('>'));
                                } else if (data.regionMatches(true, 0, "From:", 0, 5) && data.indexOf('<') > 0) {
                                    from = data.substring(data.indexOf('<') + 1, data.indexOf('>'));   // answered as Ticketpost does
                                }
                            }
                            received.add(new String[] {from, messageId});
                        } else if (command.equals("QUIT")) {
                            out.write("221 bye\r\n");
                            out.flush();
                            return;
                        }
                        out.write(command.equals("LHLO") ? "250-bare\r\n250 PIPELINING\r\n" : "250 ok\r\n");
                        out.flush();
                    }
                } catch (java.io.IOException e) {
                    // the client went away
                }
            }, "bare-lmtp-connection");
            connection.setDaemon(true);
            connection.start();
        }
    }

    /**
     * N replies waiting in the outbox, as after the mail server was away, and the time the outbox
     * sender takes to deliver them all once it starts. The mails are taken in before the service
     * starts, so its sender finds all N due; in a fresh JVM.
     */
    private static void drain(Application application, GreenMail mail, int count, TestDatabase.Kind kind) throws Exception {
        Session session = Session.getInstance(new Properties());
        for (int i = 0; i < count; i++) {
            application.reception().deliver(new ByteArrayInputStream(bytes(request(session, i))));
        }
        long cpu = processCpuNanos();
        ThreadCpu threads = ThreadCpu.now();
        long start = System.currentTimeMillis();
        application.serve();
        long last = awaitConfirmations(mail, count, 600).values().stream().mapToLong(Long::longValue).max().orElseThrow();
        double seconds = (last - start) / 1000.0;
        System.out.printf(Locale.ROOT, "drain %s: %d replies waiting, all delivered %.2f s after the service started: %.0f mails/s; %s%n",
                kind, count, seconds, count / seconds, cpuPerMail(cpu, count));
        System.out.println(ThreadCpu.now().since(threads));
    }

    /** The CPU time this process (Ticketpost, GreenMail and the benchmark) has used so far, all threads. */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** The CPU time used since {@code since}, for each mail: steadier from run to run than the rate, which waits on the machine. */
    private static String cpuPerMail(long since, int mails) {
        return String.format(Locale.ROOT, "CPU %.1f ms per mail", (processCpuNanos() - since) / 1e6 / mails);
    }

    /** RATE mails a second for SECONDS: the time from each mail's arrival to its confirmation's. */
    private static void steady(GreenMail mail, GreenMailUser support, int rate, int seconds, TestDatabase.Kind kind,
            TestDatabase database) throws Exception {
        Session session = Session.getInstance(new Properties());
        Map<String, Long> placedAt = new ConcurrentHashMap<>();
        long start = System.nanoTime();
        int count = rate * seconds;
        for (int i = 0; i < count; i++) {
            long due = start + i * 1_000_000_000L / rate;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
            MimeMessage request = request(session, i);
            placedAt.put(request.getMessageID(), System.currentTimeMillis());
            support.deliver(request);
        }
        Map<String, Long> arrived;
        try {
            arrived = awaitConfirmations(mail, count, 120);
        } catch (IllegalStateException e) {
            arrived = confirmations(mail);
            System.out.printf("support INBOX holds %d mails; ledger: %s; folders: %s%n",
                    mail.getManagers().getImapHostManager().getInbox(support).getMessageCount(),
                    database.rows("select state, count(*), max(cast(uid as bigint)) from intake_ledger group by state"),
                    database.rows("select highest_uid, uid_validity from intake_mailbox"));
            for (String missing : placedAt.keySet()) {
                if (!arrived.containsKey(missing)) {
                    String id = missing.substring(1, missing.length() - 1);
                    System.out.printf("no confirmation for %s: messages %d, outbox %d, ledger %s%n", missing,
                            database.count("select count(*) from message where message_id = '" + id + "'"),
                            database.count("select count(*) from outbox o join message m on m.id = o.message_id"
                                    + " where m.in_reply_to like '%" + id + "%'"),
                            database.rows("select state, outcome, reason from intake_ledger").stream()
                                    .filter(row -> !"acknowledged".equals(row.get(0))).toList());
                }
            }
            throw e;
        }
        long[] latencies = arrived.entrySet().stream()
                .mapToLong(confirmation -> confirmation.getValue() - placedAt.get(confirmation.getKey()))
                .sorted().toArray();
        System.out.printf(Locale.ROOT, "steady %s: %d mails at %d/s; arrival to confirmation delivered: p50 %d ms, p99 %d ms,"
                        + " max %d ms%n", kind, count, rate, percentile(latencies, 50), percentile(latencies, 99),
                latencies[latencies.length - 1]);
    }

    /** RATE mails a second over LMTP, on several connections as a mail server has: each mail's delivery start to its confirmation's arrival. */
    private static void lmtpSteady(GreenMail mail, int port, int rate, int seconds, int connections, TestDatabase.Kind kind)
            throws Exception {
        Session session = Session.getInstance(new Properties());
        int count = rate * seconds;
        List<String> ids = new ArrayList<>();
        List<String> requests = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            MimeMessage request = request(session, i);
            ids.add(request.getMessageID());
            requests.add(new String(bytes(request), StandardCharsets.ISO_8859_1));
        }
        Map<String, Long> placedAt = new ConcurrentHashMap<>();
        java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
        long start = System.nanoTime();
        List<Thread> clients = new ArrayList<>();
        for (int c = 0; c < connections; c++) {
            Thread client = new Thread(() -> {
                try (LmtpClient lmtp = LmtpClient.greeted(port)) {
                    for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                        long wait = start + i * 1_000_000_000L / rate - System.nanoTime();
                        if (wait > 0) {
                            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                        }
                        placedAt.put(ids.get(i), System.currentTimeMillis());
                        lmtp.deliver(requests.get(i), SUPPORT);
                    }
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            client.start();
            clients.add(client);
        }
        for (Thread client : clients) {
            client.join();
        }
        Map<String, Long> arrived = awaitConfirmations(mail, count, 120);
        long[] latencies = arrived.entrySet().stream()
                .mapToLong(confirmation -> confirmation.getValue() - placedAt.get(confirmation.getKey()))
                .sorted().toArray();
        System.out.printf(Locale.ROOT, "lmtp-steady %s, %d connections: %d mails at %d/s; delivery start to confirmation"
                        + " delivered: p50 %d ms, p99 %d ms, max %d ms%n", kind, connections, count, rate,
                percentile(latencies, 50), percentile(latencies, 99), latencies[latencies.length - 1]);
    }

    /** Polls rarely: the arrival times come from the mail server, not from when they were seen. */
    private static Map<String, Long> awaitConfirmations(GreenMail mail, int count, int seconds) throws Exception {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        while (true) {
            // counting is cheap; reading the mails' headers, for their arrival, is done once, when all are in
            long delivered = customersMails(mail);
            if (delivered >= count) {
                Map<String, Long> arrived = confirmations(mail);
                if (arrived.size() >= count) {
                    return arrived;
                }
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(delivered + " of " + count + " confirmations arrived within " + seconds + " s");
            }
            Thread.sleep(500);
        }
    }

    /** The mails in the customers' mailboxes, counted without reading them. */
    private static long customersMails(GreenMail mail) throws Exception {
        long mails = 0;
        for (GreenMailUser user : mail.getUserManager().listUser()) {
            if (!SUPPORT.equals(user.getEmail())) {
                mails += mail.getManagers().getImapHostManager().getInbox(user).getMessageCount();
            }
        }
        return mails;
    }

    /** Each confirmation's arrival time in its customer's mailbox, by the Message-ID of the request it answers. */
    private static Map<String, Long> confirmations(GreenMail mail) throws Exception {
        Map<String, Long> arrived = new HashMap<>();
        for (MimeMessage received : mail.getReceivedMessages()) {
            String[] inReplyTo = received.getHeader("In-Reply-To");
            if (inReplyTo != null && received.getReceivedDate() != null) {
                arrived.put(inReplyTo[0], received.getReceivedDate().getTime());
            }
        }
        return arrived;
    }

    private static MimeMessage request(Session session, int number) throws Exception {
        String text = new String(GeneratedMails.typicalRequest(number), StandardCharsets.UTF_8)
                .replace("jane.doe@example.com", "user" + (number % 500) + "@example.com")
                .replace("support@ticketpost.example", SUPPORT)
                .replace("<bench-" + number + "@", "<bench-" + number + "-" + System.nanoTime() + "@");
        return new MimeMessage(session, new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** The mail as it goes over the wire. */
    private static byte[] bytes(MimeMessage mail) throws Exception {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        mail.writeTo(bytes);
        return bytes.toByteArray();
    }

    private static long percentile(long[] sorted, int percent) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(percent / 100.0 * sorted.length) - 1)];
    }

    private static int count(String[] args, int index, int otherwise) {
        return args.length > index && args[index].matches("\\d+") ? Integer.parseInt(args[index]) : otherwise;
    }
}
