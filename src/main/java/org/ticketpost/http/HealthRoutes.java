package org.ticketpost.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.List;
import org.ticketpost.ops.HealthChecks;

/**
 * GET /health: whether the service is ready, part by part, as JSON; 200 when every part is up,
 * 503 naming what is wrong otherwise. GET /health/live: 200 while the process answers at all,
 * for a probe that restarts a process which hangs, not one whose database is away.
 */
final class HealthRoutes implements HttpRoutes {

    record PartJson(String name, String status, String detail) {
    }

    record HealthJson(String status, boolean live, boolean ready, List<PartJson> parts) {
    }

    record LiveJson(String status, boolean live) {
    }

    private final HealthChecks checks;

    HealthRoutes(HealthChecks checks) {
        this.checks = checks;
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.get("/health", this::health);
        routes.get("/health/live", context -> context.json(new LiveJson("live", true)));
    }

    private void health(Context context) {
        HealthChecks.Report report = checks.report();
        List<PartJson> parts = report.parts().stream()
                .map(part -> new PartJson(part.part(), part.health().up() ? "up" : "down", part.health().detail()))
                .toList();
        context.status(report.ready() ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE)
                .json(new HealthJson(report.ready() ? "ready" : "not ready", true, report.ready(), parts));
    }

    @Override
    public String shown() {
        return "/health";
    }
}
