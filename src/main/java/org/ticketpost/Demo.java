package org.ticketpost;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URLEncoder;
import java.security.SecureRandom;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ticketpost.cli.DemoCommand;
import org.ticketpost.desk.Engineers;
import org.ticketpost.desk.KeyRegistry;
import org.ticketpost.desk.Refused;
import org.ticketpost.desk.TicketDetails;
import org.ticketpost.mail.DemoMailServer;
import org.ticketpost.mail.DemoMailServer.ReceivedMail;
import org.ticketpost.store.DatabaseSettings;
import org.ticketpost.ticket.Message;
import org.ticketpost.ticket.TicketNumber;

/**
 * `ticketpost demo`: the whole flow on one machine, with nothing to set up. An embedded mail
 * server holds the support mailbox and a customer's; Ticketpost serves them as it would serve
 * an organisation's, on its own embedded database; a sample customer writes in, gets the
 * confirmation, and replies onto the ticket. Then it keeps running for a person's own mails.
 */
public final class Demo implements DemoCommand.Run {

    static final String SUPPORT = "support@example.com";
    static final String CUSTOMER = "jane.doe@example.com";
    static final String PASSWORD = "demo";
    static final String SAMPLE_KEY = "OXSK-7Q4M-2KD9-X1PZ";
    static final String ENGINEER = "demo";
    /** No 0/O or 1/l/I: a password read off a terminal is typed without guessing. */
    private static final String PASSWORD_LETTERS = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private final DemoMailServer mail;
    private final Application application;
    private final Path data;
    private final PrintWriter out;
    private final byte[] sampleRequest;
    private final String jar;
    private final String httpPort;
    private final String engineerPassword;

    private Demo(DemoMailServer mail, Application application, Path data, PrintWriter out, byte[] sampleRequest, String jar,
            String httpPort, String engineerPassword) {
        this.engineerPassword = engineerPassword;
        this.sampleRequest = sampleRequest;
        this.jar = jar;
        this.httpPort = httpPort;
        this.mail = mail;
        this.application = application;
        this.data = data;
        this.out = out;
    }

    /**
     * Starts the mail server and Ticketpost serving it.
     *
     * @param env the environment the command was started in: the demo's own settings win over it
     * @param data the folder for the demo's database and files
     */
    public static Demo start(Map<String, String> env, Clock clock, Path data, PrintWriter out, byte[] sampleRequest, String jar) {
        DemoMailServer mail = DemoMailServer.start(PASSWORD, List.of(SUPPORT, CUSTOMER));
        try {
            Map<String, String> demoEnv = demoEnvironment(env, mail, data);
            Application application = Application.configure(demoEnv, clock);
            try {
                registerSampleKey(application.keys());
                application.serve();
                String password = signInForTheDemoEngineer(application.engineers());
                Demo demo = new Demo(mail, application, data, out, sampleRequest, jar, demoEnv.get("TICKETPOST_HTTP_PORT"), password);
                demo.showPage();
                return demo;
            } catch (RuntimeException e) {
                application.close();
                throw e;
            }
        } catch (RuntimeException e) {
            mail.close();
            throw e;
        }
    }

    private static Map<String, String> demoEnvironment(Map<String, String> env, DemoMailServer mail, Path data) {
        Map<String, String> demo = new HashMap<>(env);
        String user = URLEncoder.encode(SUPPORT, StandardCharsets.UTF_8);
        demo.put("TICKETPOST_DB_URL", DatabaseSettings.embeddedAt(data.resolve("ticketpost").toString()));
        demo.put("TICKETPOST_DB_USER", "sa");
        demo.put("TICKETPOST_DB_PASSWORD", "");
        demo.put("TICKETPOST_STORAGE_DIR", data.resolve("files").toString());
        demo.put("TICKETPOST_MAIL_ADDRESS", SUPPORT);
        demo.put("TICKETPOST_SMTP_URL", "smtp://" + mail.host() + ":" + mail.smtpPort() + "?starttls=off");
        demo.put("TICKETPOST_SMTP_USER", "");
        demo.put("TICKETPOST_SMTP_PASSWORD", "");
        demo.put("TICKETPOST_MAILBOX_URL", "imap://" + user + "@" + mail.host() + ":" + mail.imapPort() + "/INBOX?starttls=off");
        demo.put("TICKETPOST_MAILBOX_PASSWORD", mail.password());
        demo.put("TICKETPOST_HTTP_PORT", Integer.toString(freePort()));
        return demo;
    }

    /** A port free now, so that the demo starts beside whatever else listens on this machine. */
    private static int freePort() {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return probe.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void registerSampleKey(KeyRegistry keys) {
        try {
            keys.show(SAMPLE_KEY);
        } catch (Refused unknown) {
            try {
                keys.add(new KeyRegistry.NewKey(SAMPLE_KEY, "Example Corp", "advanced", List.of("example.com"), Optional.empty()));
            } catch (Refused e) {
                throw new IllegalStateException("the demo's support key cannot be registered: " + e.getMessage(), e);
            }
        }
    }

    /** The demo engineer, with a new password each run: the page is on this machine's loopback, yet no password is known beforehand. */
    private static String signInForTheDemoEngineer(Engineers engineers) {
        SecureRandom random = new SecureRandom();
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            password.append(PASSWORD_LETTERS.charAt(random.nextInt(PASSWORD_LETTERS.length())));
        }
        try {
            if (engineers.list().stream().noneMatch(engineer -> engineer.name().equals(ENGINEER))) {
                engineers.add(new Engineers.NewEngineer(ENGINEER, "demo@example.com", false));
            }
            engineers.setPassword(ENGINEER, password.toString().toCharArray());
        } catch (Refused e) {
            throw new IllegalStateException("the demo engineer cannot be set up: " + e.getMessage(), e);
        }
        return password.toString();
    }

    private String pageUrl() {
        return "http://127.0.0.1:" + httpPort + "/";
    }

    /** Where engineers work the tickets, and the login for it. */
    private void showPage() {
        out.printf("%nThe engineers' page: %s  (sign in as '%s' with the password '%s')%n", pageUrl(), ENGINEER, engineerPassword);
        out.flush();
    }

    /**
     * The sample customer writes in with the sample request, and replies to the confirmation.
     *
     * @return whether both went as they should
     */
    @Override
    public boolean playSample() throws InterruptedException {
        out.printf("%n%s writes to %s with the sample support request …%n", CUSTOMER, SUPPORT);
        mail.send(sampleRequest, CUSTOMER, SUPPORT);
        Optional<ReceivedMail> confirmation = mail.await(CUSTOMER, received -> true, PATIENCE);
        if (confirmation.isEmpty()) {
            out.printf("No reply reached %s within %d s: see the log above.%n", CUSTOMER, PATIENCE.toSeconds());
            return false;
        }
        out.printf("%nThe confirmation arrived in %s's mailbox:%n%n", CUSTOMER);
        show(confirmation.get());
        Optional<String> number = application.ticketTag().find(confirmation.get().subject()).map(TicketNumber::toString);
        if (number.isEmpty()) {
            out.println("The reply carries no ticket number.");
            return false;
        }
        out.printf("%n%s replies to it …%n", CUSTOMER);
        mail.reply(confirmation.get(), CUSTOMER, SUPPORT, "Thank you. The problem also happens with invitations to groups.");
        return awaitSecondMail(number.get());
    }

    private boolean awaitSecondMail(String number) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                TicketDetails ticket = application.tickets().show(number);
                if (ticket.messages().stream().filter(message -> message.direction() == Message.Direction.IN).count() >= 2) {
                    out.printf("%nThe reply landed on ticket %s, which now holds %d mails:%n", number, ticket.messages().size());
                    ticket.messages().forEach(message -> out.printf("  %-8s %s%n", message.direction() == Message.Direction.IN ? "from" : "to",
                            message.direction() == Message.Direction.IN ? message.from().orElse("?") + "  " + message.subject()
                                    : String.join(", ", message.to()) + "  " + message.subject()));
                    return true;
                }
            } catch (Refused notYet) {
                // the ticket is there once its confirmation is: only the reply can be missing
            }
            Thread.sleep(100);
        }
        out.printf("The reply did not reach ticket %s within %d s: see the log above.%n", number, PATIENCE.toSeconds());
        return false;
    }

    private void show(ReceivedMail received) {
        out.println("  Subject: " + received.subject());
        out.println();
        received.text().lines().forEach(line -> out.println("  " + line));
    }

    /** What a person needs to send their own mails with any mail program. */
    @Override
    public void showAddresses() {
        out.printf("""

                Ticketpost is serving the demo mail server. Write your own support mails with any mail program:
                  SMTP  %1$s port %2$d, no encryption, no login
                  IMAP  %1$s port %3$d, no encryption; log in as %4$s or %5$s with the password '%6$s'
                Mail to %4$s from an address at example.com; read the answers in that address's mailbox
                (any address there has one, with the same password).
                The demo's database and files are in %7$s. The tickets, while the demo runs:
                  TICKETPOST_DB_URL='%8$s' java -jar %9$s tickets list
                The service's health and metrics: http://127.0.0.1:%10$s/health and /metrics
                The engineers' page: %11$s  (sign in as '%12$s' with the password '%13$s')
                Stop with Ctrl-C.
                """, mail.host(), mail.smtpPort(), mail.imapPort(), SUPPORT, CUSTOMER, PASSWORD, data,
                DatabaseSettings.embeddedAt(data.resolve("ticketpost").toString()), jar, httpPort, pageUrl(), ENGINEER,
                engineerPassword);
        out.flush();
    }

    @Override
    public void close() {
        try {
            application.close();
        } finally {
            mail.close();
        }
    }
}
