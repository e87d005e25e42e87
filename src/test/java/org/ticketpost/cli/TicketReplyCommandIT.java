package org.ticketpost.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.ticketpost.mail.SmtpSender;
import org.ticketpost.mail.SmtpSettings;
import org.ticketpost.reply.OutboxDispatcher;
import org.ticketpost.reply.OutboxPolicy;
import org.ticketpost.testing.ImapInbox;
import org.ticketpost.testing.Cli;
import org.ticketpost.testing.Mails;
import org.ticketpost.testing.TestApp;
import org.ticketpost.testing.TestClock;
import org.ticketpost.testing.TestDatabase;
import org.ticketpost.ticket.Status;
import org.ticketpost.ticket.TicketNumber;

/**
 * `tickets reply` and `tickets status` as an engineer runs them, on H2 and PostgreSQL: what they
 * queue is sent through a real SMTP server (GreenMail) into the customer's own mailbox, which is
 * read over IMAP as the customer's mail program would; and who may run them.
 */
class TicketReplyCommandIT {

    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP));

    private static final String CUSTOMER = "juergen.mueller@example.com";
    private static final String CUSTOMER_PASSWORD = "kunden-passwort";
    private static final String SUBJECT = "Einladungen für Besprechungsräume kommen nicht an";
    private static final Instant OPENED = Instant.parse("2026-11-16T08:15:00Z");
    private static final Instant FAR_FUTURE = Instant.parse("2100-01-01T00:00:00Z");

    @TempDir
    Path folder;

    private final TestClock clock = new TestClock(OPENED);

    @BeforeEach
    void customerHasAMailbox() {
        MAIL.setUser(CUSTOMER, CUSTOMER, CUSTOMER_PASSWORD);
    }

    /** A German request for a Severity 2 ticket, from Jürgen Müller; then the customer writes again on its thread. */
    private TicketNumber germanTicketWithAFollowUp(TestApp app) {
        TicketNumber number = app.receive(Mails.load("outbox/request-de.eml", Map.of("messageId", "request@mail.example.com",
                "key", TestApp.KEY))).ticket().orElseThrow();
        clock.advance(Duration.ofMinutes(10));
        app.receive(Mails.load("intake/reply.eml", Map.of("from", CUSTOMER, "fromName", "Jürgen Müller",
                "subject", "AW: [Ticket#" + number + "] " + SUBJECT, "messageId", "followup@mail.example.com",
                "inReplyTo", "<request@mail.example.com>", "references", "<request@mail.example.com>")));
        return number;
    }

    private Cli.Run run(Map<String, String> env, String... args) {
        return Cli.run(env, clock, args);
    }

    private OutboxDispatcher.Pass sendOutbox(TestApp app) {
        SmtpSender smtp = new SmtpSender(SmtpSettings.parse("smtp://127.0.0.1:" + MAIL.getSmtp().getPort() + "?starttls=off",
                Optional.empty(), Optional.empty(), Duration.ofSeconds(10)));
        try (OutboxDispatcher dispatcher = new OutboxDispatcher(app.application().database(), smtp, clock, OutboxPolicy.DEFAULT)) {
            return dispatcher.sendDue();
        }
    }

    /** The customer's INBOX, read over IMAP with the customer's own password, oldest first. */
    private static List<MimeMessage> customersMailbox() throws MessagingException {
        return ImapInbox.read(MAIL.getImap().getPort(), CUSTOMER, CUSTOMER_PASSWORD);
    }

    private static String text(MimeMessage mail) {
        try {
            return mail.getContent().toString().replace("\r\n", "\n");
        } catch (IOException | MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode show(Map<String, String> env, Clock clockAt, TicketNumber number) throws IOException {
        return new ObjectMapper().readTree(Cli.run(env, clockAt, "tickets", "show", number.digits(), "--json").out());
    }

    private static long waitingInOutbox(TestApp app) {
        return app.read(stores -> stores.outbox().due(FAR_FUTURE, 1000)).size();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void anAnswerReachesTheCustomersMailboxInGermanOnTheirThreadAndMeetsTheFirstResponse(TestDatabase.Kind kind)
            throws Exception {
        TestApp.on(kind, folder, clock, (app, database) -> {
            app.addEngineer("jane.doe");
            TicketNumber number = germanTicketWithAFollowUp(app);
            sendOutbox(app);   // the confirmation
            clock.advance(Duration.ofMinutes(20));

            Cli.Run reply = run(app.env(), "tickets", "--as", "Jane.Doe", "reply", number.digits(), "--message",
                    "Bitte starten Sie den Kalenderdienst neu.\nDanach sollten die Einladungen ankommen.");
            OutboxDispatcher.Pass pass = sendOutbox(app);

            assertThat(reply.exitCode()).as(reply.err()).isZero();
            assertThat(reply.out()).startsWith("answer to " + CUSTOMER + " queued in the outbox\nticket " + number.digits() + ": ");
            assertThat(pass.sent()).isEqualTo(1);
            List<MimeMessage> mailbox = customersMailbox();
            assertThat(mailbox).hasSize(2);
            MimeMessage answer = mailbox.get(1);
            assertThat(answer.getSubject()).isEqualTo("[Ticket#" + number + "] " + SUBJECT);
            assertThat(answer.getHeader("In-Reply-To", null)).isEqualTo("<followup@mail.example.com>");
            assertThat(answer.getHeader("References", null)).contains("<request@mail.example.com>")
                    .endsWith("<followup@mail.example.com>");
            assertThat(answer.getHeader("Content-Language", null)).isEqualTo("de");
            assertThat(answer.getHeader("Auto-Submitted")).as("a person wrote it").isNull();
            assertThat(((InternetAddress) answer.getFrom()[0]).getAddress()).isEqualTo("support@ticketpost.example");
            assertThat(text(answer)).startsWith("Bitte starten Sie den Kalenderdienst neu.\nDanach sollten die Einladungen ankommen.\n")
                    .contains("jane.doe\nIhr Support-Team").contains("Bitte lassen Sie [Ticket#" + number + "] im Betreff");

            JsonNode ticket = show(app.env(), clock, number);
            assertThat(ticket.get("clocks").get(0).get("name").asText()).isEqualTo("firstResponse");
            assertThat(ticket.get("clocks").get(0).get("state").asText()).isEqualTo("met");
            List<String> events = new ArrayList<>();
            ticket.get("events").forEach(event -> events.add(event.get("actor").asText() + " " + event.get("kind").asText()));
            assertThat(events).contains("jane.doe ANSWERED", "jane.doe CLOCK_MET");
            JsonNode stored = ticket.get("messages").get(ticket.get("messages").size() - 1);
            assertThat(stored.get("author").asText()).isEqualTo("jane.doe");
            assertThat(stored.get("internal").asBoolean()).isFalse();
            assertThat(stored.get("to").asText()).isEqualTo(CUSTOMER);
        });
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void anInternalNoteIsShownMarkedButSendsNothingAndMovesNoClock(TestDatabase.Kind kind) throws Exception {
        TestApp.on(kind, folder, clock, (app, database) -> {
            app.addEngineer("jane.doe");
            TicketNumber number = germanTicketWithAFollowUp(app);
            sendOutbox(app);
            Path note = folder.resolve("note.txt");
            Files.writeString(note, "Kunde hat angerufen: es betrifft nur Räume im 3. Stock.\n", StandardCharsets.UTF_8);

            Cli.Run internal = run(app.envAs("jane.doe"), "tickets", "reply", number.digits(), "--file", note.toString(),
                    "--internal");
            long queued = waitingInOutbox(app);
            OutboxDispatcher.Pass pass = sendOutbox(app);
            Cli.Run shown = run(app.env(), "tickets", "show", number.digits());

            assertThat(internal.exitCode()).as(internal.err()).isZero();
            assertThat(internal.out()).startsWith("internal note kept; the customer is not told\n");
            assertThat(queued).isZero();
            assertThat(pass.taken()).isZero();
            assertThat(customersMailbox()).hasSize(1);   // the confirmation only
            assertThat(shown.out()).contains("INTERNAL NOTE by jane.doe (the customer does not see it)")
                    .contains("Kunde hat angerufen: es betrifft nur Räume im 3. Stock.")
                    .contains("jane.doe  NOTE_ADDED");
            JsonNode ticket = show(app.env(), clock, number);
            assertThat(ticket.get("clocks").get(0).get("state").asText()).as("the first response still runs").isEqualTo("running");
            assertThat(ticket.get("messages").get(ticket.get("messages").size() - 1).get("internal").asBoolean()).isTrue();
        });
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void noEngineerAnUnknownOneOrADisabledOneIsRefusedAndChangesNothing(TestDatabase.Kind kind) throws Exception {
        TestApp.on(kind, folder, clock, (app, database) -> {
            app.addEngineer("jane.doe");
            app.addEngineer("max");
            app.application().engineers().disable("max");
            TicketNumber number = germanTicketWithAFollowUp(app);
            long queuedBefore = waitingInOutbox(app);
            long eventsBefore = database.count("select count(*) from ticket_event");

            Cli.Run nobody = run(app.env(), "tickets", "reply", number.digits(), "--message", "Hallo");
            Cli.Run unknown = run(app.env(), "tickets", "reply", number.digits(), "--as", "moritz", "--message", "Hallo");
            Cli.Run disabled = run(app.envAs("max"), "tickets", "reply", number.digits(), "--message", "Hallo");
            Cli.Run statusByNobody = run(app.env(), "tickets", "status", number.digits(), "waiting");
            Cli.Run severityByDisabled = run(app.env(), "tickets", "severity", number.digits(), "1", "--as", "max");
            Cli.Run readingNeedsNone = run(app.env(), "tickets", "show", number.digits());
            app.read(stores -> {
                stores.tickets().find(number).orElseThrow().changeStatus(Status.CLOSED, "jane.doe", clock.instant(),
                        app.application().plans());
                return null;
            });
            Cli.Run closed = run(app.envAs("jane.doe"), "tickets", "reply", number.digits(), "--message", "Hallo");

            assertThat(nobody.exitCode()).isEqualTo(1);
            assertThat(nobody.err()).as("refused before the database is opened").isEqualTo("ticketpost tickets reply: name the engineer you act as: --as NAME, or the"
                    + " environment variable TICKETPOST_ENGINEER\n");
            assertThat(unknown.exitCode()).isEqualTo(1);
            assertThat(unknown.err()).endsWith("ticketpost tickets reply: there is no engineer moritz\n");
            assertThat(disabled.exitCode()).isEqualTo(1);
            assertThat(disabled.err()).endsWith("ticketpost tickets reply: engineer max is disabled\n");
            assertThat(statusByNobody.exitCode()).isEqualTo(1);
            assertThat(statusByNobody.err()).contains("name the engineer you act as");
            assertThat(severityByDisabled.exitCode()).isEqualTo(1);
            assertThat(severityByDisabled.err()).endsWith("ticketpost tickets severity: engineer max is disabled\n");
            assertThat(readingNeedsNone.exitCode()).isZero();
            assertThat(closed.exitCode()).isEqualTo(1);
            assertThat(closed.err()).endsWith("ticketpost tickets reply: ticket " + number.digits() + " is closed: it takes no"
                    + " more answers (the customer's next mail opens a new ticket)\n");
            assertThat(waitingInOutbox(app)).isEqualTo(queuedBefore);
            assertThat(database.count("select count(*) from ticket_event")).as("only the closing").isEqualTo(eventsBefore + 1);
            assertThat(database.count("select count(*) from message where author is not null")).isZero();
        });
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void waitingForTheCustomerMailsThemANoticeOnTheirThread(TestDatabase.Kind kind) throws Exception {
        TestApp.on(kind, folder, clock, (app, database) -> {
            app.addEngineer("jane.doe");
            TicketNumber number = germanTicketWithAFollowUp(app);
            sendOutbox(app);
            clock.advance(Duration.ofMinutes(5));

            Cli.Run waiting = run(app.envAs("jane.doe"), "tickets", "status", number.digits(), "waiting");
            Cli.Run reopened = run(app.envAs("jane.doe"), "tickets", "status", number.digits(), "open");
            OutboxDispatcher.Pass pass = sendOutbox(app);

            assertThat(waiting.exitCode()).as(waiting.err()).isZero();
            assertThat(reopened.exitCode()).as(reopened.err()).isZero();
            assertThat(pass.sent()).as("open again tells the customer nothing").isEqualTo(1);
            List<MimeMessage> mailbox = customersMailbox();
            assertThat(mailbox).hasSize(2);
            MimeMessage notice = mailbox.get(1);
            assertThat(notice.getSubject()).isEqualTo("[Ticket#" + number + "] " + SUBJECT);
            assertThat(notice.getHeader("In-Reply-To", null)).isEqualTo("<followup@mail.example.com>");
            assertThat(notice.getHeader("Auto-Submitted", null)).isEqualTo("auto-replied");
            assertThat(text(notice)).startsWith("Guten Tag Jürgen Müller,")
                    .contains("wir warten auf Ihre Antwort zu Ticket " + number.digits());
            List<String> events = new ArrayList<>();
            show(app.env(), clock, number).get("events").forEach(event -> events.add(event.get("actor").asText() + " "
                    + event.get("kind").asText() + " " + event.get("note").asText("")));
            assertThat(events).contains("jane.doe STATUS_CHANGED ", "ticketpost REPLY_QUEUED status-waiting");
        });
    }
}
