package org.ticketpost.http;

import io.javalin.Javalin;
import io.javalin.json.JavalinJackson;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.ticketpost.json.JsonText;

/**
 * Ticketpost's one HTTP server (Javalin on Jetty): the features add their routes before it
 * starts, and it serves them all on one address. Started and stopped once, as one of the
 * service's long-running parts.
 */
public final class HttpServer implements AutoCloseable {

    private final HttpAddress address;
    private final List<HttpRoutes> routes = new ArrayList<>();
    private Javalin server;

    public HttpServer(HttpAddress address) {
        this.address = address;
    }

    public synchronized HttpServer add(HttpRoutes feature) {
        if (server != null) {
            throw new IllegalStateException("add routes before the start");
        }
        routes.add(feature);
        return this;
    }

    /**
     * Listens from now on.
     *
     * @throws io.javalin.util.JavalinBindException when the address is taken or cannot be had
     */
    public synchronized void start() {
        if (server != null) {
            throw new IllegalStateException("started already");
        }
        server = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.jetty.host = address.host();
            config.jetty.port = address.port();
            config.jsonMapper(new JavalinJackson(JsonText.mapper(), false));   // the JSON of the command line
            routes.forEach(feature -> feature.addTo(config.routes));
        });
        try {
            server.start();
        } catch (RuntimeException e) {
            Javalin failed = server;
            server = null;
            failed.stop();   // Jetty's threads may have started before the port was refused
            throw e;
        }
    }

    public HttpAddress address() {
        return address;
    }

    /** Where its features serve: "/health, /metrics, /api". */
    public synchronized String shown() {
        return routes.stream().map(HttpRoutes::shown).filter(path -> !path.isEmpty()).collect(Collectors.joining(", "));
    }

    /** Stops listening, after the requests in hand are answered. */
    @Override
    public synchronized void close() {
        if (server != null) {
            server.stop();
            server = null;
        }
    }
}
