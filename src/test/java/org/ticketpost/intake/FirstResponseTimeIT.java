package org.ticketpost.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ticketpost.testing.Mails;
import org.ticketpost.testing.TestApp;
import org.ticketpost.testing.TestClock;
import org.ticketpost.testing.TestDatabase;
import org.ticketpost.ticket.SenderRule;
import org.ticketpost.ticket.SupportKey;

/**
 * The confirmation says by when the customer hears from support: the first-response clock that
 * intake opened, in the zone of the plan's business hours, or in time.zone for a plan around the
 * clock; in the customer's language. Through intake on H2, reading the reply in the outbox.
 */
class FirstResponseTimeIT {

    /** Friday evening: 19:30 in Berlin, 18:30 in London. */
    private static final Instant FRIDAY_EVENING = Instant.parse("2026-11-20T18:30:00Z");
    private static final String LONDON_KEY = "OXSK-LOND-0002";
    private static final String NO_TARGET_KEY = "OXSK-NONE-0003";

    @TempDir
    Path folder;

    private final TestClock clock = new TestClock(FRIDAY_EVENING);
    private Map<String, String> settings;

    @BeforeEach
    void plans() throws Exception {
        Path config = Files.createDirectories(folder.resolve("config"));
        // advanced as shipped; london runs Severity 2 on London's business hours; noTarget promises no first response
        Files.writeString(config.resolve("sla-plans.yaml"), Files.readString(Path.of("config/sla-plans.yaml"))
                .replace("plans:\n", """
                          london:
                            zone: Europe/London
                            days: [MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY]
                            from: "08:00"
                            until: "18:00"
                        plans:
                          london:
                            1: {calendar: 24x7, firstResponse: PT1H}
                            2: {calendar: london, firstResponse: 4 business hours}
                            3: {calendar: london, firstResponse: 1 business day}
                            4: {calendar: london}
                          noTarget:
                            1: {calendar: 24x7, resolution: P1D}
                            2: {calendar: 24x7, resolution: P1D}
                            3: {calendar: business, resolution: 20 business days}
                            4: {calendar: business}
                        """));
        settings = Map.of("TICKETPOST_CONFIG_DIR", config.toString());
    }

    private String confirmationOf(String fixture, String key, String plan) {
        try (TestDatabase database = TestDatabase.create(TestDatabase.Kind.H2, folder);
                TestApp app = TestApp.start(database, folder, clock, settings)) {
            app.application().database().inTransaction(stores -> {
                stores.keys().add(new SupportKey(key, TestApp.CUSTOMER, plan, List.of(new SenderRule("example.com")), null,
                        FRIDAY_EVENING));
                return null;
            });
            app.receive(Mails.load(fixture, Map.of("from", "jane@example.com", "fromName", "Jane", "subject", "Calendar",
                    "messageId", UUID.randomUUID() + "@mail.example.com", "key", key, "severity", "2")));
            List<String> replies = app.read(stores -> stores.outbox().due(Instant.parse("2100-01-01T00:00:00Z"), 100).stream()
                    .map(entry -> entry.message().body()).toList());
            assertThat(replies).hasSize(1);
            return replies.get(0);
        }
    }

    @Test
    void aFridayEveningSeverityTwoOnBusinessHoursIsAnsweredByMondayInThePlansZone() {
        String confirmation = confirmationOf("intake/request.eml", LONDON_KEY, "london");

        // London opens on Monday at 08:00; four business hours later it is noon there, 13:00 in Berlin
        assertThat(confirmation).contains("get back to you.\n\nWe will respond by Monday, 23 November 2026, 12:00 GMT.\n\n");
    }

    @Test
    void aGermanRequestOnAPlanAroundTheClockIsToldItsTimeInGermanInTheConfiguredZone() {
        String confirmation = confirmationOf("outbox/request-de.eml", TestApp.KEY, "advanced");

        // Severity 2 on advanced: four hours around the clock, shown in time.zone (Europe/Berlin)
        assertThat(confirmation).contains("melden uns bei Ihnen.\n\nWir antworten bis Freitag, 20. November 2026, 23:30 MEZ.\n\n");
    }

    @Test
    void aPlanWithoutAFirstResponseTargetNamesNoTime() {
        String confirmation = confirmationOf("intake/request.eml", NO_TARGET_KEY, "noTarget");

        assertThat(confirmation).contains("We have opened ticket").doesNotContain("respond by").doesNotContain("2026");
    }
}
