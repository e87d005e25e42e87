package org.ticketpost.http.web;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ticketpost.Application;
import org.ticketpost.desk.Engineers;
import org.ticketpost.desk.KeyRegistry;
import org.ticketpost.intake.Delivery;
import org.ticketpost.mail.SmtpSender;
import org.ticketpost.mail.SmtpSettings;
import org.ticketpost.reply.OutboxDispatcher;
import org.ticketpost.reply.OutboxPolicy;
import org.ticketpost.testing.Mails;
import org.ticketpost.testing.Ports;
import org.ticketpost.testing.TestApp;
import org.ticketpost.testing.TestDatabase;

/** Ticketpost serving on an H2 database and a port of its own, with the test's support key and one engineer who has a password. */
final class ServedPage implements AutoCloseable {

    static final String ENGINEER = "alice";
    static final String PASSWORD = "correct horse battery";
    static final String CUSTOMER_ADDRESS = "jane@example.com";

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
        return receive(fixture, messageId, 2);
    }

    /** The same, from {@link #CUSTOMER_ADDRESS}, asking for this severity where the fixture has a slot for it. */
    String receive(String fixture, String messageId, int severity) {
        String mail = Mails.load(fixture, Map.of("messageId", messageId, "key", TestApp.KEY, "from", CUSTOMER_ADDRESS,
                "fromName", "Jane Doe", "subject", "Calendar invitations are not delivered", "severity", Integer.toString(severity)));
        Delivery delivery = app.reception().deliver(new ByteArrayInputStream(mail.getBytes(StandardCharsets.UTF_8)));
        if (delivery instanceof Delivery.Accepted accepted && accepted.outcome().ticket().isPresent()) {
            return accepted.outcome().ticket().get().digits();
        }
        throw new IllegalStateException(fixture + " opened no ticket: " + delivery);
    }

    /** Sends what waits in the outbox through the SMTP server on this port, as `serve` does where smtp.url names it. */
    OutboxDispatcher.Pass sendOutbox(int smtpPort) {
        SmtpSender smtp = new SmtpSender(SmtpSettings.parse("smtp://127.0.0.1:" + smtpPort + "?starttls=off", Optional.empty(),
                Optional.empty(), Duration.ofSeconds(10)));
        try (OutboxDispatcher dispatcher = new OutboxDispatcher(app.database(), smtp, Clock.systemUTC(), OutboxPolicy.DEFAULT)) {
            return dispatcher.sendDue();
        }
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
