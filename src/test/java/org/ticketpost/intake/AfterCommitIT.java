package org.ticketpost.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ticketpost.testing.Mails;
import org.ticketpost.testing.TestApp;
import org.ticketpost.testing.TestClock;
import org.ticketpost.testing.TestDatabase;

/**
 * The task a service hangs on the reception (waking the outbox sender) runs after each mail whose
 * outcome is committed, and only then: the reply it queued can leave at once, and a mail that was
 * not taken in wakes nothing.
 */
class AfterCommitIT {

    @TempDir
    Path folder;

    @Test
    void theTaskRunsOnceTheOutcomeIsCommittedAndNotForAMailNotTakenIn() throws Exception {
        TestApp.on(TestDatabase.Kind.H2, folder, TestClock.at("2026-11-16T08:15:00Z"), (app, database) -> {
            List<Long> outboxAtWake = new ArrayList<>();
            Reception reception = app.application().reception()
                    .afterEachCommit(() -> outboxAtWake.add(database.count("select count(*) from outbox")));

            reception.deliver(mail(Mails.load("intake/request.eml", Map.of("from", "jane@example.com", "fromName", "Jane Doe",
                    "subject", "Calendar", "messageId", "wake-1@mail.example.com", "key", TestApp.KEY, "severity", "2"))));
            reception.deliver(mail("just some notes\nwithout any header\n"));

            assertThat(outboxAtWake).as("one wake, after the confirmation was committed").containsExactly(1L);
        });
    }

    private static ByteArrayInputStream mail(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
