package org.ticketpost.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ticketpost.testing.Mails;
import org.ticketpost.testing.TestApp;
import org.ticketpost.testing.TestClock;
import org.ticketpost.testing.TestDatabase;

/**
 * The reply is in the customer's language: the one of the words they wrote, whichever
 * template the labels were copied from. Through intake on H2, reading the reply in the outbox.
 */
class LanguageIntakeIT {

    @TempDir
    Path folder;

    private final TestClock clock = TestClock.at("2026-11-16T08:15:00Z");

    private String replyTo(String fixture, String key) {
        try (TestDatabase database = TestDatabase.create(TestDatabase.Kind.H2, folder);
                TestApp app = TestApp.start(database, folder, clock)) {
            app.addKey();
            app.receive(Mails.load("intake/" + fixture, Map.of("messageId", UUID.randomUUID() + "@mail.example.com", "key", key)));
            List<String> replies = app.read(stores -> stores.outbox().due(Instant.parse("2100-01-01T00:00:00Z"), 100).stream()
                    .map(entry -> entry.message().body()).toList());
            assertThat(replies).hasSize(1);
            return replies.get(0);
        }
    }

    @Test
    void germanWordsUnderEnglishLabelsAreConfirmedInGerman() {
        String confirmation = replyTo("request-german-words-english-labels.eml", TestApp.KEY);

        assertThat(confirmation).startsWith("Guten Tag Jana Berger,")
                .contains("Wir haben dafür das Ticket")
                .contains("Schweregrad: 2");
    }

    @Test
    void germanWordsUnderEnglishLabelsAreRejectedInGermanWithTheGermanTemplate() {
        String rejection = replyTo("request-german-words-english-labels.eml", "OXSK-0000-0000");

        assertThat(rejection).startsWith("Guten Tag Jana Berger,")
                .contains("für Ihre Mail konnten wir leider kein Ticket eröffnen")
                .contains("Schweregrad: 2")
                .doesNotContain("Severity:");
    }

    @Test
    void englishWordsUnderGermanLabelsAreConfirmedInEnglish() {
        String confirmation = replyTo("request-english-words-german-labels.eml", TestApp.KEY);

        assertThat(confirmation).startsWith("Hello Jane Doe,")
                .contains("We have opened ticket")
                .contains("Severity: 2");
    }
}
