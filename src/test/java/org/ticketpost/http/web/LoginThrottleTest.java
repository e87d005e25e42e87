package org.ticketpost.http.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.ticketpost.testing.TestClock;

class LoginThrottleTest {

    private final TestClock clock = TestClock.at("2026-12-07T09:00:00Z");
    private final LoginThrottle throttle = new LoginThrottle(clock);

    @Test
    void fiveFailuresForANameWithinFifteenMinutesMakeItWaitUntilTheOldestIsThatOld() {
        for (int failure = 0; failure < 5; failure++) {
            assertThat(throttle.waitFor("Alice", "10.0.0." + failure)).isEmpty();
            throttle.failed("alice", "10.0.0." + failure);
            clock.advance(Duration.ofMinutes(1));
        }

        assertThat(throttle.waitFor(" ALICE ", "10.0.0.9")).as("the name in any case, from any address").hasValue(Duration.ofMinutes(10));
        assertThat(throttle.waitFor("bob", "10.0.0.9")).isEmpty();
        clock.advance(Duration.ofMinutes(10));
        assertThat(throttle.waitFor("alice", "10.0.0.9")).as("the oldest failure is 15 minutes old").isEmpty();
    }

    @Test
    void fiveFailuresFromAnAddressMakeItWaitWhateverNameItTries() {
        for (int failure = 0; failure < 5; failure++) {
            throttle.failed("name" + failure, "10.0.0.1");
        }

        assertThat(throttle.waitFor("another", "10.0.0.1")).hasValue(Duration.ofMinutes(15));
        assertThat(throttle.waitFor("another", "10.0.0.2")).isEmpty();
    }

    @Test
    void theRightPasswordClearsTheNamesFailuresButNotTheAddresss() {
        for (int failure = 0; failure < 4; failure++) {
            throttle.failed("alice", "10.0.0.1");
        }
        throttle.succeeded("alice");
        throttle.failed("alice", "10.0.0.2");

        assertThat(throttle.waitFor("alice", "10.0.0.3")).isEmpty();
        throttle.failed("bob", "10.0.0.1");
        assertThat(throttle.waitFor("carol", "10.0.0.1")).isPresent();
    }
}
