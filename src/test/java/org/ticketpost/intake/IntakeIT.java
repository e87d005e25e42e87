package org.ticketpost.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.ticketpost.form.Problem;
import org.ticketpost.testing.Mails;
import org.ticketpost.testing.TestApp;
import org.ticketpost.testing.TestClock;
import org.ticketpost.testing.TestDatabase;
import org.ticketpost.ticket.Message;
import org.ticketpost.ticket.OutboxEntry;
import org.ticketpost.ticket.Status;
import org.ticketpost.ticket.Ticket;
import org.ticketpost.ticket.TicketNumber;

/** Intake on a real database, H2 and PostgreSQL: what a mail becomes, and what is stored and queued. */
class IntakeIT {

    @TempDir
    Path folder;

    private final TestClock clock = TestClock.at("2026-11-16T08:15:00Z");

    private void on(TestDatabase.Kind kind, TestApp.Scenario scenario) throws Exception {
        TestApp.on(kind, folder, clock, scenario);
    }

    private static String request(Map<String, String> changes) {
        Map<String, String> values = new HashMap<>(Map.of(
                "from", "jane@example.com", "fromName", "Jane Doe", "subject", "Calendar invitations are not delivered",
                "messageId", UUID.randomUUID() + "@mail.example.com", "key", TestApp.KEY, "severity", "2"));
        values.putAll(changes);
        return Mails.load("intake/request.eml", values);
    }

    private static String reply(String subject, String inReplyTo, String from) {
        return Mails.load("intake/reply.eml", Map.of("from", from, "fromName", "Jane Doe", "subject", subject,
                "messageId", UUID.randomUUID() + "@mail.example.com", "inReplyTo", inReplyTo, "references", inReplyTo));
    }

    private static List<OutboxEntry> outbox(TestApp app) {
        return app.read(stores -> {
            List<OutboxEntry> due = stores.outbox().due(java.time.Instant.parse("2100-01-01T00:00:00Z"), 100);
            due.forEach(entry -> entry.message().subject());   // read inside the transaction
            return due;
        });
    }

    private static int mailsOn(TestApp app, TicketNumber number) {
        return app.<Integer>read(stores -> stores.messages().ofTicket(stores.tickets().find(number).orElseThrow()).size());
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aValidRequestOpensATicketAndQueuesAConfirmation(TestDatabase.Kind kind) throws Exception {
        on(kind, (app, database) -> {
            Outcome outcome = app.receive(request(Map.of("messageId", "req-1@mail.example.com")));

            assertThat(outcome).isInstanceOf(Outcome.Opened.class);
            TicketNumber number = outcome.ticket().orElseThrow();
            Ticket ticket = app.read(stores -> {
                Ticket found = stores.tickets().find(number).orElseThrow();
                found.events().size();
                found.fields();   // the key and the events are read inside the transaction
                return found;
            });
            assertThat(ticket.status()).isEqualTo(Status.NEW);
            assertThat(ticket.severity()).isEqualTo(2);
            assertThat(ticket.customer()).isEqualTo(TestApp.CUSTOMER);
            assertThat(ticket.reporter()).isEqualTo("jane@example.com");
            assertThat(ticket.fields()).containsEntry("distribution", "DEBIAN").containsEntry("component", "Groupware Server");
            assertThat(ticket.events()).extracting(event -> event.kind().name()).containsExactly("CREATED", "REPLY_QUEUED");

            List<OutboxEntry> outbox = outbox(app);
            assertThat(outbox).singleElement().satisfies(entry -> {
                Message mail = entry.message();
                assertThat(entry.kind()).isEqualTo("confirmation");
                assertThat(entry.recipient()).isEqualTo("jane@example.com");
                assertThat(mail.subject()).isEqualTo("[Ticket#" + number + "] Calendar invitations are not delivered");
                assertThat(mail.autoSubmitted()).contains("auto-replied");
                assertThat(mail.messageId()).get().asString().endsWith("@ticketpost.example");
                assertThat(mail.inReplyTo()).containsExactly("req-1@mail.example.com");
                assertThat(mail.references()).containsExactly("req-1@mail.example.com");
                assertThat(mail.body()).contains(number.digits()).contains("Severity: 2").contains("Product: OXAPPSUITE")
                        .contains("Component: Groupware Server").contains("Server: https://ox.example.com/appsuite/");
            });
        });
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void theConfirmationNamesAnAttachmentNotKeptAndTheLimitInTheCustomersLanguage(TestDatabase.Kind kind) throws Exception {
        try (TestDatabase database = TestDatabase.create(kind, folder);
                TestApp app = TestApp.start(database, folder, clock, Map.of("TICKETPOST_ATTACHMENTS_MAX_SIZE", "2KB"))) {
            app.addKey();
            String largeLog = java.util.Base64.getMimeEncoder().encodeToString("x".repeat(3 * 1024 + 300).getBytes());
            Map<String, String> english = Map.of("messageId", "en@mail.example.com", "key", TestApp.KEY,
                    "greeting", "Hello, since this morning our users receive no invitations.", "largeLog", largeLog);
            Map<String, String> german = Map.of("messageId", "de@mail.example.com", "key", TestApp.KEY,
                    "greeting", "Hallo, seit dem Update heute Morgen bekommen unsere Benutzer leider keine Einladungen mehr, "
                            + "auch nicht bei neuen Terminen. Bitte helfen Sie uns.", "largeLog", largeLog);

            app.receive(Mails.load("intake/request-with-attachments.eml", english));
            app.receive(Mails.load("intake/request-with-attachments.eml", german));

            List<String> bodies = outbox(app).stream().map(entry -> entry.message().body()).toList();
            assertThat(bodies.get(0)).contains("""
                    We could not keep these attachments, because we accept files of at most
                    2 KB each:

                      open-xchange.log (3.3 KB)
                    """).doesNotContain("config.txt");
            assertThat(bodies.get(1)).contains("""
                    Diese Anhänge konnten wir nicht übernehmen, weil wir Dateien nur bis
                    2 KB annehmen:

                      open-xchange.log (3,3 KB)
                    """).doesNotContain("config.txt");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aRequestWithProblemsIsRejectedWithEachProblemAndTheTemplatePrefilled(TestDatabase.Kind kind) throws Exception {
        on(kind, (app, database) -> {
            Outcome outcome = app.receive(request(Map.of("severity", "7", "key", "OXSK-0000-0000")));

            assertThat(outcome).isInstanceOf(Outcome.Rejected.class);
            assertThat(outcome.problems()).extracting(Problem::field, Problem::code).containsExactlyInAnyOrder(
                    org.assertj.core.groups.Tuple.tuple("severity", Problem.Code.INVALID),
                    org.assertj.core.groups.Tuple.tuple("supportKey", Problem.Code.UNKNOWN_KEY));
            assertThat(database.count("select count(*) from ticket")).isZero();
            assertThat(outbox(app)).singleElement().satisfies(entry -> {
                assertThat(entry.kind()).isEqualTo("rejection");
                assertThat(entry.message().subject()).isEqualTo("Re: Calendar invitations are not delivered");
                assertThat(entry.message().body())
                        .contains("\"Severity\" is \"7\"")
                        .contains("The support key \"OXSK-0000-0000\" is not registered")
                        .contains("Server: https://ox.example.com/appsuite/")
                        .contains("Distribution: DEBIAN")
                        .contains("Support Key: OXSK-0000-0000");
                assertThat(entry.message().autoSubmitted()).contains("auto-replied");
            });
        });
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void theKeyDecidesWhoMayOpenTickets(TestDatabase.Kind kind) throws Exception {
        on(kind, (app, database) -> {
            app.addKey("OXSK-OLD1-2345", List.of("example.com"), LocalDate.parse("2026-11-15"));
            app.addKey("OXSK-JANE-2345", List.of("jane@example.com"), null);
            app.read(stores -> {
                stores.keys().find(TestApp.KEY).orElseThrow();
                return null;
            });

            Outcome stranger = app.receive(request(Map.of("from", "mallory@evil.example")));
            Outcome expired = app.receive(request(Map.of("key", "OXSK-OLD1-2345")));
            Outcome colleague = app.receive(request(Map.of("key", "OXSK-JANE-2345", "from", "john@example.com")));
            Outcome owner = app.receive(request(Map.of("key", "OXSK-JANE-2345", "from", "jane@example.com")));

            assertThat(stranger.problems()).extracting(Problem::code).containsExactly(Problem.Code.SENDER_NOT_ALLOWED);
            assertThat(expired.problems()).extracting(Problem::code).containsExactly(Problem.Code.EXPIRED_KEY);
            assertThat(colleague.problems()).extracting(Problem::code).containsExactly(Problem.Code.SENDER_NOT_ALLOWED);
            assertThat(owner).isInstanceOf(Outcome.Opened.class);
        });
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aDisabledKeyOpensNoTicket(TestDatabase.Kind kind) throws Exception {
        on(kind, (app, database) -> {
            app.application().database().inTransaction(stores -> {
                stores.keys().find(TestApp.KEY).orElseThrow().disable(clock.instant());
                return null;
            });

            Outcome outcome = app.receive(request(Map.of()));

            assertThat(outcome.problems()).extracting(Problem::code).containsExactly(Problem.Code.DISABLED_KEY);
        });
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void automaticMailIsRecordedAndNeverAnswered(TestDatabase.Kind kind) throws Exception {
        on(kind, (app, database) -> {
            Outcome outcome = app.receive(Mails.load("intake/auto-reply.eml"));

            assertThat(outcome).isEqualTo(new Outcome.Ignored("Auto-Submitted: auto-replied"));
            assertThat(outbox(app)).isEmpty();
            assertThat(database.count("select count(*) from message where outcome = 'IGNORED'")).isEqualTo(1);
        });
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void mailFromOurOwnAddressIsNeverAnswered(TestDatabase.Kind kind) throws Exception {
        on(kind, (app, database) -> {
            Outcome outcome = app.receive(request(Map.of("from", "support@ticketpost.example")));

            assertThat(outcome).isInstanceOf(Outcome.Ignored.class);
            assertThat(outbox(app)).isEmpty();
        });
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void theSameMailTwiceMakesOneTicket(TestDatabase.Kind kind) throws Exception {
        on(kind, (app, database) -> {
            String mail = request(Map.of("messageId", "twice@mail.example.com"));
            String withoutId = Mails.load("intake/no-message-id.eml");

            Outcome first = app.receive(mail);
            Outcome second = app.receive(mail);
            Outcome firstWithoutId = app.receive(withoutId);
            Outcome secondWithoutId = app.receive(withoutId);

            assertThat(second).isEqualTo(new Outcome.Duplicate(first.ticket()));
            assertThat(firstWithoutId).isInstanceOf(Outcome.Rejected.class);
            assertThat(secondWithoutId).isEqualTo(new Outcome.Duplicate(java.util.Optional.empty()));
            assertThat(database.count("select count(*) from ticket")).isEqualTo(1);
            assertThat(outbox(app)).hasSize(2);
        });
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aReplyWithTheTicketTagLandsOnItsTicket(TestDatabase.Kind kind) throws Exception {
        on(kind, (app, database) -> {
            TicketNumber number = app.receive(request(Map.of())).ticket().orElseThrow();

            Outcome outcome = app.receive(reply("Re: [Ticket#" + number + "] Calendar invitations", "<unknown@example.com>",
                    "jane@example.com"));

            assertThat(outcome).isEqualTo(new Outcome.FollowedUp(number));
            assertThat(mailsOn(app, number)).isEqualTo(3);
            assertThat(outbox(app)).hasSize(1);
        });
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aReplyToOurConfirmationLandsOnItsTicketByInReplyTo(TestDatabase.Kind kind) throws Exception {
        on(kind, (app, database) -> {
            TicketNumber number = app.receive(request(Map.of())).ticket().orElseThrow();
            String confirmation = outbox(app).get(0).message().messageId().orElseThrow();

            Outcome outcome = app.receive(reply("Re: Calendar invitations", "<" + confirmation + ">", "jane@example.com"));

            assertThat(outcome).isEqualTo(new Outcome.FollowedUp(number));
        });
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aColleagueAllowedByTheKeyMayWriteIntoTheTicket(TestDatabase.Kind kind) throws Exception {
        on(kind, (app, database) -> {
            TicketNumber number = app.receive(request(Map.of())).ticket().orElseThrow();

            Outcome outcome = app.receive(reply("Re: [Ticket#" + number + "] Calendar", "<x@example.com>", "john@example.com"));

            assertThat(outcome).isEqualTo(new Outcome.FollowedUp(number));
        });
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aStrangerQuotingATicketNumberDoesNotWriteIntoIt(TestDatabase.Kind kind) throws Exception {
        on(kind, (app, database) -> {
            TicketNumber number = app.receive(request(Map.of())).ticket().orElseThrow();

            Outcome outcome = app.receive(reply("Re: [Ticket#" + number + "] Calendar", "<x@example.com>", "mallory@evil.example"));

            assertThat(outcome).isInstanceOf(Outcome.Rejected.class);
            assertThat(mailsOn(app, number)).isEqualTo(2);
        });
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aMistypedTicketNumberIsNotMatchedToAnotherTicket(TestDatabase.Kind kind) throws Exception {
        on(kind, (app, database) -> {
            TicketNumber number = app.receive(request(Map.of())).ticket().orElseThrow();
            app.receive(request(Map.of()));
            String digits = number.digits();
            String mistyped = digits.substring(0, digits.length() - 2) + digits.charAt(digits.length() - 1)
                    + digits.charAt(digits.length() - 2);

            Outcome outcome = app.receive(reply("Re: [Ticket#" + mistyped + "] Calendar", "<x@example.com>", "jane@example.com"));

            assertThat(TicketNumber.parse(mistyped)).isEmpty();
            assertThat(outcome).isInstanceOf(Outcome.Rejected.class);
        });
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void tagsAsCustomersTypeThemLandOnTheTicketFromAParticipantButNotFromAStranger(TestDatabase.Kind kind) throws Exception {
        on(kind, (app, database) -> {
            TicketNumber number = app.receive(request(Map.of())).ticket().orElseThrow();
            List<String> subjects = List.of("Re: [Ticket #" + number + "] Calendar", "Ticket#" + number + " Calendar",
                    "AW: Ticket-Nr. " + number, "Frage zu Ticketnummer " + number, "RE: [ticket# " + number + "]");

            List<Outcome> fromJane = subjects.stream()
                    .map(subject -> app.receive(reply(subject, "<x@example.com>", "jane@example.com"))).toList();
            Outcome fromStranger = app.receive(reply("Re: Ticket-Nr. " + number, "<x@example.com>", "mallory@evil.example"));
            Outcome bareNumber = app.receive(reply("Re: " + number + " Calendar", "<x@example.com>", "jane@example.com"));

            assertThat(fromJane).containsOnly(new Outcome.FollowedUp(number));
            assertThat(fromStranger).isInstanceOf(Outcome.Rejected.class);
            assertThat(bareNumber).isInstanceOf(Outcome.Rejected.class);
            assertThat(mailsOn(app, number)).isEqualTo(2 + subjects.size());
        });
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aMistypedTicketNumberIsAnsweredWithTheSendersOwnOpenTicketsInTheirLanguage(TestDatabase.Kind kind) throws Exception {
        on(kind, (app, database) -> {
            app.addKey("OXSK-BEIS-2345", List.of("beispiel.example"), null);
            TicketNumber calendar = app.receive(request(Map.of())).ticket().orElseThrow();
            TicketNumber quota = app.receive(request(Map.of("subject", "Mail quota is shown wrong"))).ticket().orElseThrow();
            TicketNumber foreign = app.receive(request(Map.of("from", "bob@beispiel.example", "key", "OXSK-BEIS-2345",
                    "subject", "Outage at Beispiel"))).ticket().orElseThrow();
            String mistyped = swapLastTwoDigits(calendar);

            Outcome english = app.receive(reply("Re: [Ticket#" + mistyped + "] Calendar", "<x@example.com>", "jane@example.com"));
            Outcome german = app.receive(Mails.load("intake/reply-de.eml", Map.of("from", "jane@example.com",
                    "fromName", "Jane Doe", "subject", "AW: Ticket-Nr. " + mistyped, "messageId", "de@mail.example.com")));

            assertThat(english).isInstanceOfSatisfying(Outcome.Rejected.class,
                    rejected -> assertThat(rejected.mistypedNumber()).contains(mistyped));
            assertThat(german).isInstanceOfSatisfying(Outcome.Rejected.class,
                    rejected -> assertThat(rejected.mistypedNumber()).contains(mistyped));
            List<OutboxEntry> outbox = outbox(app);
            assertThat(outbox).extracting(OutboxEntry::kind)
                    .containsExactly("confirmation", "confirmation", "confirmation", "mistyped-number", "mistyped-number");
            assertThat(outbox.get(3).message().body())
                    .contains("the ticket number " + mistyped + " in the subject of your mail is mistyped")
                    .contains("These are your open tickets:\n\n  [Ticket#" + quota + "] Mail quota is shown wrong\n"
                            + "  [Ticket#" + calendar + "] Calendar invitations are not delivered\n")
                    .doesNotContain(foreign.digits()).doesNotContain("Outage at Beispiel")
                    .doesNotContain("is missing");
            assertThat(outbox.get(4).message().body())
                    .contains("die Ticketnummer " + mistyped + " im Betreff Ihrer Mail enthält einen Tippfehler")
                    .contains("Das sind Ihre offenen Tickets:\n\n  [Ticket#" + quota + "] Mail quota is shown wrong\n")
                    .doesNotContain(foreign.digits());
            assertThat(outbox.get(3).recipient()).isEqualTo("jane@example.com");
        });
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aMistypedTicketNumberNeverShowsAnotherCustomersTickets(TestDatabase.Kind kind) throws Exception {
        on(kind, (app, database) -> {
            TicketNumber calendar = app.receive(request(Map.of())).ticket().orElseThrow();
            String mistyped = swapLastTwoDigits(calendar);
            String forgedFrom = reply("Re: [Ticket#" + mistyped + "] Calendar", "<x@example.com>", "jane@example.com")
                    .replace("To: support@", "Reply-To: mallory@evil.example\nTo: support@");

            app.receive(reply("Re: [Ticket#" + mistyped + "] Calendar", "<x@example.com>", "mallory@evil.example"));
            app.receive(forgedFrom);

            List<OutboxEntry> answers = outbox(app).subList(1, 3);
            assertThat(answers).extracting(OutboxEntry::recipient).containsExactly("mallory@evil.example", "jane@example.com");
            assertThat(answers.get(0).message().body())
                    .contains("the ticket number " + mistyped + " in the subject of your mail is mistyped")
                    .contains("We find no open ticket for your address")
                    .doesNotContain(calendar.digits()).doesNotContain("Calendar invitations");
            assertThat(answers.get(1).message().body()).contains("These are your open tickets");   // to their owner only
        });
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aReplyToOurMailWithAMistypedTagStillLandsOnItsTicketByInReplyTo(TestDatabase.Kind kind) throws Exception {
        on(kind, (app, database) -> {
            TicketNumber number = app.receive(request(Map.of())).ticket().orElseThrow();
            String confirmation = outbox(app).get(0).message().messageId().orElseThrow();

            Outcome outcome = app.receive(reply("Re: [Ticket#" + swapLastTwoDigits(number) + "] Calendar", "<" + confirmation + ">",
                    "jane@example.com"));

            assertThat(outcome).isEqualTo(new Outcome.FollowedUp(number));
            assertThat(outbox(app)).hasSize(1);
        });
    }

    private static String swapLastTwoDigits(TicketNumber number) {
        String digits = number.digits();
        int last = digits.length() - 1;
        String swapped = digits.substring(0, last - 1) + digits.charAt(last) + digits.charAt(last - 1);
        return swapped.equals(digits) ? digits.substring(0, last) + (digits.charAt(last) - '0' + 1) % 10 : swapped;
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aCustomerReplyReopensAResolvedTicket(TestDatabase.Kind kind) throws Exception {
        on(kind, (app, database) -> {
            TicketNumber number = app.receive(request(Map.of())).ticket().orElseThrow();
            app.application().database().inTransaction(stores -> {
                Ticket ticket = stores.tickets().find(number).orElseThrow();
                ticket.changeStatus(Status.OPEN, "engineer@ticketpost.example", clock.instant(),
                        app.application().plans());
                ticket.changeStatus(Status.RESOLVED, "engineer@ticketpost.example", clock.instant(),
                        app.application().plans());
                return null;
            });
            clock.advance(Duration.ofHours(2));

            app.receive(reply("Re: [Ticket#" + number + "] Calendar", "<x@example.com>", "jane@example.com"));

            Ticket ticket = app.read(stores -> {
                Ticket found = stores.tickets().find(number).orElseThrow();
                found.events().size();
                return found;
            });
            assertThat(ticket.status()).isEqualTo(Status.OPEN);
            assertThat(ticket.events()).extracting(event -> event.kind().name())
                    .containsSubsequence("MESSAGE_RECEIVED", "REOPENED");
        });
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aReplyToAClosedTicketIsHandledAsNewMail(TestDatabase.Kind kind) throws Exception {
        on(kind, (app, database) -> {
            TicketNumber number = app.receive(request(Map.of())).ticket().orElseThrow();
            app.application().database().inTransaction(stores -> {
                stores.tickets().find(number).orElseThrow().changeStatus(Status.CLOSED, "engineer@ticketpost.example",
                        clock.instant(), app.application().plans());
                return null;
            });

            Outcome outcome = app.receive(reply("Re: [Ticket#" + number + "] Calendar", "<x@example.com>", "jane@example.com"));

            assertThat(outcome).isInstanceOf(Outcome.Rejected.class);
        });
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void theLoopGuardStopsAnsweringASenderThatKeepsWriting(TestDatabase.Kind kind) throws Exception {
        on(kind, (app, database) -> {
            for (int i = 0; i < 12; i++) {
                app.receive(request(Map.of("from", "robot@robots.example", "subject", "Ticket " + i)));
            }
            clock.advance(Duration.ofMinutes(61));
            Outcome later = app.receive(request(Map.of("from", "robot@robots.example")));

            assertThat(outbox(app)).hasSize(11);
            assertThat(later).isEqualTo(new Outcome.Rejected(later.problems(), true));
        });
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void everyTicketIsConfirmedHoweverManyACustomerOpens(TestDatabase.Kind kind) throws Exception {
        on(kind, (app, database) -> {
            for (int i = 0; i < 15; i++) {
                app.receive(request(Map.of("subject", "Ticket " + i)));
            }

            assertThat(outbox(app)).hasSize(15).allSatisfy(entry -> assertThat(entry.kind()).isEqualTo("confirmation"));
        });
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void valuesLongerThanTheirColumnsOrWithNulAreStoredCutNotRefusedOnEveryDelivery(TestDatabase.Kind kind) throws Exception {
        on(kind, (app, database) -> {
            String longId = "x".repeat(700) + "@mail.example.com";
            String mail = request(Map.of("messageId", longId, "fromName", "N".repeat(400),
                    "subject", "=?UTF-8?Q?Calendar=00broken?= " + "s".repeat(1200)))
                    .replace("Module: calendar", "Track-ID: " + "T".repeat(1500) + "\nModule: calendar");

            Outcome outcome = app.receive(mail);

            assertThat(outcome).isInstanceOf(Outcome.Opened.class);
            Map<String, String> fields = app.read(stores -> stores.tickets().find(outcome.ticket().orElseThrow()).orElseThrow().fields());
            Ticket ticket = app.read(stores -> stores.tickets().find(outcome.ticket().orElseThrow()).orElseThrow());
            assertThat(ticket.subject()).startsWith("Calendar broken sss").hasSize(1000);
            assertThat(fields.get("trackId")).hasSize(1000).endsWith("T…");
            assertThat(app.receive(mail)).isInstanceOf(Outcome.Duplicate.class);
        });
    }
}
