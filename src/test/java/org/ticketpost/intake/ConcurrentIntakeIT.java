package org.ticketpost.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.ticketpost.testing.InsertGate;
import org.ticketpost.testing.Mails;
import org.ticketpost.testing.TestApp;
import org.ticketpost.testing.TestClock;
import org.ticketpost.testing.TestDatabase;
import org.ticketpost.ticket.TicketNumber;

/** Many mails at once, as a busy mailbox or several MTA deliveries bring them. */
class ConcurrentIntakeIT {

    private static final int MAILS = 2_000;
    private static final int THREADS = 8;

    @TempDir
    Path folder;

    private static String request(int number) {
        return Mails.load("intake/request.eml", Map.of("from", "user" + number + "@example.com", "fromName", "User " + number,
                "subject", "Request " + number, "messageId", "request-" + number + "@mail.example.com",
                "key", TestApp.KEY, "severity", "3"));
    }

    private static List<Outcome> receiveAll(TestApp app, List<String> mails) throws Exception {
        return receiveAll(app, mails, THREADS);
    }

    private static List<Outcome> receiveAll(TestApp app, List<String> mails, int threads) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Outcome>> futures = new ArrayList<>();
            for (String mail : mails) {
                futures.add(pool.submit(() -> app.receive(mail)));
            }
            List<Outcome> outcomes = new ArrayList<>();
            for (Future<Outcome> future : futures) {
                outcomes.add(future.get());
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void eightThreadsTakingInTwoThousandMailsGiveTwoThousandDistinctNumbersAndAgainNothing(TestDatabase.Kind kind)
            throws Exception {
        try (TestDatabase database = TestDatabase.create(kind, folder);
                TestApp app = TestApp.start(database, folder, TestClock.at("2026-11-16T08:15:00Z"),
                        Map.of("TICKETPOST_REPLIES_PER_SENDER", "10"))) {
            app.addKey();
            List<String> mails = new ArrayList<>();
            for (int i = 0; i < MAILS; i++) {
                mails.add(request(i));
            }

            List<Outcome> first = receiveAll(app, mails);
            List<Outcome> second = receiveAll(app, mails);

            assertThat(first).allMatch(outcome -> outcome instanceof Outcome.Opened);
            assertThat(first.stream().map(outcome -> outcome.ticket().orElseThrow()).distinct()).hasSize(MAILS);
            assertThat(second).allMatch(outcome -> outcome instanceof Outcome.Duplicate);
            Map<TicketNumber, Integer> seen = new HashMap<>();
            for (int i = 0; i < MAILS; i++) {
                seen.merge(second.get(i).ticket().orElseThrow(), 1, Integer::sum);
                assertThat(second.get(i).ticket()).isEqualTo(first.get(i).ticket());
            }
            assertThat(database.count("select count(*) from ticket")).isEqualTo(MAILS);
            assertThat(database.count("select count(*) from message where direction = 'IN'")).isEqualTo(MAILS);
            assertThat(database.count("select count(*) from outbox")).isEqualTo(MAILS);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void theSameMailDeliveredByEightThreadsAtOnceMakesOneTicket(TestDatabase.Kind kind) throws Exception {
        try (TestDatabase database = TestDatabase.create(kind, folder);
                TestApp app = TestApp.start(database, folder, TestClock.at("2026-11-16T08:15:00Z"))) {
            app.addKey();
            String mail = request(1);

            List<Outcome> outcomes = receiveAll(app, java.util.Collections.nCopies(THREADS * 4, mail));

            assertThat(outcomes).filteredOn(outcome -> outcome instanceof Outcome.Opened).hasSize(1);
            assertThat(outcomes).filteredOn(outcome -> outcome instanceof Outcome.Duplicate).hasSize(THREADS * 4 - 1);
            assertThat(outcomes.stream().map(Outcome::ticket).distinct()).hasSize(1);
            assertThat(database.count("select count(*) from ticket")).isEqualTo(1);
        }
    }

    /**
     * Both deliveries look for an earlier copy before either stores its own, so one of them fails on
     * the unique message key when it commits; intake decides on that one again and finds the other.
     */
    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aMailDeliveredTwiceAtTheSameMomentOpensOneTicketAndTheOtherCopyIsADuplicate(TestDatabase.Kind kind)
            throws Exception {
        try (TestDatabase database = TestDatabase.create(kind, folder);
                TestApp app = TestApp.start(database, folder, TestClock.at("2026-11-16T08:15:00Z"))) {
            app.addKey();
            String mail = request(1);
            List<Outcome> outcomes;

            try (InsertGate gate = InsertGate.onMessages(database, 2)) {
                outcomes = receiveAll(app, List.of(mail, mail), 2);
                assertThat(gate.wasReachedByAll()).as("both deliveries past the duplicate check before either stored").isTrue();
            }

            assertThat(outcomes).filteredOn(outcome -> outcome instanceof Outcome.Opened).hasSize(1);
            assertThat(outcomes).filteredOn(outcome -> outcome instanceof Outcome.Duplicate).hasSize(1);
            assertThat(outcomes.get(0).ticket()).isPresent().isEqualTo(outcomes.get(1).ticket());
            assertThat(database.count("select count(*) from ticket")).isEqualTo(1);
            assertThat(database.count("select count(*) from message where direction = 'IN'")).isEqualTo(1);
            assertThat(database.count("select count(*) from outbox")).as("one confirmation").isEqualTo(1);
        }
    }
}
