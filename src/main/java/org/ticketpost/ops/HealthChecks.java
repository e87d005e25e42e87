package org.ticketpost.ops;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The checks of the service's parts, each registered by the part as it is set up. Asked for a
 * report, it runs them all at once and waits a bounded time: a part that does not answer in
 * time is down, so that a probe learns of a database that hangs as fast as of one that refuses.
 * A check still running from an earlier report is waited for again, never started twice.
 */
public final class HealthChecks implements AutoCloseable {

    /** Within a load balancer's or an orchestrator's usual probe timeout of a few seconds. */
    public static final Duration DEFAULT_PATIENCE = Duration.ofSeconds(2);

    /** One part's answer. */
    public record PartHealth(String part, Health health) {
    }

    /** Every part's answer, in the order the parts registered. */
    public record Report(List<PartHealth> parts) {
        public Report {
            parts = List.copyOf(parts);
        }

        /** Ready to do its work: every part is up. */
        public boolean ready() {
            return parts.stream().allMatch(part -> part.health().up());
        }
    }

    private final Map<String, HealthCheck> checks = new LinkedHashMap<>();
    private final Map<String, CompletableFuture<Health>> running = new ConcurrentHashMap<>();
    private final Map<String, Health> lastAnswers = new ConcurrentHashMap<>();
    private final Duration patience;
    private final ExecutorService threads = Executors.newCachedThreadPool(check -> {
        Thread thread = new Thread(check, "health-check");
        thread.setDaemon(true);   // a check stuck on a dead connection must not keep the JVM from ending
        return thread;
    });

    public HealthChecks() {
        this(DEFAULT_PATIENCE);
    }

    /** @param patience how long a report waits for the slowest check */
    public HealthChecks(Duration patience) {
        this.patience = patience;
    }

    /** @param part the name the report gives it: "database", "smtp", "mailbox", "lmtp" */
    public synchronized void register(String part, HealthCheck check) {
        if (checks.putIfAbsent(part, check) != null) {
            throw new IllegalStateException("a check for " + part + " is registered already");
        }
    }

    public Report report() {
        Map<String, CompletableFuture<Health>> started = new LinkedHashMap<>();
        synchronized (this) {
            checks.forEach((part, check) -> started.put(part, running.compute(part,
                    (name, earlier) -> earlier == null || earlier.isDone() ? run(name, check) : earlier)));
        }
        long deadline = System.nanoTime() + patience.toNanos();
        List<PartHealth> parts = new ArrayList<>();
        started.forEach((part, answer) -> parts.add(new PartHealth(part, await(part, answer, deadline))));
        return new Report(parts);
    }

    private CompletableFuture<Health> run(String part, HealthCheck check) {
        return CompletableFuture.supplyAsync(() -> {
            Health health;
            try {
                health = check.check();
            } catch (RuntimeException e) {
                health = Health.down(e.getMessage() == null ? e.toString() : e.getMessage());
            }
            lastAnswers.put(part, health);
            return health;
        }, threads);
    }

    private Health await(String part, CompletableFuture<Health> answer, long deadline) {
        try {
            return answer.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            Health last = lastAnswers.get(part);
            return Health.down("no answer within " + patience.toMillis() + " ms"
                    + (last == null || last.up() ? "" : "; the last answer: " + last.detail()));
        } catch (ExecutionException e) {
            return Health.down(e.getCause().toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Health.down("not checked: interrupted");
        }
    }

    @Override
    public void close() {
        threads.shutdownNow();
    }
}
