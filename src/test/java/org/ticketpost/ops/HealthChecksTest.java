package org.ticketpost.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HealthChecksTest {

    private final CountDownLatch release = new CountDownLatch(1);
    private final HealthChecks checks = new HealthChecks(Duration.ofMillis(200));

    @AfterEach
    void releaseHangingChecks() {
        release.countDown();
        checks.close();
    }

    @Test
    void readyWhenEveryPartIsUpAndEachIsReportedInTheOrderItRegistered() {
        checks.register("database", () -> Health.up("jdbc:h2:file:/opt/ticketpost/data/ticketpost"));
        checks.register("smtp", () -> Health.up("smtp://smtp.example.com:587 (STARTTLS): no mail sent yet"));

        HealthChecks.Report report = checks.report();

        assertThat(report.ready()).isTrue();
        assertThat(report.parts()).extracting(HealthChecks.PartHealth::part).containsExactly("database", "smtp");
    }

    @Test
    void aPartThatIsDownOrThrowsMakesTheServiceNotReadyWithWhatIsWrong() {
        checks.register("database", () -> {
            throw new IllegalStateException("database jdbc:postgresql://db/ticketpost is not available: Connection refused");
        });
        checks.register("smtp", () -> Health.down("smtp://smtp.example.com:587 (STARTTLS): did not take a mail"));

        HealthChecks.Report report = checks.report();

        assertThat(report.ready()).isFalse();
        assertThat(report.parts()).extracting(part -> part.health().detail()).containsExactly(
                "database jdbc:postgresql://db/ticketpost is not available: Connection refused",
                "smtp://smtp.example.com:587 (STARTTLS): did not take a mail");
    }

    @Test
    void aCheckThatHangsIsDownAfterThePatienceAndIsNotStartedAgainWhileItHangs() throws Exception {
        AtomicInteger started = new AtomicInteger();
        checks.register("database", () -> {
            started.incrementAndGet();
            await(release);
            return Health.up("answers again");
        });
        checks.register("smtp", () -> Health.up("no mail sent yet"));

        long before = System.nanoTime();
        HealthChecks.Report first = checks.report();
        HealthChecks.Report second = checks.report();

        assertThat(Duration.ofNanos(System.nanoTime() - before)).isLessThan(Duration.ofSeconds(5));
        assertThat(first.ready()).isFalse();
        assertThat(first.parts().get(0).health()).isEqualTo(Health.down("no answer within 200 ms"));
        assertThat(first.parts().get(1).health().up()).isTrue();
        assertThat(second.parts().get(0).health().up()).isFalse();
        assertThat(started).hasValue(1);

        release.countDown();
        assertThat(awaitReady()).as("the hanging check's own answer counts once it comes").isTrue();
        checks.report();
        assertThat(started.get()).as("a new check once the hanging one answered").isGreaterThanOrEqualTo(2);
    }

    @Test
    void aPartRegistersOnce() {
        checks.register("mailbox", () -> Health.up("imap://mail.example.com"));

        assertThatThrownBy(() -> checks.register("mailbox", () -> Health.up("again")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("mailbox");
    }

    @Test
    void aPartStateIsWhatThePartLastSaid() {
        PartState state = new PartState(Health.up("no mail sent yet"));
        checks.register("smtp", state);

        state.down("did not take a mail: Connection refused");
        HealthChecks.Report down = checks.report();
        state.up("took a mail");
        HealthChecks.Report up = checks.report();

        assertThat(down.parts().get(0).health()).isEqualTo(Health.down("did not take a mail: Connection refused"));
        assertThat(up.ready()).isTrue();
    }

    private boolean awaitReady() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (System.nanoTime() < deadline) {
            if (checks.report().ready()) {
                return true;
            }
            Thread.sleep(10);
        }
        return false;
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
