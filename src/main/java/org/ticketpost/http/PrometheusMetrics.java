package org.ticketpost.http;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.stream.Stream;
import org.ticketpost.ops.ServiceMetrics;
import org.ticketpost.ticket.UnitOfWork;

/**
 * The service's counts kept with Micrometer, for Prometheus: what the parts report through
 * {@link ServiceMetrics}, the outbox's backlog read from the database, and the JVM's own.
 */
public final class PrometheusMetrics implements ServiceMetrics {

    /** From a plain mail's few milliseconds to a large attachment's seconds. */
    private static final Duration[] BUCKETS = Stream.of(10, 25, 50, 100, 250, 500, 1_000, 2_500, 5_000, 10_000, 30_000)
            .map(Duration::ofMillis).toArray(Duration[]::new);

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Timer intake;
    private final Counter sent;

    public PrometheusMetrics(UnitOfWork database, Clock clock) {
        intake = Timer.builder("ticketpost.intake")
                .description("How long a mail took from its first byte to its commit or refusal, whatever its outcome")
                .serviceLevelObjectives(BUCKETS)   // a histogram Prometheus can take quantiles of
                .register(registry);
        sent = Counter.builder("ticketpost.outbox.sent").description("Replies the mail server took").register(registry);
        for (String result : new String[] {"deferred", "refused"}) {
            sendFailures(result);   // there from the start, so that a rate of them is 0, not missing
        }
        new OutboxGauges(database, clock).register(registry);
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
    }

    PrometheusMeterRegistry registry() {
        return registry;
    }

    @Override
    public void delivered(String outcome, Duration took) {
        Counter.builder("ticketpost.mails").description("Mails delivered to Ticketpost, by what became of them")
                .tag("outcome", outcome).register(registry).increment();
        intake.record(took);
    }

    @Override
    public void sent() {
        sent.increment();
    }

    @Override
    public void sendFailed(boolean forGood) {
        sendFailures(forGood ? "refused" : "deferred").increment();
    }

    @Override
    public void reconnected(String door) {
        Counter.builder("ticketpost.reconnects").description("Connections a door lost and made again, such as a mailbox reader's")
                .tag("door", door).register(registry).increment();
    }

    private Counter sendFailures(String result) {
        return Counter.builder("ticketpost.outbox.send.failures")
                .description("Replies the mail server did not take: deferred to a later attempt, or refused for good")
                .tag("result", result).register(registry);
    }
}
