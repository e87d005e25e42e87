package org.ticketpost.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.ticketpost.reply.Delivery;
import org.ticketpost.reply.MailSender;
import org.ticketpost.reply.OutboundMail;
import org.ticketpost.testing.Ports;
import org.ticketpost.testing.ScriptedSmtpServer.Tls;
import org.ticketpost.testing.ScriptedSmtpServer;
import org.ticketpost.testing.TcpProxy;

/**
 * Mails handed to real SMTP servers: GreenMail, and a scripted server for what GreenMail does not
 * do (refusals, silence, STARTTLS, TLS, a login).
 */
class SmtpSenderIT {

    @RegisterExtension
    static final GreenMailExtension GREENMAIL = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    private static final Instant WRITTEN = Instant.parse("2026-11-16T08:15:00Z");
    private static final String MESSAGE_ID = "ticketpost.100009.k3j5h1x@ticketpost.example";
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final String RETURN_PATH = "support+bounce-k3j9x2m4q8wzab7c@ticketpost.example";

    private static OutboundMail mail(String subject) {
        return new OutboundMail(MESSAGE_ID, "support@ticketpost.example", "Kundendienst Süd", "juergen@example.com",
                "Müller, Jürgen", RETURN_PATH, subject,
                "Guten Tag Jürgen Müller,\n\nvielen Dank für Ihre Anfrage. Wir melden uns.\n\nIhr Support-Team\n",
                List.of("req-1@mail.example.com"), List.of("earlier@mail.example.com", "req-1@mail.example.com"),
                Optional.of("auto-replied"), Optional.of("de"), WRITTEN);
    }

    private static OutboundMail mail() {
        return mail("[Ticket#100009] Einladungen für Besprechungsräume kommen nicht an");
    }

    private static SmtpSender sender(String url) {
        return new SmtpSender(SmtpSettings.parse(url, Optional.empty(), Optional.empty(), TIMEOUT), ScriptedSmtpServer.clientTls());
    }

    private static SmtpSender greenMail() {
        return sender("smtp://127.0.0.1:" + GREENMAIL.getSmtp().getPort() + "?starttls=off");
    }

    @Test
    void theMailArrivesWithTheStoredHeadersAndTheTextIntact() throws Exception {
        Delivery delivery = greenMail().send(mail());

        assertThat(delivery).isEqualTo(new Delivery.Accepted());
        MimeMessage received = GREENMAIL.getReceivedMessages()[0];
        assertThat(received.getFrom()).containsExactly(new InternetAddress("support@ticketpost.example", "Kundendienst Süd", "UTF-8"));
        assertThat(((InternetAddress) received.getFrom()[0]).getPersonal()).isEqualTo("Kundendienst Süd");
        assertThat(received.getRecipients(RecipientType.TO)).singleElement().satisfies(to -> {
            assertThat(((InternetAddress) to).getAddress()).isEqualTo("juergen@example.com");
            assertThat(((InternetAddress) to).getPersonal()).isEqualTo("Müller, Jürgen");
        });
        assertThat(received.getHeader("Return-Path", null)).as("the envelope sender, as the server records it")
                .isEqualTo("<" + RETURN_PATH + ">");
        assertThat(received.getSubject()).isEqualTo("[Ticket#100009] Einladungen für Besprechungsräume kommen nicht an");
        assertThat(received.getMessageID()).isEqualTo("<" + MESSAGE_ID + ">");
        assertThat(received.getHeader("In-Reply-To", null)).isEqualTo("<req-1@mail.example.com>");
        assertThat(received.getHeader("References", null)).isEqualTo("<earlier@mail.example.com> <req-1@mail.example.com>");
        assertThat(received.getHeader("Auto-Submitted", null)).isEqualTo("auto-replied");
        assertThat(received.getHeader("Content-Language", null)).isEqualTo("de");
        assertThat(received.getSentDate().toInstant()).isEqualTo(WRITTEN);
        assertThat(received.getContentType()).isEqualToIgnoringCase("text/plain; charset=UTF-8");
        assertThat(received.getContent()).asString().startsWith(   // GreenMail keeps no line end after the last line
                "Guten Tag Jürgen Müller,\r\n\r\nvielen Dank für Ihre Anfrage. Wir melden uns.\r\n\r\nIhr Support-Team");
        String raw = GreenMailUtil.getWholeMessage(received);
        assertThat(raw).contains("Subject: =?UTF-8?").contains("Content-Transfer-Encoding: quoted-printable")
                .contains("=C3=BC").doesNotContain("ü");
    }

    @Test
    void aTextMostlyNotAsciiGoesInBase64WithItsLinesEndedAsMimeWants() throws Exception {
        OutboundMail russian = new OutboundMail(MESSAGE_ID, "support@ticketpost.example", "", "ivan@example.com", "",
                RETURN_PATH, "[Ticket#100009] Приглашения не приходят", "Здравствуйте, Иван!\nСпасибо за обращение.\n", List.of(), List.of(),
                Optional.of("auto-replied"), Optional.of("ru"), WRITTEN);

        greenMail().send(russian);

        MimeMessage received = GREENMAIL.getReceivedMessages()[0];
        assertThat(GreenMailUtil.getWholeMessage(received)).contains("Content-Transfer-Encoding: base64");
        assertThat(received.getSubject()).isEqualTo("[Ticket#100009] Приглашения не приходят");
        assertThat(received.getContent()).asString().startsWith("Здравствуйте, Иван!\r\nСпасибо за обращение.");
    }

    @Test
    void aSecondAttemptSendsTheSameMessageId() throws Exception {
        greenMail().send(mail());
        greenMail().send(mail());

        assertThat(GREENMAIL.getReceivedMessages()).hasSize(2)
                .allSatisfy(received -> assertThat(received.getMessageID()).isEqualTo("<" + MESSAGE_ID + ">"));
    }

    @Test
    void theMailsOfABatchGoOverOneConnection() throws Exception {
        try (TcpProxy proxy = TcpProxy.to("127.0.0.1", GREENMAIL.getSmtp().getPort());
                MailSender.Batch batch = sender("smtp://127.0.0.1:" + proxy.port() + "?starttls=off").batch()) {

            List<Delivery> deliveries = List.of(batch.send(mail("first")), batch.send(mail("second")), batch.send(mail("third")));

            assertThat(deliveries).containsOnly(new Delivery.Accepted());
            assertThat(GREENMAIL.getReceivedMessages()).extracting(MimeMessage::getSubject).containsExactly("first", "second", "third");
            assertThat(proxy.connections()).isEqualTo(1);
        }
    }

    @Test
    void aConnectionTheServerDroppedIsOpenedAgainForTheNextMail() throws Exception {
        try (TcpProxy proxy = TcpProxy.to("127.0.0.1", GREENMAIL.getSmtp().getPort());
                MailSender.Batch batch = sender("smtp://127.0.0.1:" + proxy.port() + "?starttls=off").batch()) {
            batch.send(mail("first"));

            proxy.cut();
            Delivery second = batch.send(mail("second"));

            assertThat(second).isEqualTo(new Delivery.Accepted());
            assertThat(GREENMAIL.getReceivedMessages()).extracting(MimeMessage::getSubject).containsExactly("first", "second");
            assertThat(proxy.connections()).isEqualTo(2);
        }
    }

    @Test
    void aRecipientRefusedInABatchLeavesTheNextMailAFreshConnection() throws Exception {
        try (ScriptedSmtpServer server = ScriptedSmtpServer.start(Tls.NONE)
                .answer("RCPT", "550 5.1.1 <juergen@example.com>: Recipient address rejected");
                MailSender.Batch batch = sender("smtp://127.0.0.1:" + server.port() + "?starttls=off").batch()) {

            Delivery first = batch.send(mail());
            Delivery second = batch.send(mail());

            assertThat(first).isInstanceOf(Delivery.Refused.class);
            assertThat(second).isInstanceOf(Delivery.Refused.class);
            assertThat(server.commands()).filteredOn(command -> command.startsWith("RCPT")).hasSize(2);
        }
    }

    @Test
    void whenTheServerCannotBeReachedTheRestOfTheBatchWaitsWithoutTryingAgain() throws Exception {
        try (ScriptedSmtpServer silent = ScriptedSmtpServer.start(Tls.NONE).silent()) {
            SmtpSender sender = new SmtpSender(SmtpSettings.parse("smtp://127.0.0.1:" + silent.port() + "?starttls=off",
                    Optional.empty(), Optional.empty(), Duration.ofSeconds(1)));
            try (MailSender.Batch batch = sender.batch()) {
                Delivery first = batch.send(mail());
                Delivery second = batch.send(mail());

                assertThat(first).isInstanceOfSatisfying(Delivery.Deferred.class,
                        deferred -> assertThat(deferred.reason()).containsIgnoringCase("timed out"));
                assertThat(second).isEqualTo(first);
                assertThat(silent.connections()).as("one timeout for the batch, not one per mail").isEqualTo(1);
            }
        }
    }

    @Test
    void lineBreaksInTheSubjectCannotAddHeaderFields() throws Exception {
        Delivery delivery = greenMail().send(mail("Re: Hallo\r\nBcc: mallory@evil.example"));

        assertThat(delivery).isEqualTo(new Delivery.Accepted());
        MimeMessage received = GREENMAIL.getReceivedMessages()[0];
        assertThat(received.getSubject()).isEqualTo("Re: Hallo Bcc: mallory@evil.example");
        assertThat(received.getHeader("Bcc")).isNull();
        assertThat(GREENMAIL.getReceivedMessages()).hasSize(1);
    }

    @Test
    void withNothingListeningTheMailIsDeferred() throws IOException {
        int port = Ports.free();

        Delivery delivery = sender("smtp://127.0.0.1:" + port + "?starttls=off").send(mail());

        assertThat(delivery).isInstanceOfSatisfying(Delivery.Deferred.class,
                deferred -> assertThat(deferred.reason()).contains("Connection refused"));
    }

    @Test
    void aServerThatNeverAnswersDefersTheMailAfterTheTimeout() throws IOException {
        try (ScriptedSmtpServer server = ScriptedSmtpServer.start(Tls.NONE).silent()) {
            SmtpSender sender = new SmtpSender(SmtpSettings.parse("smtp://127.0.0.1:" + server.port() + "?starttls=off",
                    Optional.empty(), Optional.empty(), Duration.ofSeconds(1)));
            long start = System.nanoTime();

            Delivery delivery = sender.send(mail());

            assertThat(delivery).isInstanceOfSatisfying(Delivery.Deferred.class,
                    deferred -> assertThat(deferred.reason()).containsIgnoringCase("timed out"));
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(8));
        }
    }

    @Test
    void aRecipientRefusedWith550IsRefusedForGood() throws IOException {
        try (ScriptedSmtpServer server = ScriptedSmtpServer.start(Tls.NONE).answer("RCPT", "550 5.1.1 <juergen@example.com>: no such user")) {
            Delivery delivery = sender("smtp://127.0.0.1:" + server.port() + "?starttls=off").send(mail());

            assertThat(delivery).isInstanceOfSatisfying(Delivery.Refused.class,
                    refused -> assertThat(refused.reason()).contains("550 5.1.1 <juergen@example.com>: no such user"));
            assertThat(server.mails()).isEmpty();
        }
    }

    @Test
    void aRecipientRefusedWith451IsDeferred() throws IOException {
        try (ScriptedSmtpServer server = ScriptedSmtpServer.start(Tls.NONE).answer("RCPT", "451 4.7.1 greylisted, try again later")) {
            Delivery delivery = sender("smtp://127.0.0.1:" + server.port() + "?starttls=off").send(mail());

            assertThat(delivery).isInstanceOfSatisfying(Delivery.Deferred.class,
                    deferred -> assertThat(deferred.reason()).contains("451 4.7.1 greylisted"));
        }
    }

    @Test
    void aMailRefusedWith554AfterItsTextIsRefusedForGood() throws IOException {
        try (ScriptedSmtpServer server = ScriptedSmtpServer.start(Tls.NONE).answer("DATA", "554 5.6.0 message refused")) {
            Delivery delivery = sender("smtp://127.0.0.1:" + server.port() + "?starttls=off").send(mail());

            assertThat(delivery).isInstanceOfSatisfying(Delivery.Refused.class,
                    refused -> assertThat(refused.reason()).contains("554 5.6.0 message refused"));
        }
    }

    @Test
    void ourSenderAddressRefusedIsDeferredForTheOperatorToMend() throws IOException {
        try (ScriptedSmtpServer server = ScriptedSmtpServer.start(Tls.NONE).answer("MAIL", "553 5.7.1 sender not owned by user")) {
            Delivery delivery = sender("smtp://127.0.0.1:" + server.port() + "?starttls=off").send(mail());

            assertThat(delivery).isInstanceOfSatisfying(Delivery.Deferred.class,
                    deferred -> assertThat(deferred.reason()).contains("553 5.7.1 sender not owned by user"));
        }
    }

    @Test
    void withoutStarttlsOnTheServerNothingIsSentUnlessItWasTurnedOff() {
        Delivery delivery = sender("smtp://127.0.0.1:" + GREENMAIL.getSmtp().getPort()).send(mail());

        assertThat(delivery).isInstanceOfSatisfying(Delivery.Deferred.class,
                deferred -> assertThat(deferred.reason()).contains("STARTTLS"));
        assertThat(GREENMAIL.getReceivedMessages()).isEmpty();
    }

    @Test
    void withStarttlsTheLoginAndTheMailGoEncrypted() throws IOException {
        try (ScriptedSmtpServer server = ScriptedSmtpServer.start(Tls.STARTTLS)) {
            SmtpSender sender = new SmtpSender(SmtpSettings.parse("smtp://127.0.0.1:" + server.port(), Optional.of("ticketpost"),
                    Optional.of("s3cret"), TIMEOUT), ScriptedSmtpServer.clientTls());

            Delivery delivery = sender.send(mail());

            assertThat(delivery).isEqualTo(new Delivery.Accepted());
            assertThat(server.logins()).containsExactly("ticketpost:s3cret");
            assertThat(server.commands()).filteredOn(command -> command.startsWith("[tls] "))
                    .anyMatch(command -> command.startsWith("[tls] AUTH PLAIN"))
                    .anyMatch(command -> command.startsWith("[tls] MAIL FROM:<" + RETURN_PATH + ">"));
            assertThat(server.commands()).filteredOn(command -> !command.startsWith("[tls] "))
                    .noneMatch(command -> command.startsWith("AUTH") || command.startsWith("MAIL"));
            assertThat(server.mails()).singleElement().satisfies(received -> {
                assertThat(received.encrypted()).isTrue();
                assertThat(received.data()).contains("Message-ID: <" + MESSAGE_ID + ">");
            });
        }
    }

    @Test
    void overSmtpsTheMailGoesEncryptedFromTheFirstByte() throws IOException {
        try (ScriptedSmtpServer server = ScriptedSmtpServer.start(Tls.FROM_THE_START)) {
            Delivery delivery = sender("smtps://127.0.0.1:" + server.port()).send(mail());

            assertThat(delivery).isEqualTo(new Delivery.Accepted());
            assertThat(server.mails()).singleElement().extracting(ScriptedSmtpServer.Received::encrypted).isEqualTo(true);
        }
    }

    @Test
    void aServerWhoseCertificateIsNotTrustedGetsNoMail() throws IOException {
        try (ScriptedSmtpServer server = ScriptedSmtpServer.start(Tls.STARTTLS)) {
            SmtpSender sender = new SmtpSender(SmtpSettings.parse("smtp://127.0.0.1:" + server.port(), Optional.empty(),
                    Optional.empty(), TIMEOUT));

            Delivery delivery = sender.send(mail());

            assertThat(delivery).isInstanceOf(Delivery.Deferred.class);
            assertThat(server.mails()).isEmpty();
            assertThat(server.commands()).noneMatch(command -> command.contains("MAIL FROM"));
        }
    }

    @Test
    void aServerWhoseCertificateNamesAnotherHostGetsNoMail() throws IOException {
        try (ScriptedSmtpServer server = ScriptedSmtpServer.start(Tls.STARTTLS, InetAddress.getByName("127.0.0.2"))) {
            Delivery delivery = sender("smtp://127.0.0.2:" + server.port()).send(mail());

            assertThat(delivery).isInstanceOfSatisfying(Delivery.Deferred.class,
                    deferred -> assertThat(deferred.reason()).contains("127.0.0.2"));
            assertThat(server.commands()).contains("STARTTLS").noneMatch(command -> command.contains("MAIL FROM"));
        }
    }

    @Test
    void aRefusedLoginIsDeferredForTheOperatorToMend() throws IOException {
        try (ScriptedSmtpServer server = ScriptedSmtpServer.start(Tls.STARTTLS).answer("AUTH", "535 5.7.8 authentication failed")) {
            SmtpSender sender = new SmtpSender(SmtpSettings.parse("smtp://127.0.0.1:" + server.port(), Optional.of("ticketpost"),
                    Optional.of("wrong"), TIMEOUT), ScriptedSmtpServer.clientTls());

            Delivery delivery = sender.send(mail());

            assertThat(delivery).isInstanceOfSatisfying(Delivery.Deferred.class,
                    deferred -> assertThat(deferred.reason()).contains("535").doesNotContain("wrong"));
            assertThat(server.mails()).isEmpty();
        }
    }
}
