package org.ticketpost.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.ticketpost.testing.Await;

/** The passes a sender's poller runs: one per interval, and one per wake, or per gathered wakes. */
class PollerTest {

    private final AtomicInteger passes = new AtomicInteger();

    /** A pass that takes a while, as sending a mail does: wakes during it ask for one more. */
    private void pass() {
        passes.incrementAndGet();
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private int passesAfterFiveWakes(Poller poller) throws InterruptedException {
        try (poller) {
            poller.start();
            Await.until("the first pass", () -> passes.get() == 1);
            Thread.sleep(100);   // over
            for (int i = 0; i < 5; i++) {   // as five commits of a stream of mail, 40 ms apart
                poller.wake();
                Thread.sleep(40);
            }
            Thread.sleep(1_000);
            return passes.get() - 1;
        }
    }

    @Test
    void eachWakeAfterAPassBeganAsksForAnother() throws InterruptedException {
        Poller poller = new Poller("test sender", "nothing", stopping -> pass(), Duration.ofHours(1), Duration.ofSeconds(5));

        assertThat(passesAfterFiveWakes(poller)).isGreaterThanOrEqualTo(3);
    }

    @Test
    void wakesWithinTheGatheringTimeMakeOnePass() throws InterruptedException {
        Poller poller = new Poller("test sender", "nothing", stopping -> pass(), Duration.ofHours(1), Duration.ofSeconds(5))
                .gatheringWakesFor(Duration.ofMillis(400));

        assertThat(passesAfterFiveWakes(poller)).isEqualTo(1);
    }
}
