package org.ticketpost.http;

import io.javalin.config.RoutesConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/** GET /metrics: every meter in Prometheus's text format, for a Prometheus server to scrape. */
final class MetricsRoutes implements HttpRoutes {

    /** Prometheus's text exposition format, which every Prometheus server reads. */
    static final String TEXT_FORMAT = "text/plain; version=0.0.4; charset=utf-8";

    private final PrometheusMeterRegistry registry;

    MetricsRoutes(PrometheusMeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.get("/metrics", context -> context.contentType(TEXT_FORMAT).result(registry.scrape(TEXT_FORMAT)));
    }

    @Override
    public String shown() {
        return "/metrics";
    }
}
