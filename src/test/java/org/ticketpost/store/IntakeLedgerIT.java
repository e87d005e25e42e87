package org.ticketpost.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.ticketpost.testing.TestDatabase;
import org.ticketpost.ticket.IntakeLedger;
import org.ticketpost.ticket.LedgerEntry;
import org.ticketpost.ticket.UnitOfWork;

/**
 * The intake ledger on both databases, for a mailbox of 10,000 mails: a round learns the highest
 * UID finished and the few mails still in hand, whatever else the folder holds.
 */
class IntakeLedgerIT {

    private static final String MAILBOX = "imap://support%40example.com@imap.example.com/INBOX";
    private static final Instant NOW = Instant.parse("2026-11-16T08:15:00Z");

    @TempDir
    Path folder;

    private static <T> T ledger(UnitOfWork database, Function<IntakeLedger, T> work) {
        return database.inTransaction(stores -> work.apply(stores.intakeLedger()));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aRoundLearnsTheHighestUidAndTheMailsInHandOfATenThousandMailFolder(TestDatabase.Kind kind) {
        try (TestDatabase database = TestDatabase.create(kind, folder);
                Database opened = Database.open(new DatabaseSettings(database.url(), database.user(), "", 2))) {
            UnitOfWork work = opened.unitOfWork();
            IntakeLedger.Folder first = ledger(work, ledger -> ledger.open(MAILBOX, 77, NOW));
            ledger(work, ledger -> {
                for (int uid = 1; uid <= 10_000; uid++) {
                    LedgerEntry taken = LedgerEntry.first(MAILBOX, 77, Integer.toString(uid), NOW)
                            .takenIn("ticket", Optional.of("100009"), false, NOW);
                    ledger.record(uid % 4000 == 0 ? taken : taken.acknowledged(NOW), uid);
                }
                ledger.record(LedgerEntry.first(MAILBOX, 77, "10001", NOW).retrying("a concurrent change", NOW.plusSeconds(60), NOW),
                        10_001);
                return null;
            });

            IntakeLedger.Folder again = ledger(work, ledger -> ledger.open(MAILBOX, 77, NOW.plus(Duration.ofDays(1))));
            List<LedgerEntry> unfinished = ledger(work, ledger -> ledger.unfinished(MAILBOX, 77));
            var found = ledger(work, ledger -> ledger.find(MAILBOX, 77,
                    IntStream.rangeClosed(9_401, 10_100).mapToObj(Integer::toString).toList()));
            IntakeLedger.Folder renumbered = ledger(work, ledger -> ledger.open(MAILBOX, 78, NOW.plus(Duration.ofDays(2))));

            assertThat(first.firstConnection()).isTrue();
            assertThat(again.firstConnection()).isFalse();
            assertThat(again.highestUid()).isEqualTo(10_001);
            assertThat(again.firstConnectedAt()).isEqualTo(NOW);
            assertThat(unfinished).extracting(LedgerEntry::uid).containsExactlyInAnyOrder("4000", "8000", "10001");
            assertThat(unfinished).filteredOn(entry -> entry.uid().equals("10001")).singleElement().satisfies(entry -> {
                assertThat(entry.state()).isEqualTo(LedgerEntry.State.RETRYING);
                assertThat(entry.attempts()).isEqualTo(1);
                assertThat(entry.nextAttemptAt()).contains(NOW.plusSeconds(60));
                assertThat(entry.isDue(NOW)).isFalse();
            });
            assertThat(found).hasSize(601).containsKeys("9401", "10000", "10001").doesNotContainKey("10002");
            assertThat(renumbered.highestUid()).isZero();
            assertThat(renumbered.firstConnectedAt()).as("the mailbox's first connection, under any UIDVALIDITY").isEqualTo(NOW);
        }
    }

    /** Two readers of one mailbox ask for the same mail: one holds it; a reader that died lets it go after the hold. */
    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aMailIsHeldByOneReaderAtATimeAndFreedWhenItsHoldRunsOut(TestDatabase.Kind kind) {
        try (TestDatabase database = TestDatabase.create(kind, folder);
                Database opened = Database.open(new DatabaseSettings(database.url(), database.user(), "", 2))) {
            UnitOfWork work = opened.unitOfWork();
            ledger(work, ledger -> ledger.open(MAILBOX, 77, NOW));
            LedgerEntry seen = LedgerEntry.first(MAILBOX, 77, "5", NOW);
            Instant until = NOW.plus(Duration.ofMinutes(5));

            Optional<LedgerEntry> first = ledger(work, ledger -> ledger.claim(seen, 5, NOW, until, Optional.empty()));
            Optional<LedgerEntry> second = ledger(work, ledger -> ledger.claim(seen, 5, NOW.plusSeconds(1), until.plusSeconds(1), Optional.empty()));
            Optional<LedgerEntry> takenBack = ledger(work, ledger -> ledger.claim(seen, 5, NOW.plusSeconds(2), until.plusSeconds(2),
                    Optional.of(until)));
            Optional<LedgerEntry> withAnotherHold = ledger(work, ledger -> ledger.claim(seen, 5, NOW.plusSeconds(3), until.plusSeconds(3),
                    Optional.of(until)));
            Optional<LedgerEntry> afterTheHold = ledger(work, ledger -> ledger.claim(seen, 5, until.plusSeconds(2),
                    until.plus(Duration.ofMinutes(5)), Optional.empty()));
            ledger(work, ledger -> {
                ledger.record(afterTheHold.orElseThrow().takenIn("ticket", Optional.of("100009"), false, until), 5);
                return null;
            });
            Optional<LedgerEntry> taken = ledger(work, ledger -> ledger.claim(seen, 5, until.plus(Duration.ofHours(1)),
                    until.plus(Duration.ofHours(2)), Optional.empty()));

            assertThat(first).isPresent();
            assertThat(second).as("held by the first reader").isEmpty();
            assertThat(takenBack).as("the first reader takes its own hold back").isPresent();
            assertThat(withAnotherHold).as("a hold that is no longer the one named").isEmpty();
            assertThat(afterTheHold).as("the first reader died holding it").isPresent();
            assertThat(taken).as("taken in: never claimed again").isEmpty();
            assertThat(ledger(work, ledger -> ledger.open(MAILBOX, 77, NOW)).highestUid()).isEqualTo(5);
        }
    }
}
