package org.ticketpost.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ticketpost.testing.Cli;
import org.ticketpost.testing.Mails;
import org.ticketpost.testing.TestApp;
import org.ticketpost.testing.TestClock;
import org.ticketpost.testing.TestDatabase;
import org.ticketpost.ticket.TicketNumber;

class TicketsCommandIT {

    @TempDir
    Path folder;

    private static String request(String subject, String messageId) {
        return request(subject, messageId, 1);
    }

    private static String request(String subject, String messageId, int severity) {
        return Mails.load("intake/request.eml", Map.of("from", "jane@example.com", "fromName", "Jane Doe", "subject", subject,
                "messageId", messageId, "key", TestApp.KEY, "severity", Integer.toString(severity)));
    }

    @Test
    void listsOpenTicketsNearestDueFirstAndShowsOneWithItsMailsAndHistory() throws Exception {
        try (TestDatabase database = TestDatabase.create(TestDatabase.Kind.H2, folder)) {
            TicketNumber first;
            TicketNumber second;
            TestClock clock = TestClock.at("2026-11-16T08:15:00Z");
            Map<String, String> env;
            try (TestApp app = TestApp.start(database, folder, clock)) {
                app.addKey();
                first = app.receive(request("First", "first@mail.example.com")).ticket().orElseThrow();
                clock.advance(java.time.Duration.ofMinutes(5));
                second = app.receive(request("Second", "second@mail.example.com")).ticket().orElseThrow();
                env = app.env();
            }

            Cli.Run list = Cli.run(env, "tickets", "list", "--json");
            Cli.Run table = Cli.run(env, "tickets", "list");
            Cli.Run show = Cli.run(env, "tickets", "show", first.digits(), "--json");
            Cli.Run text = Cli.run(env, "tickets", "show", first.digits());

            JsonNode tickets = new ObjectMapper().readTree(list.out());
            assertThat(tickets).extracting(ticket -> ticket.get("number").asText()).containsExactly(first.digits(), second.digits());
            assertThat(tickets.get(1).get("status").asText()).isEqualTo("new");
            assertThat(tickets.get(1).get("severity").asInt()).isEqualTo(1);
            assertThat(tickets.get(1).get("customer").asText()).isEqualTo(TestApp.CUSTOMER);
            assertThat(tickets.get(1).get("subject").asText()).isEqualTo("Second");
            assertThat(tickets.get(1).get("created").asText()).isEqualTo("2026-11-16T08:20:00Z");
            assertThat(table.out()).contains("NUMBER").contains(first.digits()).contains("Second");

            JsonNode ticket = new ObjectMapper().readTree(show.out());
            assertThat(ticket.get("fields").get("product").asText()).isEqualTo("OXAPPSUITE");
            assertThat(ticket.get("messages")).extracting(mail -> mail.get("direction").asText()).containsExactly("IN", "OUT");
            assertThat(ticket.get("messages").get(0).get("text").asText()).contains("calendar invitations");
            assertThat(ticket.get("events")).extracting(event -> event.get("kind").asText())
                    .containsExactly("CREATED", "REPLY_QUEUED");
            assertThat(text.out()).contains("Ticket " + first.digits()).contains("History").contains("Groupware Server");
        }
    }

    @Test
    void whatCouldNotBeReadOfAMailIsShownWithIt() throws Exception {
        try (TestDatabase database = TestDatabase.create(TestDatabase.Kind.H2, folder)) {
            TicketNumber number;
            Map<String, String> env;
            try (TestApp app = TestApp.start(database, folder, TestClock.at("2026-11-16T08:15:00Z"))) {
                app.addKey();
                number = app.receive(request("Calendar " + "x".repeat(1500), "long@mail.example.com")).ticket().orElseThrow();
                env = app.env();
            }

            Cli.Run show = Cli.run(env, "tickets", "show", number.digits(), "--json");
            Cli.Run text = Cli.run(env, "tickets", "show", number.digits());

            JsonNode mail = new ObjectMapper().readTree(show.out()).get("messages").get(0);
            assertThat(mail.get("notes")).extracting(JsonNode::asText).containsExactly("the subject of 1509 characters was cut");
            assertThat(text.out()).contains("[not read whole: the subject of 1509 characters was cut]");
        }
    }

    @Test
    void aMistypedNumberIsRefusedNotMatched() throws Exception {
        try (TestDatabase database = TestDatabase.create(TestDatabase.Kind.H2, folder)) {
            Cli.Run run = Cli.run(database.env(), "tickets", "show", "100008");

            assertThat(run.exitCode()).isEqualTo(1);
            assertThat(run.err()).contains("100008 is not a ticket number");
        }
    }

    @Test
    void showJsonGivesEveryMomentAsAnIso8601Instant() throws Exception {
        try (TestDatabase database = TestDatabase.create(TestDatabase.Kind.H2, folder)) {
            TicketNumber number;
            Map<String, String> env;
            try (TestApp app = TestApp.start(database, folder, TestClock.at("2026-11-16T08:15:00.250Z"))) {
                app.addKey();
                number = app.receive(request("Calendar", "iso@mail.example.com")).ticket().orElseThrow();
                env = app.env();
            }

            JsonNode ticket = new ObjectMapper().readTree(Cli.run(env, "tickets", "show", number.digits(), "--json").out());

            List<JsonNode> moments = new ArrayList<>(List.of(ticket.get("created"), ticket.get("updated")));
            ticket.get("messages").forEach(mail -> moments.add(mail.get("at")));
            ticket.get("events").forEach(event -> moments.add(event.get("at")));
            assertThat(moments).hasSize(6).allSatisfy(moment -> {
                assertThat(moment.isTextual()).as(moment + " is text").isTrue();
                assertThat(moment.asText()).isEqualTo("2026-11-16T08:15:00.250Z");
            });
        }
    }

    @Test
    void listsBySeverityAndCustomerAPageAtATime() throws Exception {
        try (TestDatabase database = TestDatabase.create(TestDatabase.Kind.H2, folder)) {
            TestClock clock = TestClock.at("2026-11-16T08:15:00Z");
            List<String> numbers = new ArrayList<>();
            Map<String, String> env;
            try (TestApp app = TestApp.start(database, folder, clock)) {
                app.addKey();
                for (int severity = 1; severity <= 4; severity++) {
                    clock.advance(java.time.Duration.ofMinutes(1));
                    numbers.add(app.receive(request("Severity " + severity, "sev" + severity + "@mail.example.com", severity))
                            .ticket().orElseThrow().digits());
                }
                env = app.env();
            }

            Cli.Run severe = Cli.run(env, "tickets", "list", "--json", "--severity", "2");
            Cli.Run secondPage = Cli.run(env, "tickets", "list", "--json", "--limit", "2", "--offset", "2");
            Cli.Run otherCustomer = Cli.run(env, "tickets", "list", "--customer", "beispiel");
            Cli.Run ourCustomer = Cli.run(env, "tickets", "list", "--customer", "EXAMPLE");
            Cli.Run wrongSeverity = Cli.run(env, "tickets", "list", "--severity", "5");
            Cli.Run help = Cli.run(env, "tickets", "list", "--help");

            assertThat(new ObjectMapper().readTree(severe.out())).extracting(ticket -> ticket.get("number").asText())
                    .containsExactly(numbers.get(1));
            assertThat(new ObjectMapper().readTree(secondPage.out())).extracting(ticket -> ticket.get("number").asText())
                    .containsExactly(numbers.get(2), numbers.get(3));   // by due time: Severity 3 in one business day, 4 in three
            assertThat(otherCustomer.out()).isEqualTo("no open tickets\n");
            assertThat(ourCustomer.out().lines()).hasSize(5);
            assertThat(wrongSeverity.exitCode()).isEqualTo(64);
            assertThat(wrongSeverity.err()).startsWith("--severity must be a whole number from 1 to 4, was '5'");
            assertThat(help.out()).contains("--severity=1-4").contains("--customer=TEXT").contains("--offset=N");
        }
    }

    @Test
    void showLabelsTheFieldsInTheConfiguredLanguage() throws Exception {
        try (TestDatabase database = TestDatabase.create(TestDatabase.Kind.H2, folder)) {
            TicketNumber number;
            Map<String, String> env;
            try (TestApp app = TestApp.start(database, folder, TestClock.at("2026-11-16T08:15:00Z"))) {
                app.addKey();
                number = app.receive(request("Calendar", "labels@mail.example.com")).ticket().orElseThrow();
                env = new HashMap<>(app.env());
            }

            Cli.Run english = Cli.run(env, "tickets", "show", number.digits());
            env.put("TICKETPOST_LANGUAGE", "de");
            Cli.Run german = Cli.run(env, "tickets", "show", number.digits());
            env.put("TICKETPOST_LANGUAGE", "fr");
            Cli.Run french = Cli.run(env, "tickets", "show", number.digits());

            assertThat(english.out()).containsPattern("(?m)^  Severity +1$").containsPattern("(?m)^  Product +OXAPPSUITE$");
            assertThat(german.out()).containsPattern("(?m)^  Schweregrad +1$").containsPattern("(?m)^  Produkt +OXAPPSUITE$");
            assertThat(french.exitCode()).isEqualTo(78);
            assertThat(french.err()).contains("language (TICKETPOST_LANGUAGE) must be one of de, en");
        }
    }
}
