package org.ticketpost.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Flags;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.ticketpost.testing.Await;
import org.ticketpost.testing.Mails;
import org.ticketpost.testing.SupportMailbox;
import org.ticketpost.testing.TestApp;
import org.ticketpost.testing.TestDatabase;

/**
 * Two serve processes on one PostgreSQL database, reading one mailbox and sending through one
 * mail server, as an operator runs them for availability: they share nothing else (each its own
 * application, connection pool and file store). Mails arrive while both run, and customers answer
 * their confirmations, so that both readers race for the same mails.
 *
 * <p>Each way of acknowledging: GreenMail numbers the mails of a folder alike for every session,
 * so a mail that one reader moves or deletes renumbers the others' mails under the other reader at
 * once; the readers name mails by UID alone, never by number.
 */
class TwoServesIT {

    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP));

    private static final int REQUESTS = 200;
    private static final int REPLIES = 50;

    @TempDir
    Path folder;

    @ParameterizedTest
    @ValueSource(strings = {"seen", "move", "delete"})
    void eachMailMakesOneTicketAndEachConfirmationIsSentOnce(String acknowledge) throws Exception {
        SupportMailbox mailbox = new SupportMailbox(MAIL);
        Map<String, String> settings = new HashMap<>(mailbox.imap("INBOX"));
        settings.put("TICKETPOST_MAILBOX_ACKNOWLEDGE", acknowledge);
        try (TestDatabase database = TestDatabase.create(TestDatabase.Kind.POSTGRESQL, folder);
                TestApp first = TestApp.start(database, folder.resolve("first"), Clock.systemUTC(), settings);
                TestApp second = TestApp.start(database, folder.resolve("second"), Clock.systemUTC(), settings)) {
            first.addKey();
            first.application().serve();
            second.application().serve();

            for (int i = 0; i < REQUESTS; i++) {
                mailbox.place("INBOX", request(i), new Flags(), Instant.now());
            }
            for (int i = 0; i < REPLIES; i++) {
                String customer = customer(i);
                Await.until("the confirmation to " + customer, Duration.ofSeconds(60), () -> !mailbox.receivedBy(customer).isEmpty());
                mailbox.place("INBOX", reply(i, mailbox.receivedBy(customer).get(0)), new Flags(), Instant.now());
            }
            Await.until("every mail acknowledged", Duration.ofSeconds(90),
                    () -> database.count("select count(*) from intake_ledger where state = 'acknowledged'") == REQUESTS + REPLIES);
            Await.until("every confirmation sent", Duration.ofSeconds(60),
                    () -> database.count("select count(*) from outbox where sent_at is null") == 0);
            Thread.sleep(1500);   // a second copy of a confirmation would have had time to arrive

            assertThat(database.count("select count(*) from ticket")).isEqualTo(REQUESTS);
            assertThat(database.count("select count(*) from message where outcome = 'FOLLOWUP'")).isEqualTo(REPLIES);
            assertThat(database.rows("select outcome, count(*) from intake_ledger group by outcome order by outcome"))
                    .containsExactly(List.of("followup", Integer.toString(REPLIES)), List.of("ticket", Integer.toString(REQUESTS)));
            assertThat(IntStream.range(0, REQUESTS).mapToObj(TwoServesIT::customer))
                    .allSatisfy(customer -> assertThat(mailbox.receivedBy(customer)).as("mails to " + customer).hasSize(1));
            assertThat(keptMails(folder.resolve("first"))).as("mails read by the first serve").isPositive();
            assertThat(keptMails(folder.resolve("second"))).as("mails read by the second serve").isPositive();
            assertThat(keptMails(folder.resolve("first")) + keptMails(folder.resolve("second"))).as("mails read, in all")
                    .isEqualTo(REQUESTS + REPLIES);
            switch (acknowledge) {
                case "seen" -> assertThat(mailbox.folder("INBOX").getMessages()).hasSize(REQUESTS + REPLIES)
                        .allSatisfy(stored -> assertThat(stored.getFlags().contains(Flags.Flag.SEEN)).isTrue());
                case "move" -> {
                    assertThat(mailbox.folder("INBOX").getMessages()).isEmpty();
                    assertThat(mailbox.folder("Ticketpost-Done").getMessages()).hasSize(REQUESTS + REPLIES);
                }
                default -> assertThat(mailbox.folder("INBOX").getMessages()).isEmpty();
            }
        }
    }

    private static String customer(int i) {
        return "customer-" + i + "@example.com";
    }

    private static String request(int i) {
        return Mails.load("intake/request.eml", Map.of("from", customer(i), "fromName", "Customer " + i,
                "subject", "Calendar invitations " + i, "messageId", "request-" + i + "@mail.example.com", "key", TestApp.KEY,
                "severity", "2"));
    }

    private static String reply(int i, MimeMessage confirmation) throws Exception {
        return Mails.load("intake/reply.eml", Map.of("from", customer(i), "fromName", "Customer " + i,
                "subject", "Re: " + confirmation.getSubject(), "messageId", "reply-" + i + "@mail.example.com",
                "inReplyTo", confirmation.getMessageID(), "references", confirmation.getMessageID()));
    }

    /** The mails a serve read and kept in its file store, as it read them. */
    private static long keptMails(Path home) {
        Path files = home.resolve("files");
        try (Stream<Path> all = Files.walk(files)) {
            return all.filter(Files::isRegularFile).filter(path -> !path.startsWith(files.resolve("incoming"))).count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
