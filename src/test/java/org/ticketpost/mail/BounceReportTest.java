package org.ticketpost.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.ticketpost.intake.AttachmentSink;
import org.ticketpost.intake.Bounce;
import org.ticketpost.intake.InboundMail;
import org.ticketpost.testing.Mails;

/** What a bounce says of the mail it returns, as mail servers write them; and what is no bounce. */
class BounceReportTest {

    private static final String RETURN_PATH = "support+bounce-k3j9x2m4q8wzab7c@ticketpost.example";
    private static final String MESSAGE_ID = "ticketpost.100009.k3j5h1x@ticketpost.example";
    private static final String REFUSAL = "550 5.1.1 <jane@example.com>: Recipient address rejected: User unknown";

    private static InboundMail read(String fixture) throws Exception {
        String mail = Mails.load("bounce/" + fixture, Map.of("returnPath", RETURN_PATH, "recipient", "jane@example.com",
                "messageId", MESSAGE_ID, "subject", "[Ticket#100009] Calendar invitations do not arrive"));
        return new MimeDecoder().parse(new ByteArrayInputStream(mail.getBytes(StandardCharsets.UTF_8)), AttachmentSink.COUNTING);
    }

    @Test
    void aDeliveryStatusNotificationNamesTheRecipientTheReasonTheReturnedMailAndWhereItWasDelivered() throws Exception {
        InboundMail dsn = read("postfix-failed.eml");

        assertThat(dsn.isAutomatic()).isTrue();
        assertThat(dsn.bounce()).contains(new Bounce(Optional.of("jane@example.com"), REFUSAL + " in local recipient table",
                List.of(MESSAGE_ID), List.of(RETURN_PATH)));
        assertThat(dsn.attachments()).extracting(attachment -> attachment.contentType())
                .containsExactly("message/delivery-status", "message/rfc822");
    }

    @Test
    void aDelayWarningIsNoBounce() throws Exception {
        InboundMail delayed = read("postfix-delayed.eml");

        assertThat(delayed.isAutomatic()).isTrue();
        assertThat(delayed.bounce()).isEmpty();
    }

    @Test
    void aBounceInTheMailServersOwnWordsIsReadFromItsText() throws Exception {
        InboundMail exim = read("exim-failed.eml");

        assertThat(exim.bounce()).contains(new Bounce(Optional.of("jane@example.com"), REFUSAL,
                List.of(MESSAGE_ID), List.of(RETURN_PATH)));
    }

    @Test
    void anAutoReplyToTheReturnPathIsNoBounce() throws Exception {
        InboundMail outOfOffice = read("out-of-office.eml");

        assertThat(outOfOffice.isAutomatic()).isTrue();
        assertThat(outOfOffice.bounce()).isEmpty();
    }

    @Test
    void aBounceInTheMailServersOwnWordsWithoutAPermanentFailureIsNone() throws Exception {
        String warning = """
                From: Mail Delivery System <Mailer-Daemon@mail.ticketpost.example>
                To: %s
                Subject: Warning: message 1tCsdM-0003Qs-2x delayed 24 hours
                X-Failed-Recipients: jane@example.com

                This message was created automatically by mail delivery software.
                A message that you sent has not yet been delivered to one or more of its
                recipients after more than 24 hours on the queue on mail.ticketpost.example.

                  jane@example.com
                    host mx.example.com [192.0.2.25]
                    451 4.3.0 Temporary lookup failure
                """.formatted(RETURN_PATH);

        InboundMail mail = new MimeDecoder().parse(new ByteArrayInputStream(warning.getBytes(StandardCharsets.UTF_8)),
                AttachmentSink.COUNTING);

        assertThat(mail.bounce()).isEmpty();
    }
}
