package org.ticketpost.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ticketpost.mail.SmtpSender;
import org.ticketpost.mail.SmtpSettings;
import org.ticketpost.reply.OutboxDispatcher;
import org.ticketpost.reply.OutboxPolicy;
import org.ticketpost.testing.Cli;
import org.ticketpost.testing.Mails;
import org.ticketpost.testing.Ports;
import org.ticketpost.testing.RefusingGreenMail;
import org.ticketpost.testing.TestApp;
import org.ticketpost.testing.TestClock;
import org.ticketpost.testing.TestDatabase;
import org.ticketpost.ticket.OutboxEntry;
import org.ticketpost.ticket.TicketNumber;

/**
 * ticketpost outbox list and retry, run in this JVM on an outbox that GreenMail, as the mail
 * server, left with a reply sent, one refused for good, one bounced, and one waiting for a
 * server that is down.
 */
class OutboxCommandIT {

    private static final Instant START = Instant.parse("2026-11-16T08:15:00Z");
    private static final String REFUSAL = "550 5.1.1 <bob@example.com>: Recipient address rejected: User unknown";

    @TempDir
    Path folder;

    private final TestClock clock = new TestClock(START);
    private final RefusingGreenMail greenMail = new RefusingGreenMail(ServerSetupTest.SMTP.dynamicPort());

    /** The outbox entry of each customer's confirmation. */
    private record Outbox(Map<String, String> env, long sent, long refused, long bounced, long waiting, TicketNumber refusedTicket) {
    }

    @BeforeEach
    void startMailServer() {
        greenMail.refuse("bob@example.com", REFUSAL);
        greenMail.start();
    }

    @AfterEach
    void stopMailServer() {
        greenMail.stop();
    }

    private static String request(String from) {
        return Mails.load("intake/request.eml", Map.of("from", from, "fromName", "", "subject", "Calendar invitations",
                "messageId", from.replace('@', '.') + "@mail.example.com", "key", TestApp.KEY, "severity", "2"));
    }

    private OutboxDispatcher dispatcher(TestApp app, int port) {
        return new OutboxDispatcher(app.application().database(), new SmtpSender(SmtpSettings.parse(
                "smtp://127.0.0.1:" + port + "?starttls=off", Optional.empty(), Optional.empty(), Duration.ofSeconds(10))),
                clock, OutboxPolicy.DEFAULT);
    }

    private static long entryTo(TestApp app, String recipient) {
        return app.read(stores -> stores.outbox().waiting(100).stream().filter(entry -> entry.recipient().equals(recipient))
                .findFirst().map(OutboxEntry::id).orElseThrow());
    }

    private Outbox outbox(TestDatabase database) throws Exception {
        try (TestApp app = TestApp.start(database, folder, clock)) {
            app.addKey();
            app.receive(request("jane@example.com"));
            TicketNumber refusedTicket = app.receive(request("bob@example.com")).ticket().orElseThrow();
            app.receive(request("carol@example.com"));
            long sent = entryTo(app, "jane@example.com");
            long refused = entryTo(app, "bob@example.com");
            long bounced = entryTo(app, "carol@example.com");
            dispatcher(app, greenMail.getSmtp().getPort()).sendDue();
            clock.advance(Duration.ofMinutes(5));
            String returnPath = app.read(stores -> stores.outbox().find(bounced).orElseThrow().returnPath().orElseThrow());
            app.receive(Mails.load("bounce/postfix-failed.eml", Map.of("returnPath", returnPath, "recipient", "carol@example.com",
                    "messageId", "unknown@mail.example.com", "subject", "Calendar invitations")));
            clock.advance(Duration.ofMinutes(5));
            app.receive(request("dave@example.com"));
            long waiting = entryTo(app, "dave@example.com");
            dispatcher(app, Ports.free()).sendDue();
            return new Outbox(app.env(), sent, refused, bounced, waiting, refusedTicket);
        }
    }

    @Test
    void listsWhatWaitsThenWhatFailedOrBouncedAndWhy() throws Exception {
        try (TestDatabase database = TestDatabase.create(TestDatabase.Kind.H2, folder)) {
            Outbox outbox = outbox(database);

            Cli.Run all = Cli.run(outbox.env(), "outbox", "list", "--json");
            Cli.Run failed = Cli.run(outbox.env(), "outbox", "list", "--failed", "--json");
            Cli.Run table = Cli.run(outbox.env(), "outbox", "list");

            assertThat(all.exitCode()).isZero();
            JsonNode entries = new ObjectMapper().readTree(all.out());
            assertThat(entries).extracting(entry -> entry.get("id").asLong())
                    .containsExactly(outbox.waiting(), outbox.bounced(), outbox.refused());
            JsonNode waiting = entries.get(0);
            assertThat(waiting.get("state").asText()).isEqualTo("waiting");
            assertThat(waiting.get("kind").asText()).isEqualTo("confirmation");
            assertThat(waiting.get("recipient").asText()).isEqualTo("dave@example.com");
            assertThat(waiting.get("attempts").asInt()).isEqualTo(1);
            assertThat(waiting.get("nextAttempt").asText()).isEqualTo("2026-11-16T08:26:00Z");
            assertThat(waiting.get("reason").asText()).contains("Connection refused");
            assertThat(waiting.get("ticket").asText()).matches("\\d+");
            JsonNode bounced = entries.get(1);
            assertThat(bounced.get("state").asText()).isEqualTo("bounced");
            assertThat(bounced.get("since").asText()).isEqualTo("2026-11-16T08:20:00Z");
            assertThat(bounced.get("reason").asText()).startsWith("550 5.1.1 <carol@example.com>: Recipient address rejected");
            assertThat(bounced.get("nextAttempt").isNull()).isTrue();
            JsonNode refused = entries.get(2);
            assertThat(refused.get("state").asText()).isEqualTo("failed");
            assertThat(refused.get("ticket").asText()).isEqualTo(outbox.refusedTicket().digits());
            assertThat(refused.get("reason").asText()).endsWith(REFUSAL);
            assertThat(new ObjectMapper().readTree(failed.out())).extracting(entry -> entry.get("id").asLong())
                    .containsExactly(outbox.bounced(), outbox.refused());
            assertThat(table.out().lines().toList()).hasSize(4).first().asString()
                    .startsWith("ID").contains("STATE").contains("ATTEMPTS").contains("RECIPIENT").contains("REASON");
            assertThat(table.out()).contains("bob@example.com").contains(REFUSAL).doesNotContain("jane@example.com");
        }
    }

    @Test
    void retryMakesAFailedOrBouncedReplyDueAgainAndSaysSoOnItsTicket() throws Exception {
        try (TestDatabase database = TestDatabase.create(TestDatabase.Kind.H2, folder)) {
            Outbox outbox = outbox(database);

            Cli.Run retried = Cli.run(outbox.env(), "outbox", "retry", Long.toString(outbox.refused()));
            Cli.Run bounced = Cli.run(outbox.env(), "outbox", "retry", Long.toString(outbox.bounced()));

            assertThat(retried.exitCode()).isZero();
            assertThat(retried.out()).isEqualTo("outbox entry " + outbox.refused() + ", the confirmation to bob@example.com about "
                    + "ticket " + outbox.refusedTicket() + ", is due again now\n");
            assertThat(bounced.exitCode()).isZero();
            assertThat(database.rows("select attempts, sent_at, failed_at, bounced_at from outbox where id in ("
                    + outbox.refused() + ", " + outbox.bounced() + ")")).containsOnly(Arrays.asList("0", null, null, null));
            assertThat(database.rows("select e.kind, e.actor, e.note from ticket_event e join ticket t on e.ticket_id = t.id "
                    + "where t.number = '" + outbox.refusedTicket().digits() + "' and e.kind = 'REPLY_RETRIED'"))
                    .containsExactly(List.of("REPLY_RETRIED", System.getProperty("user.name"),
                            "confirmation to bob@example.com is sent again"));
            greenMail.accept("bob@example.com");
            clock.advance(Duration.between(clock.instant(), Instant.now()));   // the command ran on the system's clock
            try (TestApp app = TestApp.start(database, folder, clock)) {
                assertThat(dispatcher(app, greenMail.getSmtp().getPort()).sendDue().sent()).as("dave's, due since, and both")
                        .isEqualTo(3);
            }
            assertThat(greenMail.getReceivedMessages()).extracting(message -> message.getAllRecipients()[0].toString())
                    .containsExactlyInAnyOrder("jane@example.com", "carol@example.com", "dave@example.com", "bob@example.com",
                            "carol@example.com");
        }
    }

    @Test
    void retryRefusesAnUnknownASentOrAWaitingEntrySayingWhy() throws Exception {
        try (TestDatabase database = TestDatabase.create(TestDatabase.Kind.H2, folder)) {
            Outbox outbox = outbox(database);

            Cli.Run unknown = Cli.run(outbox.env(), "outbox", "retry", "999999");
            Cli.Run sent = Cli.run(outbox.env(), "outbox", "retry", Long.toString(outbox.sent()));
            Cli.Run waiting = Cli.run(outbox.env(), "outbox", "retry", Long.toString(outbox.waiting()));
            Cli.Run noNumber = Cli.run(outbox.env(), "outbox", "retry", "bob");

            assertThat(unknown.exitCode()).isEqualTo(1);
            assertThat(unknown.err()).endsWith("ticketpost outbox: there is no outbox entry 999999\n");
            assertThat(sent.exitCode()).isEqualTo(1);
            assertThat(sent.err()).endsWith("ticketpost outbox: outbox entry " + outbox.sent() + " was sent at 2026-11-16T08:15:00Z"
                    + " and did not bounce: sending it again would send it twice\n");
            assertThat(waiting.exitCode()).isEqualTo(1);
            assertThat(waiting.err()).endsWith("ticketpost outbox: outbox entry " + outbox.waiting() + " is still waiting: it is"
                    + " tried again at 2026-11-16T08:26:00Z (retry is for failed and bounced entries)\n");
            assertThat(noNumber.exitCode()).isEqualTo(64);
            assertThat(database.count("select count(*) from outbox where attempts = 0")).as("nothing changed").isZero();
        }
    }

    @Test
    void withoutADatabaseThereIsNothingToListAndNoneIsCreated() {
        Path file = folder.resolve("ticketpost.mv.db");
        try (TestDatabase database = TestDatabase.create(TestDatabase.Kind.H2, folder)) {
            Cli.Run list = Cli.run(database.env(), "outbox", "list");

            assertThat(list.exitCode()).isEqualTo(1);
            assertThat(list.err()).isEqualTo("ticketpost outbox: no database at " + file + " yet: nothing has been taken in\n");
            assertThat(file).doesNotExist();
        }
    }

    @Test
    void helpListsTheExitCodes() {
        assertThat(Cli.run("outbox", "retry", "--help").out()).contains("Exit codes:")
                .containsPattern("(?m)^ +0 +done").containsPattern("(?m)^ +1 +refused")
                .containsPattern("(?m)^ +64 +called wrongly").containsPattern("(?m)^ +75 ");
    }
}
