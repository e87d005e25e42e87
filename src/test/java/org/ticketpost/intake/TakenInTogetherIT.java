package org.ticketpost.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.ticketpost.testing.Mails;
import org.ticketpost.testing.TestApp;
import org.ticketpost.testing.TestClock;
import org.ticketpost.testing.TestDatabase;

/**
 * Mails taken in together, as the mailbox reader takes in a batch: one transaction, in which each
 * mail sees the ones before it, and nothing stored, queued or told before the commit.
 */
class TakenInTogetherIT {

    @TempDir
    Path folder;

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void theMailsAreStoredAndTheirRepliesQueuedOnlyAtTheCommitAndASecondCopyWithinIsADuplicate(TestDatabase.Kind kind)
            throws Exception {
        TestApp.on(kind, folder, TestClock.at("2026-11-16T08:15:00Z"), (app, database) -> {
            List<Long> ticketsAtWake = new ArrayList<>();
            Reception reception = app.application().reception()
                    .afterEachCommit(() -> ticketsAtWake.add(database.count("select count(*) from ticket")));
            List<Delivery> deliveries = new ArrayList<>();
            try (Reception.Together together = reception.together()) {
                deliveries.add(together.deliver(request("jane@example.com", "together-1@mail.example.com"),
                        AutomaticReplies.SEND, WithOutcome.NOTHING));
                deliveries.add(together.deliver(request("john@example.com", "together-2@mail.example.com"),
                        AutomaticReplies.SEND, WithOutcome.NOTHING));
                deliveries.add(together.deliver(request("jane@example.com", "together-1@mail.example.com"),
                        AutomaticReplies.SEND, WithOutcome.NOTHING));
                assertThat(database.count("select count(*) from ticket")).as("tickets before the commit").isZero();
                assertThat(ticketsAtWake).as("wakes before the commit").isEmpty();

                together.commit();
            }

            assertThat(deliveries).extracting(delivery -> ((Delivery.Accepted) delivery).outcome().id())
                    .containsExactly("ticket", "ticket", "duplicate");
            assertThat(((Delivery.Accepted) deliveries.get(2)).outcome().ticket())
                    .isEqualTo(((Delivery.Accepted) deliveries.get(0)).outcome().ticket());
            assertThat(database.count("select count(*) from ticket")).isEqualTo(2);
            assertThat(database.count("select count(*) from outbox")).as("confirmations").isEqualTo(2);
            assertThat(ticketsAtWake).as("one wake, after the commit").containsExactly(2L);
        });
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void closedWithoutACommitNothingIsStoredAndTheMailCanBeTakenInAgain(TestDatabase.Kind kind) throws Exception {
        TestApp.on(kind, folder, TestClock.at("2026-11-16T08:15:00Z"), (app, database) -> {
            Reception reception = app.application().reception();
            try (Reception.Together together = reception.together()) {
                Delivery delivery = together.deliver(request("jane@example.com", "rolled-back@mail.example.com"),
                        AutomaticReplies.SEND, WithOutcome.NOTHING);
                assertThat(delivery).isInstanceOf(Delivery.Accepted.class);
            }
            assertThat(database.count("select count(*) from ticket")).isZero();
            assertThat(database.count("select count(*) from outbox")).isZero();

            Delivery again = reception.deliver(request("jane@example.com", "rolled-back@mail.example.com"));

            assertThat(((Delivery.Accepted) again).outcome().id()).as("not a duplicate of what was rolled back").isEqualTo("ticket");
        });
    }

    private static ByteArrayInputStream request(String from, String messageId) {
        String text = Mails.load("intake/request.eml", Map.of("from", from, "fromName", "A Customer", "subject", "Calendar",
                "messageId", messageId, "key", TestApp.KEY, "severity", "2"));
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
