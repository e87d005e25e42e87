package org.ticketpost.http.web;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ticketpost.Application;
import org.ticketpost.desk.Engineers;
import org.ticketpost.desk.KeyRegistry;
import org.ticketpost.intake.Delivery;
import org.ticketpost.testing.Mails;
import org.ticketpost.testing.Ports;
import org.ticketpost.testing.TestApp;
import org.ticketpost.testing.TestDatabase;

/** Ticketpost serving on an H2 database and a port of its own, with the test's support key and one engineer who has a password. */
final class ServedPage implements AutoCloseable {

    static final String ENGINEER = "alice";
    static final String PASSWORD = "correct horse battery";

    private final TestDatabase database;
    private final Application app;
    private final int port;

    private ServedPage(TestDatabase database, Application app, int port) {
        this.database = database;
        this.app = app;
        this.port = port;
    }

    static ServedPage start(Path folder) throws Exception {
        TestDatabase database = TestDatabase.create(TestDatabase.Kind.H2, folder);
        int port = Ports.free();
        Map<String, String> env = new HashMap<>(database.env());
        env.put("TICKETPOST_STORAGE_DIR", folder.resolve("files").toString());
        env.put("TICKETPOST_MAIL_ADDRESS", "support@ticketpost.example");
        env.put("TICKETPOST_HTTP_PORT", Integer.toString(port));
        Application app = Application.configure(env, Clock.systemUTC());
        try {
            app.serve();
            app.keys().add(new KeyRegistry.NewKey(TestApp.KEY, TestApp.CUSTOMER, "advanced", List.of("example.com"), Optional.empty()));
            app.engineers().add(new Engineers.NewEngineer(ENGINEER, "alice@example.com", false));
            app.engineers().setPassword(ENGINEER, PASSWORD.toCharArray());
        } catch (Exception | Error e) {
            app.close();
            database.close();
            throw e;
        }
        return new ServedPage(database, app, port);
    }

    Application app() {
        return app;
    }

    int port() {
        return port;
    }

    String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    /** Takes in a fixture mail under src/test/resources/mails/, which must open a ticket; its number. */
    String receive(String fixture, String messageId) {
        String mail = Mails.load(fixture, Map.of("messageId", messageId, "key", TestApp.KEY, "from", "jane@example.com",
                "fromName", "Jane Doe", "subject", "Calendar invitations are not delivered", "severity", "2"));
        Delivery delivery = app.reception().deliver(new ByteArrayInputStream(mail.getBytes(StandardCharsets.UTF_8)));
        if (delivery instanceof Delivery.Accepted accepted && accepted.outcome().ticket().isPresent()) {
            return accepted.outcome().ticket().get().digits();
        }
        throw new IllegalStateException(fixture + " opened no ticket: " + delivery);
    }

    @Override
    public void close() {
        try {
            app.close();
        } finally {
            database.close();
        }
    }
}
