package org.ticketpost.http.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Map;
import java.util.Optional;
import org.ticketpost.desk.AttachmentFiles;
import org.ticketpost.desk.Refused;

/**
 * GET /tickets/{number}/attachments/{mail}/{file}: a file a customer sent, always as a download
 * of opaque bytes. A browser neither shows nor runs it on the page's origin, whatever its name
 * or type claims: an HTML file with a script is saved, not opened.
 */
final class AttachmentRoutes {

    private final AttachmentFiles files;
    private final Pages pages;
    private final Guard guard;

    AttachmentRoutes(AttachmentFiles files, Pages pages, Guard guard) {
        this.files = files;
        this.pages = pages;
        this.guard = guard;
    }

    void addTo(RoutesConfig routes) {
        routes.get("/tickets/{number}/attachments/{mail}/{file}", guard.page(this::download));
    }

    private void download(Context context, Session session) throws IOException {
        Optional<AttachmentFiles.Download> found;
        try {
            found = files.find(context.pathParam("number"), index(context.pathParam("mail")), index(context.pathParam("file")));
        } catch (Refused refused) {
            found = Optional.empty();
        }
        if (found.isEmpty()) {
            Map<String, Object> model = Layout.model(session, "No such file");
            model.put("message", "This ticket has no such file, or its content was not kept.");
            pages.render(context, HttpStatus.NOT_FOUND, "refused", model);
            return;
        }
        AttachmentFiles.Download download = found.get();
        Pages.secure(context);
        context.header("Content-Disposition", disposition(download.name()));
        context.contentType("application/octet-stream");
        context.header("Content-Length", Long.toString(Files.size(download.content())));
        context.result(Files.newInputStream(download.content()));
    }

    /** RFC 6266: a plain ASCII fallback name, and the real one percent-encoded; no quote or line break gets through. */
    static String disposition(String name) {
        String fallback = name.replaceAll("[^A-Za-z0-9._ -]", "_").strip();
        String encoded = URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
        return "attachment; filename=\"" + (fallback.isEmpty() ? "attachment" : fallback) + "\"; filename*=UTF-8''" + encoded;
    }

    private static int index(String text) {
        return text.matches("\\d{1,6}") ? Integer.parseInt(text) : -1;
    }
}
