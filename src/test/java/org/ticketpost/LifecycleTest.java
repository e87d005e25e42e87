package org.ticketpost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LifecycleTest {

    private final List<String> calls = new ArrayList<>();

    private Lifecycle.Start starting(String name) {
        return () -> calls.add("start " + name);
    }

    private AutoCloseable stopping(String name) {
        return () -> calls.add("stop " + name);
    }

    @Test
    void partsStartInOrderAndStopInReverseOnce() {
        Lifecycle lifecycle = new Lifecycle()
                .add("mailbox reader", starting("reader"), stopping("reader"))
                .add("outbox sender", starting("sender"), stopping("sender"))
                .add("http", starting("http"), stopping("http"));

        lifecycle.start();
        lifecycle.close();
        lifecycle.close();

        assertThat(calls).containsExactly("start reader", "start sender", "start http", "stop http", "stop sender", "stop reader");
    }

    @Test
    void theRunningPartsAreNamedInTheOrderTheyStarted() {
        Lifecycle lifecycle = new Lifecycle()
                .add("database jdbc:h2:file:/opt/ticketpost/data/ticketpost", starting("database"), stopping("database"))
                .add("HTTP server on http://127.0.0.1:8080", starting("http"), stopping("http"));

        assertThat(lifecycle.running()).isEmpty();
        lifecycle.start();
        assertThat(lifecycle.running()).containsExactly("database jdbc:h2:file:/opt/ticketpost/data/ticketpost",
                "HTTP server on http://127.0.0.1:8080");
        lifecycle.close();
        assertThat(lifecycle.running()).isEmpty();
    }

    @Test
    void aPartThatDoesNotStartStopsThoseStartedBeforeItAndIsNamed() {
        Lifecycle lifecycle = new Lifecycle()
                .add("mailbox reader", starting("reader"), stopping("reader"))
                .add("http on port 8080", () -> {
                    throw new java.net.BindException("Address already in use");
                }, stopping("http"))
                .add("scheduler", starting("scheduler"), stopping("scheduler"));

        assertThatThrownBy(lifecycle::start)
                .isInstanceOf(Lifecycle.StartException.class)
                .hasMessage("http on port 8080 did not start: Address already in use");
        assertThat(calls).containsExactly("start reader", "stop reader");
    }

    @Test
    void aPartThatFailsToStopDoesNotKeepTheOthersRunning() {
        Lifecycle lifecycle = new Lifecycle()
                .add("mailbox reader", starting("reader"), stopping("reader"))
                .add("outbox sender", starting("sender"), () -> {
                    throw new IllegalStateException("connection lost");
                })
                .add("http", starting("http"), stopping("http"));

        lifecycle.start();
        lifecycle.close();

        assertThat(calls).containsExactly("start reader", "start sender", "start http", "stop http", "stop reader");
    }

    @Test
    void nothingIsAddedAfterTheStart() {
        Lifecycle lifecycle = new Lifecycle();
        lifecycle.start();
        try {
            assertThatThrownBy(() -> lifecycle.add("late", starting("late"), stopping("late")))
                    .isInstanceOf(IllegalStateException.class);
        } finally {
            lifecycle.close();
        }
    }
}
