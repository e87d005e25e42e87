package org.ticketpost.reply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** When a mail that could not be sent is tried again, and when it is given up. */
class OutboxPolicyTest {

    private static final Instant WRITTEN = Instant.parse("2026-11-16T08:15:00Z");
    private final OutboxPolicy policy = OutboxPolicy.DEFAULT;

    @Test
    void theWaitDoublesFromOneMinuteUpToAnHour() {
        assertThat(IntStream.rangeClosed(1, 9).mapToObj(policy::delayAfter).map(Duration::toMinutes))
                .containsExactly(1L, 2L, 4L, 8L, 16L, 32L, 60L, 60L, 60L);
    }

    @Test
    void manyAttemptsWaitTheHourWithoutOverflowing() {
        assertThat(policy.delayAfter(63)).isEqualTo(Duration.ofHours(1));
        assertThat(policy.delayAfter(64)).isEqualTo(Duration.ofHours(1));
        assertThat(policy.delayAfter(65)).isEqualTo(Duration.ofHours(1));   // where a shift by 64 would be one by 0
        assertThat(policy.delayAfter(Integer.MAX_VALUE)).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void aCapThatIsNoDoublingOfTheFirstWaitIsReachedExactly() {
        OutboxPolicy odd = new OutboxPolicy(10, Duration.ofMinutes(15), Duration.ofSeconds(3), Duration.ofSeconds(10), 60,
                Duration.ofDays(2));

        assertThat(IntStream.rangeClosed(1, 4).mapToObj(odd::delayAfter).map(Duration::toSeconds))
                .containsExactly(3L, 6L, 10L, 10L);
    }

    @Test
    void theNextAttemptComesTheWaitAfterTheFailure() {
        Instant now = WRITTEN.plus(Duration.ofMinutes(3));

        assertThat(policy.nextAttempt(3, WRITTEN, now)).contains(now.plus(Duration.ofMinutes(4)));
    }

    @Test
    void aMailIsGivenUpWhenItsNextAttemptWouldComeMoreThanTwoDaysAfterItWasWritten() {
        Instant lastHour = WRITTEN.plus(Duration.ofDays(2)).minus(Duration.ofHours(1));

        assertThat(policy.nextAttempt(20, WRITTEN, lastHour)).contains(WRITTEN.plus(Duration.ofDays(2)));
        assertThat(policy.nextAttempt(20, WRITTEN, lastHour.plusSeconds(1))).isEmpty();
    }

    @Test
    void aMailIsGivenUpAfterItsLastAllowedAttempt() {
        OutboxPolicy threeTries = new OutboxPolicy(10, Duration.ofMinutes(15), Duration.ofMinutes(1), Duration.ofHours(1), 3,
                Duration.ofDays(2));

        assertThat(threeTries.nextAttempt(2, WRITTEN, WRITTEN)).isPresent();
        assertThat(threeTries.nextAttempt(3, WRITTEN, WRITTEN)).isEmpty();
    }

    @Test
    void aPolicyThatCouldNeverSendIsRefusedWithTheReason() {
        assertThatThrownBy(() -> new OutboxPolicy(0, Duration.ofMinutes(15), Duration.ofMinutes(1), Duration.ofHours(1), 3,
                Duration.ofDays(2))).hasMessage("batchSize must be at least 1, was 0");
        assertThatThrownBy(() -> new OutboxPolicy(10, Duration.ZERO, Duration.ofMinutes(1), Duration.ofHours(1), 3,
                Duration.ofDays(2))).hasMessage("lease must be positive, was PT0S");
        assertThatThrownBy(() -> new OutboxPolicy(10, Duration.ofMinutes(15), Duration.ofHours(2), Duration.ofHours(1), 3,
                Duration.ofDays(2))).hasMessage("maxDelay must not be shorter than firstDelay PT2H, was PT1H");
        assertThatThrownBy(() -> new OutboxPolicy(10, Duration.ofMinutes(15), Duration.ofMinutes(1), Duration.ofHours(1), 0,
                Duration.ofDays(2))).hasMessage("maxAttempts must be at least 1, was 0");
    }
}
