package org.ticketpost.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.ticketpost.testing.TestApp;
import org.ticketpost.testing.TestClock;
import org.ticketpost.testing.TestDatabase;
import org.ticketpost.ticket.Message;
import org.ticketpost.ticket.OutboxEntry;
import org.ticketpost.ticket.SenderRule;
import org.ticketpost.ticket.SupportKey;

/**
 * The lookups that run for every mail (a support key, a mail received before, the replies to a
 * sender) see what their own transaction stored before them, though it is not yet written out.
 */
class LookupInTransactionIT {

    private static final Instant NOW = Instant.parse("2026-11-16T08:15:00Z");

    @TempDir
    Path folder;

    /** What each lookup found right after its transaction stored the thing it looks for. */
    private record Found(boolean key, boolean mail, long replies) {
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aKeyAMailAndAReplyStoredInATransactionAreFoundInIt(TestDatabase.Kind kind) throws Exception {
        TestApp.on(kind, folder, TestClock.at("2026-11-16T08:15:00Z"), (app, database) -> {
            Found found = app.read(stores -> {
                stores.keys().add(new SupportKey("OXSK-AAAA-BBBB", "Example Corp", "advanced",
                        List.of(SenderRule.parse("example.com").orElseThrow()), null, NOW));
                boolean key = stores.keys().find("OXSK-AAAA-BBBB").isPresent();

                stores.messages().add(Message.received(Message.Handling.REJECTED, null, "<lookup@mail.example.com>",
                        "lookup@mail.example.com", List.of(), List.of(), "jane@example.com", "Jane Doe",
                        List.of("support@ticketpost.example"), "Help", "text", "en", "0".repeat(64), 100, NOW));
                boolean mail = stores.messages().findByKey("<lookup@mail.example.com>").isPresent();

                Message reply = Message.automaticReply(null, "ticketpost.r.1@ticketpost.example",
                        List.of("lookup@mail.example.com"), List.of(), "support@ticketpost.example", "Support",
                        "jane@example.com", "Re: Help", "text", "en", NOW);
                stores.messages().add(reply);
                stores.outbox().add(new OutboxEntry(reply, "rejection", "jane@example.com", "",
                        "support+bounce-k3j9x2m4q8wzab7c@ticketpost.example", NOW));
                long replies = stores.outbox().countToMailbox("jane@example.com", NOW.minusSeconds(60));
                return new Found(key, mail, replies);
            });

            assertThat(found).isEqualTo(new Found(true, true, 1));
        });
    }
}
