package org.ticketpost.desk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;
import org.ticketpost.Application;
import org.ticketpost.testing.Mails;
import org.ticketpost.testing.TestApp;
import org.ticketpost.testing.TestClock;
import org.ticketpost.testing.TestDatabase;
import org.ticketpost.ticket.EventKind;
import org.ticketpost.ticket.Message;
import org.ticketpost.ticket.SenderRule;
import org.ticketpost.ticket.Status;
import org.ticketpost.ticket.SupportKey;
import org.ticketpost.ticket.TicketEvent;
import org.ticketpost.ticket.TicketNumber;
import org.ticketpost.ticket.TicketQuery;

/** What engineers read of the tickets, on a real database: filters, pages, and whole tickets read after the transaction. */
class TicketQueriesIT {

    private static final String OTHER_KEY = "OXSK-BEIS-2345";

    @TempDir
    Path folder;

    private final TestClock clock = TestClock.at("2026-11-16T08:15:00Z");

    private TicketNumber open(TestApp app, String key, int severity, String from) {
        clock.advance(Duration.ofMinutes(1));
        return app.receive(Mails.load("intake/request.eml", Map.of("from", from, "fromName", "Jane Doe",
                "subject", "Severity " + severity, "messageId", "m" + clock.instant().toEpochMilli() + "@mail.example.com",
                "key", key, "severity", Integer.toString(severity)))).ticket().orElseThrow();
    }

    private static List<String> numbers(List<TicketSummary> tickets) {
        return tickets.stream().map(ticket -> ticket.number().digits()).toList();
    }

    private static List<String> digits(List<TicketNumber> numbers) {
        return numbers.stream().map(TicketNumber::digits).toList();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void pagesRunOnFromTheEscalatedTicketsToTheOthersInOneOrder(TestDatabase.Kind kind) throws Exception {
        TestApp.on(kind, folder, clock, (app, database) -> {
            app.addEngineer("jane.doe");
            List<TicketNumber> opened = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                opened.add(open(app, TestApp.KEY, 2, "jane@example.com"));
            }
            for (int escalated : new int[] {4, 2}) {
                app.application().ticketActions().escalateByPhone(opened.get(escalated).digits(), "Jane", "down", "jane.doe");
            }
            TicketQueries tickets = app.application().tickets();
            List<String> order = digits(List.of(opened.get(2), opened.get(4), opened.get(0), opened.get(1), opened.get(3)));

            assertThat(numbers(tickets.list(TicketQuery.open()))).as("escalated first, each part nearest due first").isEqualTo(order);
            for (int offset = 0; offset <= 5; offset++) {
                assertThat(numbers(tickets.list(TicketQuery.open().page(2, offset)))).as("2 from " + offset)
                        .isEqualTo(order.subList(Math.min(offset, 5), Math.min(offset + 2, 5)));
            }
            assertThat(numbers(tickets.list(TicketQuery.open().escalatedOnly().page(1, 1)))).containsExactly(order.get(1));
            assertThat(tickets.list(TicketQuery.open().escalatedOnly().page(1, 2))).isEmpty();
        });
    }

    @Test
    void listsTheOpenTicketsNearestDueFirstThenNewestByFilterAndPage() throws Exception {
        TestApp.on(TestDatabase.Kind.H2, folder, clock, (app, database) -> {
            app.read(stores -> {
                stores.keys().add(new SupportKey(OTHER_KEY, "100% Beispiel GmbH", "premium",
                        List.of(SenderRule.parse("beispiel.de").orElseThrow()), null, clock.instant()));
                return null;
            });
            List<TicketNumber> example = new ArrayList<>();
            for (int severity : new int[] {1, 2, 2, 3}) {
                example.add(open(app, TestApp.KEY, severity, "jane@example.com"));
            }
            TicketNumber beispiel = open(app, OTHER_KEY, 2, "anna@beispiel.de");
            TicketNumber resolved = open(app, TestApp.KEY, 2, "jane@example.com");
            app.read(stores -> {
                stores.tickets().find(resolved).orElseThrow()
                        .changeStatus(Status.RESOLVED, "engineer", clock.instant(), app.application().plans());
                return null;
            });
            TicketQueries tickets = app.application().tickets();

            List<TicketSummary> open = tickets.list(TicketQuery.open());
            List<TicketSummary> severityTwo = tickets.list(TicketQuery.open().withSeverity(2));
            List<TicketSummary> ofBeispiel = tickets.list(TicketQuery.open().withCustomer("beispiel"));
            List<TicketSummary> percent = tickets.list(TicketQuery.open().withCustomer("% beis"));
            List<TicketSummary> underscore = tickets.list(TicketQuery.open().withCustomer("_"));
            List<TicketSummary> page2 = tickets.list(TicketQuery.open().page(2, 2));
            List<TicketSummary> past = tickets.list(TicketQuery.open().page(2, 10));
            List<TicketSummary> resolvedOnes = tickets.list(TicketQuery.open().withStatuses(EnumSet.of(Status.RESOLVED)));
            List<TicketSummary> product = tickets.list(TicketQuery.open().withProduct("oxappsuite").withComponent("groupware server")
                    .withSeverity(1));
            List<TicketSummary> otherProduct = tickets.list(TicketQuery.open().withProduct("OX5"));

            // first responses due: Severity 1 in 1 hour, premium Severity 2 in 2, advanced Severity 2 in 4; Severity 3 counts
            // business hours, which give no due time here
            assertThat(numbers(open)).containsExactly(example.get(0).digits(), beispiel.digits(), example.get(1).digits(),
                    example.get(2).digits(), example.get(3).digits());
            assertThat(numbers(severityTwo)).containsExactly(beispiel.digits(), example.get(1).digits(), example.get(2).digits());
            assertThat(numbers(ofBeispiel)).containsExactly(beispiel.digits());
            assertThat(numbers(percent)).as("a % in the filter is a percent sign").containsExactly(beispiel.digits());
            assertThat(underscore).as("an _ in the filter is an underscore").isEmpty();
            assertThat(numbers(page2)).containsExactly(example.get(1).digits(), example.get(2).digits());
            assertThat(past).isEmpty();
            assertThat(numbers(resolvedOnes)).containsExactly(resolved.digits());
            assertThat(numbers(product)).containsExactly(example.get(0).digits());
            assertThat(otherProduct).isEmpty();
            TicketSummary first = open.get(1);
            assertThat(first.customer()).isEqualTo("100% Beispiel GmbH");
            assertThat(first.status()).isEqualTo(Status.NEW);
            assertThat(first.severity()).isEqualTo(2);
            assertThat(first.product()).contains("OXAPPSUITE");
            assertThat(first.created()).isEqualTo(Instant.parse("2026-11-16T08:20:00Z"));
        });
    }

    @Test
    void aTicketIsReadWholeWithItsMailsAttachmentsAndHistoryUsableAfterTheTransaction() throws Exception {
        try (TestDatabase database = TestDatabase.create(TestDatabase.Kind.H2, folder);
                TestApp app = TestApp.start(database, folder, clock, Map.of("TICKETPOST_ATTACHMENTS_MAX_SIZE", "2KB"))) {
            app.addKey();
            String largeLog = Base64.getMimeEncoder().encodeToString("x".repeat(3 * 1024).getBytes());
            TicketNumber number = app.receive(Mails.load("intake/request-with-attachments.eml", Map.of(
                    "messageId", "whole@mail.example.com", "key", TestApp.KEY,
                    "greeting", "Hello, our users receive no invitations.", "largeLog", largeLog))).ticket().orElseThrow();

            TicketDetails ticket = app.application().tickets().show(" " + number.digits() + " ");

            assertThat(ticket.summary().number()).isEqualTo(number);
            assertThat(ticket.plan()).as("read from the support key inside the transaction").isEqualTo("advanced");
            assertThat(ticket.fields()).containsEntry("supportKey", TestApp.KEY).containsEntry("severity", "2");
            assertThat(ticket.messages()).extracting(MessageView::direction)
                    .containsExactly(Message.Direction.IN, Message.Direction.OUT);
            MessageView received = ticket.messages().get(0);
            assertThat(received.from()).contains("jane@example.com");
            assertThat(received.messageId()).contains("whole@mail.example.com");
            assertThat(received.text()).contains("our users receive no invitations");
            assertThat(received.attachments()).extracting(AttachmentView::name, AttachmentView::stored).containsExactly(
                    org.assertj.core.groups.Tuple.tuple("open-xchange.log", false),
                    org.assertj.core.groups.Tuple.tuple("config.txt", true));
            assertThat(received.attachments().get(0).size()).isEqualTo(3 * 1024);
            assertThat(received.attachments().get(1).sha256()).get().asString().hasSize(64);
            assertThat(ticket.events()).extracting(EventView::kind).containsExactly(EventKind.CREATED, EventKind.REPLY_QUEUED);
            assertThat(ticket.events().get(0).newValue()).contains("new");
            assertThat(ticket.events().get(1).actor()).isEqualTo(TicketEvent.SYSTEM);
            assertThat(ticket.events().get(1).at()).isEqualTo(clock.instant());
        }
    }

    @Test
    void aMistypedNumberAnUnknownTicketAndAMissingDatabaseAreRefused() throws Exception {
        try (TestDatabase database = TestDatabase.create(TestDatabase.Kind.H2, folder);
                Application app = Application.configure(database.env(), clock)) {
            Refusal noDatabase = refusal(() -> app.tickets().list(TicketQuery.open()));
            Refusal mistyped = refusal(() -> app.tickets().show("100008"));
            app.keys().add(new KeyRegistry.NewKey(TestApp.KEY, "Example", "advanced", List.of("example.com"),
                    java.util.Optional.empty()));   // creates the database
            Refusal unknown = refusal(() -> app.tickets().show("100009"));

            assertThat(noDatabase).isEqualTo(new Refusal.NoDatabase(folder.resolve("ticketpost.mv.db")));
            assertThat(mistyped).isEqualTo(new Refusal.NotATicketNumber("100008"));
            assertThat(unknown).isEqualTo(new Refusal.NoSuchTicket(TicketNumber.parse("100009").orElseThrow()));
            assertThat(app.tickets().list(TicketQuery.open())).isEmpty();
        }
    }

    private static Refusal refusal(ThrowingCallable call) {
        Refused refused = catchThrowableOfType(Refused.class, call);
        assertThat(refused).as("refused").isNotNull();
        return refused.refusal();
    }
}
