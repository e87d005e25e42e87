package org.ticketpost.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.ticketpost.testing.Mails;
import org.ticketpost.testing.TestApp;
import org.ticketpost.testing.TestClock;
import org.ticketpost.testing.TestDatabase;

/**
 * Mails handed over by several connections at once, as LMTP delivers them: those that wait while
 * a mail is taken in share the next commit, each caller learns its own mail's outcome only once
 * it is committed, and a mail that fails fails alone.
 */
class GroupCommitIT {

    private static final GroupCommit.MailSource UNREADABLE = () -> {
        throw new IOException("the spool cannot be read");
    };

    @TempDir
    Path folder;

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void theMailsThatWaitShareOneCommitAndEachCallerLearnsItsOwnOutcomeAfterIt(TestDatabase.Kind kind) throws Exception {
        TestApp.on(kind, folder, TestClock.at("2026-11-16T08:15:00Z"), (app, database) -> {
            List<Long> ticketsAtCommit = new ArrayList<>();
            Reception reception = app.application().reception()
                    .afterEachCommit(() -> ticketsAtCommit.add(database.count("select count(*) from ticket")));
            try (Queue queue = new Queue(reception)) {
                CompletableFuture<Delivery> first = queue.holding(request("jane@example.com", "first@mail.example.com"));
                List<CompletableFuture<Delivery>> waiting = new ArrayList<>();
                for (int i = 1; i <= 5; i++) {
                    waiting.add(queue.add(request("customer" + i + "@example.com", "waiting-" + i + "@mail.example.com")));
                }
                waiting.add(queue.add(request("jane@example.com", "first@mail.example.com")));
                assertThat(waiting).as("answered before the first is committed").noneMatch(CompletableFuture::isDone);

                queue.release();

                assertThat(outcome(first)).isEqualTo("ticket");
                assertThat(waiting.subList(0, 5)).allSatisfy(delivery -> assertThat(outcome(delivery)).isEqualTo("ticket"));
                assertThat(outcome(waiting.get(5))).as("the first's second copy").isEqualTo("duplicate");
            }
            assertThat(ticketsAtCommit).as("tickets at each commit: the first alone, then the six that waited together")
                    .containsExactly(1L, 6L);
            assertThat(database.count("select count(*) from outbox")).as("confirmations").isEqualTo(6);
        });
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void eachConnectionReadsItsOwnMailSoThatASlowOneHoldsUpNoOther(TestDatabase.Kind kind) throws Exception {
        TestApp.on(kind, folder, TestClock.at("2026-11-16T08:15:00Z"), (app, database) -> {
            GroupCommit groups = GroupCommit.start(app.application().reception(), 25, "test-intake");
            CountDownLatch reading = new CountDownLatch(1);
            CountDownLatch goOn = new CountDownLatch(1);
            GroupCommit.MailSource slow = request("jane@example.com", "slow@mail.example.com");
            CompletableFuture<Delivery> slowDelivery = CompletableFuture.supplyAsync(() -> {
                try {
                    return groups.deliver(() -> {
                        reading.countDown();
                        try {
                            goOn.await(10, TimeUnit.SECONDS);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                        return slow.open();
                    });
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            try {
                assertThat(reading.await(10, TimeUnit.SECONDS)).isTrue();

                Delivery other = groups.deliver(request("john@example.com", "other@mail.example.com"));

                assertThat(other).as("taken in while the slow mail is still being read").isInstanceOf(Delivery.Accepted.class);
                assertThat(slowDelivery).isNotDone();
            } finally {
                goOn.countDown();
            }
            assertThat(outcome(slowDelivery)).isEqualTo("ticket");
            groups.close(10_000);
            assertThat(database.count("select count(*) from ticket")).isEqualTo(2);
        });
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aMailThatIsNotOneEndsTheGroupAndItAndTheMailsAfterItAreTakenInAlone(TestDatabase.Kind kind) throws Exception {
        TestApp.on(kind, folder, TestClock.at("2026-11-16T08:15:00Z"), (app, database) -> {
            AtomicInteger commits = new AtomicInteger();
            List<CompletableFuture<Delivery>> deliveries = new ArrayList<>();
            try (Queue queue = new Queue(app.application().reception().afterEachCommit(commits::incrementAndGet))) {
                deliveries.add(queue.holding(request("jane@example.com", "first@mail.example.com")));
                deliveries.add(queue.add(request("john@example.com", "second@mail.example.com")));
                deliveries.add(queue.add(request("joan@example.com", "third@mail.example.com")));
                deliveries.add(queue.add(notAMail()));
                deliveries.add(queue.unreadable());
                deliveries.add(queue.add(request("jim@example.com", "sixth@mail.example.com")));
                queue.release();
                deliveries.forEach(delivery -> delivery.exceptionally(e -> null).join());
            }

            assertThat(deliveries.get(3)).succeedsWithin(1, TimeUnit.SECONDS).isInstanceOf(Delivery.NotAMail.class);
            assertThat(deliveries.get(4)).failsWithin(1, TimeUnit.SECONDS).withThrowableOfType(ExecutionException.class)
                    .withMessageContaining("the spool cannot be read");
            assertThat(List.of(deliveries.get(0), deliveries.get(1), deliveries.get(2), deliveries.get(5)))
                    .allSatisfy(delivery -> assertThat(outcome(delivery)).isEqualTo("ticket"));
            assertThat(commits).as("the first; the second and third together; the sixth").hasValue(3);
            assertThat(database.count("select count(*) from ticket")).isEqualTo(4);
        });
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aMailTheDatabaseRefusesFailsAloneAndTheOthersOfItsGroupAreTakenIn(TestDatabase.Kind kind) throws Exception {
        TestApp.on(kind, folder, TestClock.at("2026-11-16T08:15:00Z"), (app, database) -> {
            database.sql("alter table message add constraint no_poison check (message_id is null or message_id not like '%poison%')");
            AtomicInteger commits = new AtomicInteger();
            List<CompletableFuture<Delivery>> deliveries = new ArrayList<>();
            try (Queue queue = new Queue(app.application().reception().afterEachCommit(commits::incrementAndGet))) {
                deliveries.add(queue.holding(request("jane@example.com", "first@mail.example.com")));
                for (int i = 2; i <= 5; i++) {
                    deliveries.add(queue.add(request("customer" + i + "@example.com",
                            (i == 3 ? "poison-" : "waiting-") + i + "@mail.example.com")));
                }
                queue.release();
                deliveries.forEach(CompletableFuture::join);
            }

            assertThat(deliveries).extracting(CompletableFuture::join).extracting(delivery -> delivery.getClass().getSimpleName())
                    .containsExactly("Accepted", "Accepted", "TryLater", "Accepted", "Accepted");
            assertThat(database.count("select count(*) from ticket")).isEqualTo(4);
            assertThat(database.count("select count(*) from outbox")).as("confirmations").isEqualTo(4);
            assertThat(commits).as("the first; then the group's commit fails, and its four are taken in alone").hasValue(4);
        });
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void theMailsStillWaitingWhenTheGraceRunsOutAreToldToComeAgainAndTheMailInHandIsFinished(TestDatabase.Kind kind)
            throws Exception {
        TestApp.on(kind, folder, TestClock.at("2026-11-16T08:15:00Z"), (app, database) -> {
            Queue queue = new Queue(app.application().reception());
            GroupCommit groups = queue.groups;
            CompletableFuture<Delivery> inHand = queue.holding(request("jane@example.com", "in-hand@mail.example.com"));
            CompletableFuture<Delivery> waiting = queue.add(request("john@example.com", "waiting@mail.example.com"));

            long started = System.nanoTime();
            groups.close(300);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).as("close waits for the grace only")
                    .isLessThan(Duration.ofSeconds(3));
            queue.release();

            assertThat(outcome(inHand)).isEqualTo("ticket");
            assertThat(waiting.orTimeout(10, TimeUnit.SECONDS).join()).isEqualTo(
                    new Delivery.TryLater("Ticketpost is shutting down", false));
            assertThat(database.count("select count(*) from ticket")).isEqualTo(1);
        });
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aMailHandedOverAfterTheCloseIsStillTakenIn(TestDatabase.Kind kind) throws Exception {
        TestApp.on(kind, folder, TestClock.at("2026-11-16T08:15:00Z"), (app, database) -> {
            GroupCommit groups = GroupCommit.start(app.application().reception(), 25, "test-intake");
            groups.close(5000);

            Delivery late = groups.deliver(request("jane@example.com", "late@mail.example.com"));

            assertThat(late).isInstanceOf(Delivery.Accepted.class);
            assertThat(database.count("select count(*) from ticket")).isEqualTo(1);
        });
    }

    /**
     * Mails handed over one after another, each from a thread of its own as from a connection: the
     * worker is held after the first commit until released, so that the others wait for the next
     * group in the order given.
     */
    private static final class Queue implements AutoCloseable {
        private final GroupCommit groups;
        private final CountDownLatch held = new CountDownLatch(1);
        private final CountDownLatch released = new CountDownLatch(1);

        Queue(Reception reception) {
            this.groups = GroupCommit.start(reception.afterEachCommit(this::holdOnce), 25, "test-intake");
        }

        private void holdOnce() {
            if (held.getCount() > 0) {
                held.countDown();
                try {
                    released.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }

        CompletableFuture<Delivery> holding(GroupCommit.MailSource mail) throws InterruptedException {
            CompletableFuture<Delivery> delivery = deliver(mail);
            assertThat(held.await(10, TimeUnit.SECONDS)).as("the worker committed the first mail and is held").isTrue();
            return delivery;
        }

        /** A mail whose source cannot be read: its connection learns so at once, without waiting for a group. */
        CompletableFuture<Delivery> unreadable() {
            CompletableFuture<Delivery> delivery = deliver(UNREADABLE);
            delivery.exceptionally(e -> null).orTimeout(10, TimeUnit.SECONDS).join();
            return delivery;
        }

        CompletableFuture<Delivery> add(GroupCommit.MailSource mail) throws InterruptedException {
            int before = groups.waiting();
            CompletableFuture<Delivery> delivery = deliver(mail);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (groups.waiting() == before && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertThat(groups.waiting()).as("mails waiting").isEqualTo(before + 1);
            return delivery;
        }

        void release() {
            released.countDown();
        }

        private CompletableFuture<Delivery> deliver(GroupCommit.MailSource mail) {
            CompletableFuture<Delivery> delivery = new CompletableFuture<>();
            Thread connection = new Thread(() -> {
                try {
                    delivery.complete(groups.deliver(mail));
                } catch (IOException | RuntimeException e) {
                    delivery.completeExceptionally(e);
                }
            });
            connection.start();
            return delivery;
        }

        @Override
        public void close() throws InterruptedException {
            release();
            groups.close(10_000);
        }
    }

    private static String outcome(CompletableFuture<Delivery> delivery) {
        return ((Delivery.Accepted) delivery.orTimeout(10, TimeUnit.SECONDS).join()).outcome().id();
    }

    private static GroupCommit.MailSource request(String from, String messageId) {
        String text = Mails.load("intake/request.eml", Map.of("from", from, "fromName", "A Customer", "subject", "Calendar",
                "messageId", messageId, "key", TestApp.KEY, "severity", "2"));
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return () -> new ByteArrayInputStream(bytes);
    }

    private static GroupCommit.MailSource notAMail() {
        return () -> new ByteArrayInputStream(new byte[] {0, 1, 2, 3});
    }
}
