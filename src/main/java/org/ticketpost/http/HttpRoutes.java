package org.ticketpost.http;

import io.javalin.config.RoutesConfig;

/**
 * Routes one feature adds to the HTTP server: the operator's health and metrics, and later the
 * engineers' JSON API and page. Each feature keeps its handlers in a class of its own.
 */
@FunctionalInterface
public interface HttpRoutes {

    void addTo(RoutesConfig routes);

    /** Where it serves, as the start line names it: "/health"; empty for a feature that goes unnamed there. */
    default String shown() {
        return "";
    }
}
