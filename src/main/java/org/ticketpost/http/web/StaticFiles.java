package org.ticketpost.http.web;

import io.javalin.config.RoutesConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The page's one script and one style sheet, from the class path: the only code the page's policy lets run. */
final class StaticFiles {

    void addTo(RoutesConfig routes) {
        serve(routes, "page.js", "text/javascript; charset=utf-8");
        serve(routes, "page.css", "text/css; charset=utf-8");
    }

    private static void serve(RoutesConfig routes, String name, String type) {
        byte[] content = read("ticketpost/pages/static/" + name);
        routes.get("/static/" + name, context -> {
            Pages.secure(context);
            context.header("Cache-Control", "no-cache");
            context.contentType(type).result(content);
        });
    }

    private static byte[] read(String resource) {
        try (InputStream in = StaticFiles.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the class path");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
