package org.ticketpost.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

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

/**
 * What a stranger who writes any From and Reply-To can make Ticketpost send, through intake on a
 * real database: answers go to the From address unless the key allows the Reply-To too.
 */
class ForgedSenderIT {

    @TempDir
    Path folder;

    private final TestClock clock = TestClock.at("2026-11-16T08:15:00Z");

    /** The test request from this address, with these header lines added above it. */
    private static String request(String from, String subject, String... fields) {
        String request = Mails.load("intake/request.eml", Map.of("from", from, "fromName", "Jane Doe",
                "subject", subject, "messageId", UUID.randomUUID() + "@mail.example.com", "key", TestApp.KEY,
                "severity", "2"));
        return fields.length == 0 ? request : String.join("\n", fields) + "\n" + request;
    }

    private static List<OutboxEntry> outbox(TestApp app) {
        return app.read(stores -> {
            List<OutboxEntry> due = stores.outbox().due(Instant.parse("2100-01-01T00:00:00Z"), 1000);
            due.forEach(entry -> entry.message().body());   // read inside the transaction
            return due;
        });
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aForgedFromWithAVictimsReplyToSendsTheVictimNothing(TestDatabase.Kind kind) throws Exception {
        TestApp.on(kind, folder, clock, (app, database) -> {
            for (int i = 0; i < 100; i++) {
                app.receive(request("jane@example.com", "Cheap watches at shop.example " + i,
                        "Reply-To: victim@victim.example"));
            }

            List<OutboxEntry> outbox = outbox(app);
            assertThat(outbox).extracting(OutboxEntry::recipient).hasSize(100).containsOnly("jane@example.com");
            assertThat(outbox).extracting(OutboxEntry::kind).containsOnly("confirmation");
        });
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aRejectionGoesToTheFromAddressWhenNoKeyAllowsTheReplyTo(TestDatabase.Kind kind) throws Exception {
        TestApp.on(kind, folder, clock, (app, database) -> {
            app.addKey("OXSK-PART-2345", List.of("partner.example"), null);

            app.receive(request("jane@example.com", "Unknown key", "Reply-To: victim@victim.example")
                    .replace(TestApp.KEY, "OXSK-0000-0000"));
            app.receive(request("jane@example.com", "Another customer's key", "Reply-To: joe@partner.example")
                    .replace(TestApp.KEY, "OXSK-PART-2345"));
            app.receive(request("jane@example.com", "No severity", "Reply-To: helpdesk@example.com")
                    .replace("Severity: 2", "Severity:"));

            assertThat(outbox(app)).extracting(OutboxEntry::kind, OutboxEntry::recipient).containsExactly(
                    tuple("rejection", "jane@example.com"),
                    tuple("rejection", "jane@example.com"),
                    tuple("rejection", "helpdesk@example.com"));
        });
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void taggedAddressesShareTheLimitOfTheirMailbox(TestDatabase.Kind kind) throws Exception {
        TestApp.on(kind, folder, clock, (app, database) -> {
            for (int i = 0; i < 15; i++) {
                app.receive(request("victim+" + i + "@victim.example", "Cheap watches " + i).replace(TestApp.KEY, "OXSK-0000-0000"));
            }
            Outcome untagged = app.receive(request("victim@victim.example", "Cheap watches").replace(TestApp.KEY, "OXSK-0000-0000"));

            assertThat(outbox(app)).hasSize(10);
            assertThat(untagged).isEqualTo(new Outcome.Rejected(untagged.problems(), false));
        });
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void theAddressesOfOneDomainShareTheDomainsLimit(TestDatabase.Kind kind) throws Exception {
        try (TestDatabase database = TestDatabase.create(kind, folder);
                TestApp app = TestApp.start(database, folder, clock, Map.of("TICKETPOST_REPLIES_PER_DOMAIN", "20"))) {
            for (int i = 0; i < 25; i++) {
                app.receive(request("user" + i + "@victim.example", "Cheap watches " + i));
            }
            Outcome elsewhere = app.receive(request("jane@other.example", "Calendar invitations are not delivered"));

            assertThat(outbox(app)).extracting(OutboxEntry::recipient).hasSize(21)
                    .filteredOn(recipient -> recipient.endsWith("@victim.example")).hasSize(20);
            assertThat(elsewhere).isEqualTo(new Outcome.Rejected(elsewhere.problems(), true));
        }
    }

    @Test
    void aStrangerWritingInTheNameOfManyAddressesGetsAtMostFiftyRejectionsSentToTheirDomain() throws Exception {
        TestApp.on(TestDatabase.Kind.H2, folder, clock, (app, database) -> {
            for (int i = 0; i < 200; i++) {
                app.receive(request("user" + i + "@victim.example", "Cheap watches " + i));
            }

            assertThat(outbox(app)).hasSize(50);
        });
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aRejectionCarriesAStrangersLongTextOnlyInPart(TestDatabase.Kind kind) throws Exception {
        TestApp.on(kind, folder, clock, (app, database) -> {
            String advertisement = "Cheap watches at https://shop.example/ today only\n".repeat(200);

            app.receive(request("victim@victim.example", "Cheap watches ".repeat(50))
                    .replace(TestApp.KEY, "OXSK-0000-0000")
                    .replace("Invite berta@example.com to an appointment.\n", advertisement));

            assertThat(outbox(app)).singleElement().satisfies(entry -> {
                assertThat(entry.message().subject()).hasSizeLessThanOrEqualTo(105);
                assertThat(entry.message().body().split("Cheap watches at", -1)).hasSizeLessThanOrEqualTo(9);
                assertThat(entry.message().body()).contains("Long values are shortened there");
            });
        });
    }
}
