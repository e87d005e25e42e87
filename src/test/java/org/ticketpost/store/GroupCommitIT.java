package org.ticketpost.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ticketpost.testing.Await;
import org.ticketpost.testing.TestDatabase;
import org.ticketpost.ticket.LedgerEntry;
import org.ticketpost.ticket.Stores;
import org.ticketpost.ticket.UnitOfWork;

/**
 * Work that comes at once shares one commit, on a real database; a work that fails among them
 * fails alone, and each caller learns of its own work only once it is committed.
 */
class GroupCommitIT {

    private static final String MAILBOX = "imap://support%40example.com@imap.example.com/INBOX";
    private static final Instant NOW = Instant.parse("2026-12-01T09:00:00Z");

    @TempDir
    Path folder;

    private static String store(Stores stores, String uid) {
        stores.intakeLedger().record(LedgerEntry.first(MAILBOX, 7, uid, NOW).takenIn("ticket", Optional.empty(), false, NOW), 0);
        return uid;
    }

    @Test
    void workThatArrivesDuringACommitSharesTheNextAndAFailingWorkFailsAlone() throws Exception {
        ExecutorService callers = Executors.newFixedThreadPool(4);
        try (TestDatabase database = TestDatabase.create(TestDatabase.Kind.H2, folder);
                Database opened = Database.open(new DatabaseSettings(database.url(), database.user(), "", 4))) {
            UnitOfWork plain = opened.unitOfWork();
            GroupCommit group = new GroupCommit(plain, 32);
            CountDownLatch inFirstCommit = new CountDownLatch(1);
            CountDownLatch letFirstGo = new CountDownLatch(1);
            CompletableFuture<String> first = CompletableFuture.supplyAsync(() -> group.inTransaction(stores -> {
                inFirstCommit.countDown();
                await(letFirstGo);
                return store(stores, "1");
            }), callers);
            inFirstCommit.await(10, TimeUnit.SECONDS);

            CompletableFuture<String> second = CompletableFuture.supplyAsync(() -> group.inTransaction(stores -> store(stores, "2")), callers);
            CompletableFuture<String> failing = CompletableFuture.supplyAsync(() -> group.inTransaction(stores -> {
                store(stores, "3");
                throw new IllegalStateException("this mail cannot be taken in");
            }), callers);
            CompletableFuture<String> fourth = CompletableFuture.supplyAsync(() -> group.inTransaction(stores -> store(stores, "4")), callers);
            Await.until("three works waiting for the commit in progress", () -> group.waiting() == 3);
            assertThat(second).isNotDone();
            letFirstGo.countDown();

            assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo("1");
            assertThat(second.get(10, TimeUnit.SECONDS)).isEqualTo("2");
            assertThat(fourth.get(10, TimeUnit.SECONDS)).isEqualTo("4");
            assertThatThrownBy(() -> failing.get(10, TimeUnit.SECONDS)).hasRootCauseMessage("this mail cannot be taken in");
            List<String> stored = plain.inTransaction(stores -> stores.intakeLedger()
                    .find(MAILBOX, 7, List.of("1", "2", "3", "4")).keySet().stream().sorted().toList());
            assertThat(stored).containsExactly("1", "2", "4");
        } finally {
            callers.shutdownNow();
        }
    }

    @Test
    void aLoneCallerCommitsAtOnceAndSeesItsOwnFailure() {
        try (TestDatabase database = TestDatabase.create(TestDatabase.Kind.H2, folder);
                Database opened = Database.open(new DatabaseSettings(database.url(), database.user(), "", 2))) {
            GroupCommit group = new GroupCommit(opened.unitOfWork(), 32);

            String one = group.inTransaction(stores -> store(stores, "1"));
            assertThat(one).isEqualTo("1");
            assertThatThrownBy(() -> group.inTransaction(stores -> {
                throw new IllegalStateException("broken");
            })).hasMessage("broken");
            String two = group.inTransaction(stores -> store(stores, "2"));
            assertThat(two).isEqualTo("2");
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
