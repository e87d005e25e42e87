package org.ticketpost.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.ticketpost.testing.Mails;
import org.ticketpost.testing.TestApp;
import org.ticketpost.testing.TestClock;
import org.ticketpost.testing.TestDatabase;
import org.ticketpost.ticket.OutboxEntry;
import org.ticketpost.ticket.TicketNumber;

/**
 * Who a mail is from and where its answer goes, through intake on a real database: the
 * address forms mail programs write are understood, and an address that does not parse is
 * neither answered nor taken for the sender a support key or a ticket is checked against.
 */
class AddressIntakeIT {

    @TempDir
    Path folder;

    private final TestClock clock = TestClock.at("2026-11-16T08:15:00Z");

    private void on(TestDatabase.Kind kind, TestApp.Scenario scenario) throws Exception {
        TestApp.on(kind, folder, clock, scenario);
    }

    /** The test request with its From line replaced by these header lines. */
    private static String requestWith(String... fields) {
        String request = Mails.load("intake/request.eml", Map.of("from", "jane@example.com", "fromName", "Jane Doe",
                "subject", "Calendar invitations are not delivered", "messageId", UUID.randomUUID() + "@mail.example.com",
                "key", TestApp.KEY, "severity", "2"));
        return String.join("\n", fields) + request.substring(request.indexOf('\n'));
    }

    private static List<OutboxEntry> outbox(TestApp app) {
        return app.read(stores -> {
            List<OutboxEntry> due = stores.outbox().due(Instant.parse("2100-01-01T00:00:00Z"), 100);
            due.forEach(entry -> entry.message().body());   // read inside the transaction
            return due;
        });
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aQuotedLocalPartIsTheMailboxAKeyAllows(TestDatabase.Kind kind) throws Exception {
        on(kind, (app, database) -> {
            app.addKey("OXSK-JANE-2345", List.of("jane.doe@partner.example"), null);

            Outcome outcome = app.receive(requestWith("From: \"jane.doe\"@partner.example").replace(TestApp.KEY, "OXSK-JANE-2345"));

            assertThat(outcome).isInstanceOf(Outcome.Opened.class);
            assertThat(outbox(app)).singleElement().extracting(OutboxEntry::recipient).isEqualTo("jane.doe@partner.example");
        });
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void anInternationalisedDomainIsTheAsciiDomainAKeyNames(TestDatabase.Kind kind) throws Exception {
        on(kind, (app, database) -> {
            app.addKey("OXSK-BUCH-2345", List.of("xn--bcher-kva.example"), null);

            Outcome outcome = app.receive(requestWith("From: =?UTF-8?Q?J=C3=BCrgen_M=C3=BCller?= <jürgen@bücher.example>")
                    .replace(TestApp.KEY, "OXSK-BUCH-2345"));

            assertThat(outcome).isInstanceOf(Outcome.Opened.class);
            assertThat(outbox(app)).singleElement().satisfies(entry -> {
                assertThat(entry.recipient()).isEqualTo("jürgen@xn--bcher-kva.example");
                assertThat(entry.message().body()).startsWith("Hello Jürgen Müller,");
            });
        });
    }

    @Test
    void anEncodedNameWithACommaAndACommentIsTheGreeting() throws Exception {
        on(TestDatabase.Kind.H2, (app, database) -> {
            Outcome outcome = app.receive(requestWith("From: =?UTF-8?Q?M=C3=BCller=2C_J=C3=B6rg?= <joerg@example.com> (Example Corp.)"));

            assertThat(outcome).isInstanceOf(Outcome.Opened.class);
            assertThat(outbox(app)).singleElement().satisfies(entry -> {
                assertThat(entry.recipient()).isEqualTo("joerg@example.com");
                assertThat(entry.message().body()).startsWith("Hello Müller, Jörg,");
            });
        });
    }

    @Test
    void aSenderWritingOnlyAnAddressInAngleBracketsIsAnswered() throws Exception {
        on(TestDatabase.Kind.H2, (app, database) -> {
            Outcome outcome = app.receive(requestWith("From: <jane@example.com>"));

            assertThat(outcome).isInstanceOf(Outcome.Opened.class);
            assertThat(outbox(app)).singleElement().extracting(OutboxEntry::recipient).isEqualTo("jane@example.com");
        });
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aReplyToSmugglingALineBreakIsNotAnsweredTheAuthorIs(TestDatabase.Kind kind) throws Exception {
        on(kind, (app, database) -> {
            Outcome outcome = app.receive(requestWith("From: Jane Doe <jane@example.com>",
                    "Reply-To: =?UTF-8?Q?r=0D=0ABcc:_victim@evil.example?="));

            assertThat(outcome).isInstanceOf(Outcome.Opened.class);
            assertThat(outbox(app)).singleElement().extracting(OutboxEntry::recipient).isEqualTo("jane@example.com");
        });
    }

    @Test
    void aReplyToNamingSeveralMailboxesGetsOneAnswerAtItsFirst() throws Exception {
        on(TestDatabase.Kind.H2, (app, database) -> {
            app.receive(requestWith("From: Jane Doe <jane@example.com>",
                    "Reply-To: Helpdesk <helpdesk@example.com>, victim@other.example, victim2@other.example"));

            assertThat(outbox(app)).singleElement().extracting(OutboxEntry::recipient).isEqualTo("helpdesk@example.com");
        });
    }

    @Test
    void aReplyToTheKeyDoesNotAllowIsNeitherAnsweredNorCanItWriteIntoTheTicket() throws Exception {
        on(TestDatabase.Kind.H2, (app, database) -> {
            TicketNumber number = app.receive(requestWith("From: Jane Doe <jane@example.com>",
                    "Reply-To: mallory@attacker.example")).ticket().orElseThrow();
            assertThat(outbox(app)).singleElement().extracting(OutboxEntry::recipient).isEqualTo("jane@example.com");

            Outcome outcome = app.receive(requestWith("From: mallory@attacker.example")
                    .replace("Subject: Calendar", "Subject: [Ticket#" + number + "] Calendar"));

            assertThat(outcome).isInstanceOf(Outcome.Rejected.class);
            assertThat(database.count("select count(*) from message where ticket_id is not null and direction = 'IN'")).isEqualTo(1);
        });
    }

    @Test
    void aMailboxWithoutDomainIsNeverAnswered() throws Exception {
        on(TestDatabase.Kind.H2, (app, database) -> {
            Outcome fromRoot = app.receive(requestWith("From: root"));
            app.receive(requestWith("From: Jane Doe <jane@example.com>", "Reply-To: postmaster"));

            assertThat(fromRoot).isInstanceOf(Outcome.Rejected.class);
            assertThat(((Outcome.Rejected) fromRoot).answered()).isFalse();
            assertThat(outbox(app)).singleElement().extracting(OutboxEntry::recipient).isEqualTo("jane@example.com");
        });
    }

    @Test
    void aFromThatDoesNotParseOpensNoTicketInTheNameOfTheAddressInsideIt() throws Exception {
        on(TestDatabase.Kind.H2, (app, database) -> {
            Outcome outcome = app.receive(requestWith("From: \"Jane\" <jane@example.com> <mallory@attacker.example>"));

            assertThat(outcome).isInstanceOf(Outcome.Rejected.class);
            assertThat(database.count("select count(*) from ticket")).isZero();
            assertThat(outbox(app)).isEmpty();
        });
    }

    @Test
    void aStrangerBesideTheCustomerInFromCannotWriteIntoHerTicket() throws Exception {
        on(TestDatabase.Kind.H2, (app, database) -> {
            TicketNumber number = app.receive(requestWith("From: Jane Doe <jane@example.com>")).ticket().orElseThrow();

            Outcome outcome = app.receive(requestWith("From: jane@example.com, mallory@attacker.example")
                    .replace("Subject: Calendar", "Subject: [Ticket#" + number + "] Calendar"));

            assertThat(outcome).isInstanceOf(Outcome.Rejected.class);
            assertThat(database.count("select count(*) from message where ticket_id is not null and direction = 'IN'")).isEqualTo(1);
        });
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aNulByteInAHeaderIsDroppedAndTheMailTakenIn(TestDatabase.Kind kind) throws Exception {
        on(kind, (app, database) -> {
            Outcome outcome = app.receive(requestWith("From: Jane Doe <jane@example.com>")
                    .replace("Subject: Calendar invitations", "Subject: Calendar\u0000 invitations"));

            assertThat(outcome).isInstanceOf(Outcome.Opened.class);
            assertThat(outbox(app)).singleElement().satisfies(entry ->
                    assertThat(entry.message().subject()).endsWith("] Calendar invitations are not delivered"));
        });
    }
}
