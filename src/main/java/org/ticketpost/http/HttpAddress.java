package org.ticketpost.http;

import java.util.Optional;
import org.ticketpost.config.Settings;

/** Where the HTTP server listens: http.host and http.port, or nowhere when http.port is set empty. */
public record HttpAddress(String host, int port) {

    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 8080;

    /** Reads the settings; a mistake is recorded in them, to be reported with all the others. */
    public static Optional<HttpAddress> from(Settings settings) {
        if (settings.isSetEmpty("http.port")) {
            return Optional.empty();
        }
        return Optional.of(new HttpAddress(settings.text("http.host", DEFAULT_HOST),
                settings.number("http.port", DEFAULT_PORT, 1, 65_535)));
    }

    /** As a browser is pointed at it: http://127.0.0.1:8080, an IPv6 host in brackets. */
    public String url() {
        return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }
}
