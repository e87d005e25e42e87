package org.ticketpost.alert;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.ticketpost.Lifecycle;
import org.ticketpost.testing.Await;
import org.ticketpost.testing.LogCapture;
import org.ticketpost.testing.Mails;
import org.ticketpost.testing.TestApp;
import org.ticketpost.testing.TestClock;
import org.ticketpost.testing.TestDatabase;
import org.ticketpost.ticket.TicketNumber;

/** serve's SLA scheduler with its real outbox sender: the on-call engineers' mails reach a mail server (GreenMail) once. */
class SlaSchedulerIT {

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @RegisterExtension
    final LogCapture log = LogCapture.of(Lifecycle.class, Level.INFO);

    @TempDir
    Path folder;

    private final TestClock clock = new TestClock(Instant.parse("2026-11-16T08:00:00Z"));

    private TestApp serve(TestDatabase database, Map<String, String> settings) {
        TestApp app = TestApp.start(database, folder, clock, settings);
        app.application().serve();
        return app;
    }

    private static List<String> onCallSubjects() {
        return Arrays.stream(SMTP.getReceivedMessages()).filter(SlaSchedulerIT::toOnCall).map(SlaSchedulerIT::subject).toList();
    }

    private static boolean toOnCall(MimeMessage mail) {
        try {
            return Arrays.stream(mail.getRecipients(Message.RecipientType.TO)).anyMatch(to -> to.toString().contains("oncall@"));
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String subject(MimeMessage mail) {
        try {
            return mail.getSubject() + " / " + mail.getHeader("Auto-Submitted", ",");
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aWarningReachesOnCallOnceAcrossARestartAndWithoutSlaNotifyTheStartSaysSo() throws Exception {
        Map<String, String> settings = Map.of("TICKETPOST_SMTP_URL", "smtp://127.0.0.1:" + SMTP.getSmtp().getPort() + "?starttls=off",
                "TICKETPOST_SLA_NOTIFY", "oncall@ops.example", "TICKETPOST_SLA_INTERVAL", "PT0.2S");
        try (TestDatabase database = TestDatabase.create(TestDatabase.Kind.H2, folder)) {
            TicketNumber ticket;
            try (TestApp app = serve(database, settings)) {
                app.addKey();
                ticket = app.receive(Mails.load("intake/request.eml", Map.of("from", "jane@example.com", "fromName", "Jane",
                        "subject", "Calendar", "messageId", UUID.randomUUID() + "@mail.example.com", "key", TestApp.KEY,
                        "severity", "2"))).ticket().orElseThrow();
                clock.advance(Duration.ofHours(3));
                Await.until("the warning mail", () -> onCallSubjects().size() == 1);
            }
            try (TestApp restarted = serve(database, settings)) {
                Thread.sleep(1_000);   // five passes
            }
            try (TestApp quiet = serve(database, Map.of("TICKETPOST_SLA_INTERVAL", "PT0.2S"))) {
                clock.advance(Duration.ofHours(1));
                Await.until("the breach on the history", () -> database.count(
                        "SELECT COUNT(*) FROM ticket_event WHERE kind = 'SLA_BREACHED'") == 1);
            }

            assertThat(onCallSubjects()).containsExactly("SLA warning: first response of [Ticket#" + ticket.digits()
                    + "] Severity 2, " + TestApp.CUSTOMER + ": Calendar / auto-generated");
            assertThat(log.messages()).anyMatch(line -> line.contains("SLA scheduler every PT0.2S, warnings and breaches mailed to the engineers on call and oncall@ops.example"))
                    .anyMatch(line -> line.contains("no sla.notify: warnings and breaches mailed only to the engineers on call, if any"));
        }
    }
}
