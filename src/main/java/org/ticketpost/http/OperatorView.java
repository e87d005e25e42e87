package org.ticketpost.http;

import java.time.Clock;
import java.util.Optional;
import org.ticketpost.ops.HealthChecks;
import org.ticketpost.ops.ServiceMetrics;
import org.ticketpost.ticket.UnitOfWork;

/**
 * What an operator sees of a running service: each part's health, and the metrics, served over
 * HTTP as GET /health and GET /metrics where http.port names a port. The parts register their
 * checks and report their counts here while the service is put together; further features add
 * their routes to {@link #server()}.
 */
public final class OperatorView implements AutoCloseable {

    private final HealthChecks checks = new HealthChecks();
    private final PrometheusMetrics metrics;
    private final Optional<HttpServer> server;

    /** @param address where to serve it; none: counted and checked, but not served */
    public OperatorView(Optional<HttpAddress> address, UnitOfWork database, Clock clock) {
        this.metrics = new PrometheusMetrics(database, clock);
        this.server = address.map(HttpServer::new);
        server.ifPresent(http -> http.add(new HealthRoutes(checks)).add(new MetricsRoutes(metrics.registry())));
    }

    public HealthChecks checks() {
        return checks;
    }

    public ServiceMetrics metrics() {
        return metrics;
    }

    /** The HTTP server, unless http.port is set empty. */
    public Optional<HttpServer> server() {
        return server;
    }

    /** What it is, for the log: "HTTP server on http://127.0.0.1:8080 (/health, /metrics, /api)". */
    public String shown() {
        return server.map(http -> "HTTP server on " + http.address().url() + " (" + http.shown() + ")")
                .orElse("no HTTP server (http.port is empty): no /health, no /metrics");
    }

    public void start() {
        server.ifPresent(HttpServer::start);
    }

    @Override
    public void close() {
        server.ifPresent(HttpServer::close);
        checks.close();
    }
}
