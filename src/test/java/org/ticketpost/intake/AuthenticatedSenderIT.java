package org.ticketpost.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.ticketpost.form.Problem;
import org.ticketpost.testing.Mails;
import org.ticketpost.testing.TestApp;
import org.ticketpost.testing.TestClock;
import org.ticketpost.testing.TestDatabase;
import org.ticketpost.ticket.OutboxEntry;
import org.ticketpost.ticket.TicketNumber;

/**
 * With mail.authserv-id set, through the real intake on a real database: a mail whose From the
 * receiving server could not authenticate opens no ticket and writes into none, and its answer
 * says why; copies of the server's results a sender wrote count for nothing.
 */
class AuthenticatedSenderIT {

    private static final String SERVER = "mx.ticketpost.example";
    private static final String OUR_RECEIVED = "Received: from mail.example.com (mail.example.com [192.0.2.7])\n"
            + "\tby " + SERVER + " (Postfix) with ESMTPS id 4Q1x; Mon, 16 Nov 2026 09:12:45 +0100\n";
    private static final String THEIR_RECEIVED = "Received: from laptop (unknown [198.51.100.9])\n"
            + "\tby mail.example.com (Postfix) with ESMTPSA id 9Z; Mon, 16 Nov 2026 09:12:44 +0100\n";

    @TempDir
    Path folder;

    private final TestClock clock = TestClock.at("2026-11-16T08:15:00Z");

    private void on(TestDatabase.Kind kind, TestApp.Scenario scenario) throws Exception {
        try (TestDatabase database = TestDatabase.create(kind, folder);
                TestApp app = TestApp.start(database, folder, clock, Map.of("TICKETPOST_MAIL_AUTHSERV_ID", SERVER))) {
            app.addKey();
            scenario.run(app, database);
        }
    }

    private static String results(String results) {
        return "Authentication-Results: " + SERVER + ";\n\t" + results + "\n";
    }

    /** The test request as the receiving server hands it on, with these trace fields above it. */
    private static String request(String trace, Map<String, String> changes) {
        Map<String, String> values = new HashMap<>(Map.of("from", "jane@example.com", "fromName", "Jane Doe",
                "subject", "Calendar invitations are not delivered", "messageId", UUID.randomUUID() + "@mail.example.com",
                "key", TestApp.KEY, "severity", "2"));
        values.putAll(changes);
        return trace + Mails.load("intake/request.eml", values);
    }

    private static String request(String trace) {
        return request(trace, Map.of());
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
    void aDmarcFailOpensNoTicketAndTheAnswerSaysWhy(TestDatabase.Kind kind) throws Exception {
        on(kind, (app, database) -> {
            Outcome outcome = app.receive(request(results("spf=fail smtp.mailfrom=example.com;\n\t"
                    + "dmarc=fail (p=reject) header.from=example.com") + OUR_RECEIVED + THEIR_RECEIVED,
                    Map.of("subject", "Cheap watches")));

            assertThat(outcome).isInstanceOf(Outcome.Rejected.class);
            assertThat(outcome.problems()).extracting(Problem::field, Problem::code)
                    .containsExactly(tuple("from", Problem.Code.SENDER_NOT_AUTHENTICATED));
            assertThat(outcome.problems()).extracting(Problem::value).containsExactly("dmarc=fail for example.com");
            assertThat(((Outcome.Rejected) outcome).answered()).isTrue();
            assertThat(database.count("select count(*) from ticket")).isZero();
            assertThat(database.rows("select problems from message where direction = 'IN'"))
                    .containsExactly(List.of("from: sender_not_authenticated (dmarc=fail for example.com)"));
            assertThat(outbox(app)).singleElement().satisfies(entry -> {
                assertThat(entry.recipient()).isEqualTo("jane@example.com");
                assertThat(entry.message().subject()).isEqualTo("Re: Cheap watches");
                assertThat(entry.message().body())
                        .contains("We could not confirm that your mail really comes from jane@example.com")
                        .contains("Support Key: OX-SUPPORT-OR-LICENSE-KEY-XXX")   // the template blank
                        .doesNotContain(TestApp.KEY).doesNotContain("Invite berta");
            });
        });
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aDmarcPassOpensATicket(TestDatabase.Kind kind) throws Exception {
        on(kind, (app, database) -> {
            Outcome outcome = app.receive(request(results("dkim=pass header.d=example.com;\n\t"
                    + "dmarc=pass header.from=example.com") + OUR_RECEIVED + THEIR_RECEIVED));

            assertThat(outcome).isInstanceOf(Outcome.Opened.class);
        });
    }

    @Test
    void withoutADmarcResultAnAlignedSpfOrDkimPassOpensATicketAndAnUnalignedOneDoesNot() throws Exception {
        on(TestDatabase.Kind.H2, (app, database) -> {
            Outcome aligned = app.receive(request(results("spf=pass smtp.mailfrom=bounces@mail.example.com") + OUR_RECEIVED));
            Outcome unaligned = app.receive(request(results("spf=pass smtp.mailfrom=mallory@attacker.example;\n\t"
                    + "dkim=pass header.d=attacker.example") + OUR_RECEIVED));

            assertThat(aligned).isInstanceOf(Outcome.Opened.class);
            assertThat(unaligned.problems()).extracting(Problem::code).containsExactly(Problem.Code.SENDER_NOT_AUTHENTICATED);
        });
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aPassASenderWroteBelowOurServersReceivedFieldCountsForNothing(TestDatabase.Kind kind) throws Exception {
        on(kind, (app, database) -> {
            String forgedPass = results("dmarc=pass header.from=example.com");
            Outcome belowTheRealResult = app.receive(request(results("spf=softfail smtp.mailfrom=example.com") + OUR_RECEIVED
                    + forgedPass + THEIR_RECEIVED));
            Outcome ourServerWroteNone = app.receive(request(OUR_RECEIVED + forgedPass));
            Outcome noResultsAtAll = app.receive(request(OUR_RECEIVED + THEIR_RECEIVED));
            Outcome anotherServersPass = app.receive(request(
                    "Authentication-Results: mx.attacker.example; dmarc=pass header.from=example.com\n" + OUR_RECEIVED));

            assertThat(List.of(belowTheRealResult, ourServerWroteNone, noResultsAtAll, anotherServersPass))
                    .allSatisfy(outcome -> assertThat(outcome.problems()).extracting(Problem::code)
                            .containsExactly(Problem.Code.SENDER_NOT_AUTHENTICATED));
            assertThat(database.count("select count(*) from ticket")).isZero();
        });
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void anUnauthenticatedReplyInACustomersNameIsNotAddedToHerTicket(TestDatabase.Kind kind) throws Exception {
        on(kind, (app, database) -> {
            String pass = results("dmarc=pass header.from=example.com") + OUR_RECEIVED;
            TicketNumber number = app.receive(request(pass)).ticket().orElseThrow();
            String reply = Mails.load("intake/reply.eml", Map.of("from", "jane@example.com", "fromName", "Jane Doe",
                    "subject", "Re: [Ticket#" + number + "] Calendar", "messageId", UUID.randomUUID() + "@mail.example.com",
                    "inReplyTo", "<x@example.com>", "references", "<x@example.com>"));

            Outcome forged = app.receive(results("dmarc=fail header.from=example.com") + OUR_RECEIVED + reply);
            Outcome genuine = app.receive(pass + reply.replace("Message-ID: <", "Message-ID: <2"));

            assertThat(forged.problems()).extracting(Problem::code).containsExactly(Problem.Code.SENDER_NOT_AUTHENTICATED);
            assertThat(genuine).isEqualTo(new Outcome.FollowedUp(number));
            assertThat(database.count("select count(*) from message where ticket_id is not null and direction = 'IN'"))
                    .isEqualTo(2);
        });
    }

    @Test
    void theAnswerToAnUnauthenticatedMailIsInItsLanguageAndGoesToTheFromNotAReplyToTheKeyAllows() throws Exception {
        on(TestDatabase.Kind.H2, (app, database) -> {
            String german = Mails.load("intake/reply-de.eml", Map.of("from", "jane@example.com", "fromName", "Jane Doe",
                    "subject", "Einladungen", "messageId", UUID.randomUUID() + "@mail.example.com"));

            app.receive(results("dmarc=fail header.from=example.com") + OUR_RECEIVED
                    + german.replace("To: support@", "Reply-To: helpdesk@example.com\nTo: support@"));

            assertThat(outbox(app)).singleElement().satisfies(entry -> {
                assertThat(entry.recipient()).isEqualTo("jane@example.com");
                assertThat(entry.message().body())
                        .contains("Wir konnten nicht bestätigen, dass Ihre Mail wirklich von jane@example.com kommt");
            });
        });
    }

    @Test
    void withoutAnAuthservIdResultsAreNotReadAsBefore() throws Exception {
        TestApp.on(TestDatabase.Kind.H2, folder, clock, (app, database) -> {
            Outcome outcome = app.receive(request(results("dmarc=fail header.from=example.com") + OUR_RECEIVED));

            assertThat(outcome).isInstanceOf(Outcome.Opened.class);
        });
    }
}
