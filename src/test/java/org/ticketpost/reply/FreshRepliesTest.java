package org.ticketpost.reply;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FreshRepliesTest {

    private static final Instant NOW = Instant.parse("2026-11-16T08:15:00Z");
    private static final Duration HOLD = Duration.ofMinutes(1);

    private final FreshReplies fresh = new FreshReplies(HOLD);

    private static FreshReplies.Fresh reply(long id, Instant heldUntil) {
        return new FreshReplies.Fresh(id, "confirmation", heldUntil, new OutboundMail("m" + id + "@example.com", "support@example.com",
                "", "jane@example.com", "", "support@example.com", "Ticket", "text", List.of(), List.of(), Optional.empty(),
                Optional.empty(), NOW));
    }

    @Test
    void closedItHoldsNothingAndTakesNothing() {
        fresh.add(reply(1, NOW.plus(HOLD)));

        assertThat(fresh.holdFrom(NOW)).isEmpty();
        assertThat(fresh.take(10, NOW)).isEmpty();
    }

    @Test
    void openItHoldsRepliesForTheHoldAndGivesThemOldestFirstInBatches() {
        fresh.open();
        for (long id = 1; id <= 3; id++) {
            fresh.add(reply(id, fresh.holdFrom(NOW).orElseThrow()));
        }

        assertThat(fresh.holdFrom(NOW)).contains(NOW.plus(HOLD));
        assertThat(fresh.take(2, NOW)).extracting(FreshReplies.Fresh::id).containsExactly(1L, 2L);
        assertThat(fresh.take(2, NOW)).extracting(FreshReplies.Fresh::id).containsExactly(3L);
    }

    @Test
    void aReplyHeldForLessThanHalfTheHoldIsLeftToTheOutbox() {
        fresh.open();
        fresh.add(reply(1, NOW.plus(HOLD)));
        fresh.add(reply(2, NOW.plus(HOLD).plusSeconds(1)));

        assertThat(fresh.take(10, NOW.plusSeconds(31))).extracting(FreshReplies.Fresh::id).containsExactly(2L);
    }

    @Test
    void closingGivesBackWhatWasNotTakenAndHoldsNoMore() {
        fresh.open();
        fresh.add(reply(1, NOW.plus(HOLD)));

        assertThat(fresh.close()).extracting(FreshReplies.Fresh::id).containsExactly(1L);
        assertThat(fresh.holdFrom(NOW)).isEmpty();
        assertThat(fresh.take(10, NOW)).isEmpty();
    }

    @Test
    void beyondItsLimitAReplyWaitsInTheOutbox() {
        fresh.open();
        for (long id = 1; id <= FreshReplies.MOST_WAITING + 1; id++) {
            fresh.add(reply(id, NOW.plus(HOLD)));
        }

        assertThat(fresh.take(FreshReplies.MOST_WAITING + 1, NOW)).hasSize(FreshReplies.MOST_WAITING);
    }
}
