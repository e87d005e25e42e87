package org.ticketpost.reply;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.ticketpost.mail.SmtpSender;
import org.ticketpost.mail.SmtpSettings;
import org.ticketpost.ops.ServiceMetrics;
import org.ticketpost.testing.TcpProxy;

/** The watch over a real SMTP server (GreenMail): it watches, and changes nothing about how mails go. */
class MailServerWatchIT {

    @RegisterExtension
    static final GreenMailExtension GREENMAIL = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    private static OutboundMail mail(String subject) {
        return new OutboundMail(subject + "@ticketpost.example", "support@ticketpost.example", "Support", "jane@example.com",
                "Jane Doe", "support+bounce-k3j9x2m4q8wzab7c@ticketpost.example", subject, "Thank you.\n", List.of(), List.of(),
                Optional.of("auto-replied"), Optional.of("en"), Instant.parse("2026-11-16T08:15:00Z"));
    }

    @Test
    void theMailsOfABatchGoOverOneConnectionAndEachAnswerIsWatched() throws Exception {
        try (TcpProxy proxy = TcpProxy.to("127.0.0.1", GREENMAIL.getSmtp().getPort())) {
            SmtpSender server = new SmtpSender(SmtpSettings.parse("smtp://127.0.0.1:" + proxy.port() + "?starttls=off",
                    Optional.empty(), Optional.empty(), Duration.ofSeconds(10)));
            MailServerWatch watch = new MailServerWatch(server, "smtp://127.0.0.1", ServiceMetrics.NONE, Clock.systemUTC());

            try (MailSender.Batch batch = watch.batch()) {
                assertThat(List.of(batch.send(mail("first")), batch.send(mail("second")), batch.send(mail("third"))))
                        .containsOnly(new Delivery.Accepted());
            }

            assertThat(proxy.connections()).isEqualTo(1);
            assertThat(GREENMAIL.getReceivedMessages()).hasSize(3);
            assertThat(watch.check().detail()).contains("took a mail");
        }
    }
}
