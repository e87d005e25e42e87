package org.ticketpost.http.web;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.loader.ClasspathLoader;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

/**
 * The page's HTML, from the Pebble templates in ticketpost/pages/ on the class path. Every value
 * is escaped for HTML unless a template says otherwise, and none does: a customer's mail is text
 * on the page, never markup. Every answer carries a Content-Security-Policy that lets only the
 * page's own script and style file run, so that even markup that slipped through runs nothing.
 */
final class Pages {

    static final String SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
            + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    private final PebbleEngine engine;

    Pages() {
        ClasspathLoader loader = new ClasspathLoader(Pages.class.getClassLoader());
        loader.setPrefix("ticketpost/pages");
        loader.setSuffix(".peb");
        engine = new PebbleEngine.Builder().loader(loader).autoEscaping(true).defaultEscapingStrategy("html")
                .strictVariables(true).build();
    }

    /** Answers with the template filled from the model, and the headers every page carries. */
    void render(Context context, HttpStatus status, String template, Map<String, Object> model) {
        StringWriter html = new StringWriter();
        try {
            engine.getTemplate(template).evaluate(html, new HashMap<>(model));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        secure(context);
        context.status(status).html(html.toString());
    }

    /** The headers of every answer of the page: no inline script, no framing, no guessing of types, no caching. */
    static void secure(Context context) {
        context.header("Content-Security-Policy", SECURITY_POLICY);
        context.header("X-Content-Type-Options", "nosniff");
        context.header("X-Frame-Options", "DENY");
        context.header("Referrer-Policy", "no-referrer");
        context.header("Cache-Control", "no-store");
    }
}
