package org.ticketpost.intake;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.ticketpost.testing.LogCapture;
import org.ticketpost.testing.Mails;
import org.ticketpost.testing.TestApp;
import org.ticketpost.testing.TestClock;
import org.ticketpost.testing.TestDatabase;

/** Every mail delivered, through whichever door, leaves one line in the log: what it became, or why not, and how long it took. */
class DeliveryLogIT {

    @TempDir
    Path folder;

    private final TestClock clock = TestClock.at("2026-11-16T08:15:00Z");
    @RegisterExtension
    final LogCapture log = LogCapture.of(Reception.class, Level.INFO);

    private static String request(String messageId) {
        return Mails.load("intake/request.eml", Map.of("from", "jane@example.com", "fromName", "Jane Doe",
                "subject", "Calendar", "messageId", messageId, "key", TestApp.KEY, "severity", "2"));
    }

    private static Map<String, String> pairs(ILoggingEvent event) {
        return event.getKeyValuePairs().stream().collect(Collectors.toMap(pair -> pair.key, pair -> String.valueOf(pair.value)));
    }

    @Test
    void aMailTakenInIsOneInfoLineWithItsTicketAndTime() throws Exception {
        TestApp.on(TestDatabase.Kind.H2, folder, clock, (app, database) -> {
            Delivery delivery = app.deliver(request("log-1@mail.example.com"));
            app.deliver(request("log-1@mail.example.com"));

            String ticket = ((Delivery.Accepted) delivery).outcome().ticket().orElseThrow().digits();
            assertThat(log.events()).hasSize(2);
            ILoggingEvent opened = log.events().get(0);
            assertThat(opened.getLevel()).isEqualTo(Level.INFO);
            assertThat(opened.getFormattedMessage()).matches("taken in: ticket " + ticket + " opened; "
                    + "messageId=log-1@mail.example.com sha256=[0-9a-f]{64} outcome=ticket ticket=" + ticket + " ms=\\d+");
            assertThat(pairs(opened)).containsEntry("messageId", "log-1@mail.example.com").containsEntry("outcome", "ticket")
                    .containsEntry("ticket", ticket).containsKeys("sha256", "ms");
            assertThat(log.events().get(1).getFormattedMessage())
                    .startsWith("taken in: duplicate, nothing new stored; messageId=log-1@mail.example.com ")
                    .contains(" outcome=duplicate ticket=" + ticket + " ");
        });
    }

    @Test
    void aFailureIsAWarningOrAnErrorWithItsCause() throws Exception {
        TestApp.on(TestDatabase.Kind.H2, folder, clock, (app, database) -> {
            app.deliver("just some notes\nwithout any header\n");
            database.sql("DROP TABLE outbox");   // the database refuses the mail's work: it is down for this purpose
            Delivery down = app.deliver(request("log-2@mail.example.com"));

            assertThat(down).isInstanceOfSatisfying(Delivery.TryLater.class, later -> assertThat(later.storeDown()).isTrue());
            assertThat(log.events()).hasSize(2);
            ILoggingEvent notAMail = log.events().get(0);
            assertThat(notAMail.getLevel()).isEqualTo(Level.WARN);
            assertThat(notAMail.getFormattedMessage()).matches("not a mail: no header section.*; outcome=not_a_mail ms=\\d+");
            ILoggingEvent failed = log.events().get(1);
            assertThat(failed.getLevel()).isEqualTo(Level.ERROR);
            assertThat(failed.getFormattedMessage()).startsWith("not taken in, try again later: the database failed: ")
                    .containsPattern("; messageId=log-2@mail.example.com sha256=[0-9a-f]{64} outcome=try_again storeDown=true ms=\\d+$");
            assertThat(failed.getThrowableProxy()).as("the exception, for the operator").isNotNull();
        });
    }

    @Test
    void aDoorThatTellsOfFailuresItselfLeavesThemAtInfo() throws Exception {
        TestApp.on(TestDatabase.Kind.H2, folder, clock, (app, database) -> {
            Reception commandLine = app.application().reception().failuresToldByCaller();

            Delivery delivery = commandLine.deliver(new java.io.ByteArrayInputStream(new byte[0]));

            assertThat(delivery).isInstanceOf(Delivery.NotAMail.class);
            assertThat(log.events()).singleElement().satisfies(event -> {
                assertThat(event.getLevel()).isEqualTo(Level.INFO);
                assertThat(event.getFormattedMessage()).startsWith("not a mail: the file is empty; outcome=not_a_mail ms=");
            });
        });
    }
}
