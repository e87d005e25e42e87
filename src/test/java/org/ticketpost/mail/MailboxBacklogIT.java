package org.ticketpost.mail;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Flags;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import org.ticketpost.testing.Await;
import org.ticketpost.testing.Mails;
import org.ticketpost.testing.SupportMailbox;
import org.ticketpost.testing.TestApp;
import org.ticketpost.testing.TestDatabase;

/**
 * serve started on a mailbox where a hundred mails wait, most older than mailbox.backlog-age:
 * each gets its outcome, the old ones without replies, the young ones answered once each, and
 * what is no mail goes to the error folder. (The same with 10,000 mails is a benchmark:
 * {@code org.ticketpost.bench.BacklogBenchmark}.)
 */
class MailboxBacklogIT {

    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP));

    private static final int OLD = 80;
    private static final int YOUNG = 24;

    @TempDir
    Path folder;

    private final Logger readerLog = (Logger) LoggerFactory.getLogger(MailboxReader.class);

    /** Every fourth mail has a severity the template does not know: a rejection, or in the backlog nothing. */
    static String mail(int i) {
        String request = Mails.load("intake/request.eml", Map.of("from", customer(i), "fromName", "Customer " + i,
                "subject", "Calendar invitations " + i, "messageId", "waiting-" + i + "@mail.example.com", "key", TestApp.KEY,
                "severity", "2"));
        return i % 4 == 3 ? request.replace("Severity: 2", "Severity: urgent") : request;
    }

    static String customer(int i) {
        return "customer-" + i + "@example.com";
    }

    @Test
    void eachWaitingMailGetsItsOutcomeAndOnlyTheYoungOnesAreAnswered() throws Exception {
        SupportMailbox mailbox = new SupportMailbox(MAIL);
        Instant now = Instant.now();
        for (int i = 0; i < OLD + YOUNG; i++) {
            Instant arrived = i < OLD ? now.minus(Duration.ofDays(3)).plusSeconds(i) : now.minus(Duration.ofMinutes(OLD + YOUNG - i));
            mailbox.place("INBOX", mail(i), new Flags(), arrived);
        }
        mailbox.place("INBOX", "just some notes\nwithout any header\n", new Flags(), now.minus(Duration.ofDays(3)));
        Map<String, String> settings = new HashMap<>(mailbox.imap("INBOX"));
        settings.put("TICKETPOST_MAILBOX_BACKLOG_AGE", "P1D");
        settings.put("TICKETPOST_MAILBOX_ACKNOWLEDGE", "delete");   // GreenMail walks the folder at each command: keep it short
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        readerLog.addAppender(log);
        try (TestDatabase database = TestDatabase.create(TestDatabase.Kind.H2, folder);
                TestApp app = TestApp.start(database, folder, Clock.systemUTC(), settings)) {
            app.addKey();
            app.application().serve();

            Await.until("every mail finished", Duration.ofSeconds(90),
                    () -> database.count("select count(*) from intake_ledger where state in ('acknowledged', 'failed')") == OLD + YOUNG + 1);
            Await.until("every reply sent", Duration.ofSeconds(60),
                    () -> database.count("select count(*) from outbox where sent_at is null") == 0);
            Thread.sleep(1000);   // a second copy of a reply would have had time to arrive

            assertThat(database.rows("select backlog, outcome, count(*) from intake_ledger group by backlog, outcome order by 1, 2"))
                    .containsExactly(List.of("FALSE", "rejected", Integer.toString(YOUNG / 4)),
                            List.of("FALSE", "ticket", Integer.toString(YOUNG * 3 / 4)),
                            Arrays.asList("FALSE", null, "1"),   // no mail: failed, never taken in
                            List.of("TRUE", "rejected", Integer.toString(OLD / 4)),
                            List.of("TRUE", "ticket", Integer.toString(OLD * 3 / 4)));
            assertThat(database.count("select count(*) from ticket")).isEqualTo((OLD + YOUNG) * 3 / 4);
            assertThat(database.count("select count(*) from ticket_event where kind = 'REPLY_WITHHELD'")).isEqualTo(OLD * 3 / 4);
            assertThat(IntStream.range(0, OLD).mapToObj(MailboxBacklogIT::customer))
                    .allSatisfy(customer -> assertThat(mailbox.receivedBy(customer)).as("mails to " + customer).isEmpty());
            assertThat(IntStream.range(OLD, OLD + YOUNG).mapToObj(MailboxBacklogIT::customer))
                    .allSatisfy(customer -> assertThat(mailbox.receivedBy(customer)).as("mails to " + customer).hasSize(1));
            assertThat(mailbox.folder("INBOX").getMessageCount()).isZero();
            assertThat(mailbox.folder("Ticketpost-Errors").getMessageCount()).isEqualTo(1);
            List<String> lines = log.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
            assertThat(lines).anyMatch(line -> line.contains(": " + (OLD + YOUNG + 1) + " mail(s) in INBOX"));
            assertThat(lines).anyMatch(line -> line.contains("is read for the first time: mail that arrived before "));
            assertThat(lines).filteredOn(line -> line.startsWith("backlog mail UID ")).hasSize(OLD);
        } finally {
            readerLog.detachAppender(log);
        }
    }
}
