package org.ticketpost.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ticketpost.testing.Mails;
import org.ticketpost.testing.TestApp;
import org.ticketpost.testing.TestDatabase;

/** A mail is taken in at one moment: its ticket, its message, its events and its reply all carry it. */
class OneMomentIT {

    @TempDir
    Path folder;

    @Test
    void everythingStoredOfAMailCarriesTheMomentItWasTakenUp() throws Exception {
        TickingClock clock = new TickingClock(Instant.parse("2026-11-16T08:15:00Z"));
        TestApp.on(TestDatabase.Kind.H2, folder, clock, (app, database) -> {
            int before = clock.readings().size();

            Outcome outcome = app.receive(Mails.load("intake/request.eml", Map.of("from", "jane@example.com", "fromName", "Jane Doe",
                    "subject", "Calendar", "messageId", "moment@mail.example.com", "key", TestApp.KEY, "severity", "2")));

            List<Instant> readings = clock.readings().subList(before, clock.readings().size());
            assertThat(readings).as("the clock is read once per mail").hasSize(1);
            Instant created = app.read(stores -> stores.tickets().find(outcome.ticket().orElseThrow()).orElseThrow().createdAt());
            assertThat(created).isEqualTo(readings.get(0));
            assertThat(database.count("select count(distinct moment) from (select created_at moment from ticket "
                    + "union select updated_at from ticket union select created_at from message "
                    + "union select at from ticket_event union select created_at from outbox) moments"))
                    .as("ticket, messages, events and outbox at one moment").isEqualTo(1);
        });
    }

    /** Moves on a second each time it is read, and remembers what it said. */
    private static final class TickingClock extends Clock {
        private Instant now;
        private final List<Instant> readings = new ArrayList<>();

        TickingClock(Instant start) {
            this.now = start;
        }

        synchronized List<Instant> readings() {
            return new ArrayList<>(readings);
        }

        @Override
        public synchronized Instant instant() {
            now = now.plus(Duration.ofSeconds(1));
            readings.add(now);
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
