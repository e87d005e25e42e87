package org.ticketpost.testing;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.ticketpost.Application;
import org.ticketpost.desk.Engineers;
import org.ticketpost.desk.Refused;
import org.ticketpost.intake.Delivery;
import org.ticketpost.intake.Outcome;
import org.ticketpost.intake.Reception;
import org.ticketpost.ticket.SenderRule;
import org.ticketpost.ticket.Stores;
import org.ticketpost.ticket.SupportKey;

/** The real application on a test database and a temporary folder, driven by hand. */
public final class TestApp implements AutoCloseable {

    public static final String KEY = "OXSK-7Q4M-2KD9-X1PZ";
    public static final String CUSTOMER = "Example Corp";

    private final Application application;
    private final Reception reception;
    private final Clock clock;
    private final Map<String, String> env;

    private TestApp(Map<String, String> env, Clock clock) {
        this.env = env;
        this.application = Application.configure(env, clock);
        this.reception = application.reception();
        this.clock = clock;
    }

    /** What a test does with Ticketpost started on a fresh database. */
    public interface Scenario {
        void run(TestApp app, TestDatabase database) throws Exception;
    }

    /** Runs a scenario on a fresh database of the kind, with the test's support key registered. */
    public static void on(TestDatabase.Kind kind, Path folder, Clock clock, Scenario scenario) throws Exception {
        try (TestDatabase database = TestDatabase.create(kind, folder); TestApp app = start(database, folder, clock)) {
            app.addKey();
            scenario.run(app, database);
        }
    }

    public static TestApp start(TestDatabase database, Path folder, Clock clock) {
        return start(database, folder, clock, Map.of());
    }

    public static TestApp start(TestDatabase database, Path folder, Clock clock, Map<String, String> settings) {
        Map<String, String> env = new HashMap<>(database.env());
        env.put("TICKETPOST_STORAGE_DIR", folder.resolve("files").toString());
        env.put("TICKETPOST_MAIL_ADDRESS", "support@ticketpost.example");
        env.put("TICKETPOST_HTTP_PORT", "");   // no operator's view unless a test asks for one on a port of its own
        env.putAll(settings);
        return new TestApp(env, clock);
    }

    /** The environment this app runs with, for the command line. */
    public Map<String, String> env() {
        return env;
    }

    public Application application() {
        return application;
    }

    /** Delivers the mail, which must be taken in. */
    public Outcome receive(String mail) {
        Delivery delivery = deliver(mail);
        if (delivery instanceof Delivery.Accepted accepted) {
            return accepted.outcome();
        }
        throw new IllegalStateException("not taken in: " + delivery);
    }

    public Delivery deliver(String mail) {
        return reception.deliver(new ByteArrayInputStream(mail.getBytes(StandardCharsets.UTF_8)));
    }

    public <T> T read(Function<Stores, T> query) {
        return application.database().inTransaction(query);
    }

    /** Registers an engineer, who may then change tickets; the address is name@ticketpost.example. */
    public void addEngineer(String name) {
        try {
            application.engineers().add(new Engineers.NewEngineer(name, name + "@ticketpost.example", false));
        } catch (Refused e) {
            throw new IllegalStateException("engineer " + name + " not added: " + e.refusal(), e);
        }
    }

    /** The environment of {@link #env()} with TICKETPOST_ENGINEER naming the engineer the commands act as. */
    public Map<String, String> envAs(String engineer) {
        Map<String, String> withEngineer = new HashMap<>(env);
        withEngineer.put("TICKETPOST_ENGINEER", engineer);
        return withEngineer;
    }

    /** Registers the standard test key, allowing everyone at example.com. */
    public void addKey() {
        addKey(KEY, List.of("example.com"), null);
    }

    public void addKey(String key, List<String> allow, java.time.LocalDate validUntil) {
        application.database().inTransaction(stores -> {
            stores.keys().add(new SupportKey(key, CUSTOMER, "advanced",
                    allow.stream().map(rule -> SenderRule.parse(rule).orElseThrow()).toList(), validUntil, clock.instant()));
            return null;
        });
    }

    @Override
    public void close() {
        application.close();
    }
}
