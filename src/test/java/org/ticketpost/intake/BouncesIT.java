package org.ticketpost.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.ticketpost.mail.SmtpSender;
import org.ticketpost.mail.SmtpSettings;
import org.ticketpost.reply.OutboxDispatcher;
import org.ticketpost.reply.OutboxPolicy;
import org.ticketpost.testing.Mails;
import org.ticketpost.testing.TestApp;
import org.ticketpost.testing.TestClock;
import org.ticketpost.testing.TestDatabase;
import org.ticketpost.ticket.OutboxEntry;
import org.ticketpost.ticket.TicketNumber;

/**
 * Bounces of the mails Ticketpost sent, as the customer's mail server returns them: a confirmation
 * goes through GreenMail, and the bounce written about what GreenMail received (its return path,
 * its Message-ID) is delivered as any mail is. What it marks, what it records, and what a bounce
 * that names no mail of Ticketpost's, or names one without knowing it, can do.
 */
class BouncesIT {

    @RegisterExtension
    static final GreenMailExtension GREENMAIL = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    private static final Instant START = Instant.parse("2026-11-16T08:15:00Z");
    private static final Instant FAR_FUTURE = Instant.parse("2100-01-01T00:00:00Z");
    private static final String REFUSAL = "550 5.1.1 <jane@example.com>: Recipient address rejected: User unknown in local "
            + "recipient table";

    @TempDir
    Path folder;

    private final TestClock clock = new TestClock(START);

    private void on(TestDatabase.Kind kind, TestApp.Scenario scenario) throws Exception {
        TestApp.on(kind, folder, clock, scenario);
    }

    /** A confirmation as the customer's mail server received it. */
    private record Sent(TicketNumber ticket, long entry, String returnPath, String messageId) {
    }

    private Sent confirmationSent(TestApp app) throws Exception {
        TicketNumber number = app.receive(Mails.load("intake/request.eml", Map.of("from", "jane@example.com", "fromName",
                "Jane Doe", "subject", "Calendar invitations are not delivered", "messageId", "req-" + System.nanoTime()
                        + "@mail.example.com", "key", TestApp.KEY, "severity", "2"))).ticket().orElseThrow();
        long id = app.read(stores -> stores.outbox().due(FAR_FUTURE, 10)).get(0).id();
        assertThat(dispatcher(app).sendDue().sent()).isEqualTo(1);
        MimeMessage received = GREENMAIL.getReceivedMessages()[GREENMAIL.getReceivedMessages().length - 1];
        return new Sent(number, id, withoutBrackets(received.getHeader("Return-Path", null)),
                withoutBrackets(received.getMessageID()));
    }

    private OutboxDispatcher dispatcher(TestApp app) {
        return new OutboxDispatcher(app.application().database(), new SmtpSender(SmtpSettings.parse(
                "smtp://127.0.0.1:" + GREENMAIL.getSmtp().getPort() + "?starttls=off", Optional.empty(), Optional.empty(),
                Duration.ofSeconds(10))), clock, OutboxPolicy.DEFAULT);
    }

    private static String bounce(String fixture, String deliveredTo, String messageId) {
        return Mails.load("bounce/" + fixture, Map.of("returnPath", deliveredTo, "recipient", "jane@example.com",
                "messageId", messageId, "subject", "[Ticket#100009] Calendar invitations are not delivered"));
    }

    private static OutboxEntry entry(TestApp app, long id) {
        return app.read(stores -> stores.outbox().find(id).orElseThrow());
    }

    /** The ticket's history, each event as "KIND: note". */
    private static List<String> history(TestApp app, TicketNumber number) {
        return app.read(stores -> stores.tickets().find(number).orElseThrow().events().stream()
                .map(event -> event.kind() + event.note().map(note -> ": " + note).orElse("")).toList());
    }

    private static String withoutBrackets(String id) {
        return id.strip().replaceAll("^<|>$", "");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aBounceOfAConfirmationMarksItBouncedOnItsTicketAndIsNeverAnswered(TestDatabase.Kind kind) throws Exception {
        on(kind, (app, database) -> {
            Sent sent = confirmationSent(app);
            clock.advance(Duration.ofMinutes(5));

            Delivery delivery = app.deliver(bounce("postfix-failed.eml", sent.returnPath(), sent.messageId()));

            assertThat(delivery).isEqualTo(new Delivery.Accepted(
                    new Outcome.Ignored("bounce of the confirmation to jane@example.com: " + REFUSAL)));
            OutboxEntry bounced = entry(app, sent.entry());
            assertThat(bounced.bouncedAt()).contains(START.plus(Duration.ofMinutes(5)));
            assertThat(bounced.bounceReason()).contains(REFUSAL);
            assertThat(history(app, sent.ticket())).containsExactly("CREATED: severity 2", "REPLY_QUEUED: confirmation",
                    "REPLY_BOUNCED: confirmation to jane@example.com bounced: " + REFUSAL);
            assertThat(database.count("select count(*) from outbox")).as("no answer queued").isEqualTo(1);
            assertThat(database.rows("select m.outcome, m.automatic from message m join ticket t on m.ticket_id = t.id "
                    + "where m.direction = 'IN' order by m.created_at")).as("the bounce, kept with the ticket")
                    .containsExactly(Arrays.asList("TICKET", null),
                            List.of("IGNORED", "bounce of the confirmation to jane@example.com"));
            clock.advance(OutboxPolicy.DEFAULT.lease());
            assertThat(dispatcher(app).sendDue().taken()).isZero();
            assertThat(GREENMAIL.getReceivedMessages()).hasSize(1);
        });
    }

    @Test
    void theReturnPathAloneNamesTheMailWhenTheBounceReturnsNothingOfIt() throws Exception {
        on(TestDatabase.Kind.H2, (app, database) -> {
            Sent sent = confirmationSent(app);

            Outcome outcome = app.receive(bounce("exim-failed.eml", sent.returnPath(), "not-ours@mail.example.com"));

            assertThat(outcome).isEqualTo(new Outcome.Ignored("bounce of the confirmation to jane@example.com: "
                    + "550 5.1.1 <jane@example.com>: Recipient address rejected: User unknown"));
            assertThat(entry(app, sent.entry()).bouncedAt()).isPresent();
        });
    }

    @Test
    void theReturnedMessageIdAloneNamesTheMailWhenTheBounceCameToTheSharedAddress() throws Exception {
        on(TestDatabase.Kind.H2, (app, database) -> {
            Sent sent = confirmationSent(app);

            app.receive(bounce("postfix-failed.eml", "support@ticketpost.example", sent.messageId()));

            assertThat(entry(app, sent.entry()).bounceReason()).contains(REFUSAL);
        });
    }

    @Test
    void aForgedBounceWithoutTheTokenOrTheMessageIdMarksNothing() throws Exception {
        on(TestDatabase.Kind.H2, (app, database) -> {
            Sent sent = confirmationSent(app);
            String guessed = sent.returnPath().replaceFirst("-[a-z2-7]{16}@", "-aaaaaaaaaaaaaaaa@");
            String guessedId = sent.messageId().replaceFirst("\\.[a-z0-9]+@", ".abc123@");

            Outcome forged = app.receive(bounce("postfix-failed.eml", guessed, guessedId));

            assertThat(forged).isEqualTo(new Outcome.Ignored("Auto-Submitted: auto-replied"));
            assertThat(entry(app, sent.entry()).bouncedAt()).isEmpty();
            assertThat(history(app, sent.ticket())).noneMatch(event -> event.startsWith("REPLY_BOUNCED"));
            assertThat(database.count("select count(*) from outbox")).isEqualTo(1);
        });
    }

    @Test
    void aDelayWarningOrAnAutoReplyToTheReturnPathIsNoBounce() throws Exception {
        on(TestDatabase.Kind.H2, (app, database) -> {
            Sent sent = confirmationSent(app);

            Outcome delayed = app.receive(bounce("postfix-delayed.eml", sent.returnPath(), sent.messageId()));
            Outcome outOfOffice = app.receive(bounce("out-of-office.eml", sent.returnPath(), sent.messageId()));

            assertThat(delayed).isEqualTo(new Outcome.Ignored("Auto-Submitted: auto-replied"));
            assertThat(outOfOffice).isEqualTo(new Outcome.Ignored("Auto-Submitted: auto-replied"));
            assertThat(entry(app, sent.entry()).bouncedAt()).isEmpty();
            assertThat(database.count("select count(*) from outbox")).isEqualTo(1);
        });
    }

    @Test
    void aSecondBounceOfTheSameMailAddsNothingToItsHistory() throws Exception {
        on(TestDatabase.Kind.H2, (app, database) -> {
            Sent sent = confirmationSent(app);
            app.receive(bounce("postfix-failed.eml", sent.returnPath(), sent.messageId()));
            clock.advance(Duration.ofMinutes(1));

            app.receive(bounce("exim-failed.eml", sent.returnPath(), sent.messageId()));

            assertThat(history(app, sent.ticket())).filteredOn(event -> event.startsWith("REPLY_BOUNCED")).hasSize(1);
            assertThat(entry(app, sent.entry()).bouncedAt()).contains(START);
        });
    }

    @Test
    void aBounceThatNamesNoMailOfOursIsKeptAsMachineMailAsBefore() throws Exception {
        on(TestDatabase.Kind.H2, (app, database) -> {
            Outcome outcome = app.receive(bounce("postfix-failed.eml", "support@ticketpost.example", "someone@mail.example.com"));

            assertThat(outcome).isEqualTo(new Outcome.Ignored("Auto-Submitted: auto-replied"));
            assertThat(database.rows("select outcome, ticket_id from message")).containsExactly(Arrays.asList("IGNORED", null));
            assertThat(database.count("select count(*) from outbox")).isZero();
        });
    }
}
