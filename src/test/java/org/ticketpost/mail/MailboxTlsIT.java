package org.ticketpost.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Flags;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.ticketpost.config.SettingsAccess;
import org.ticketpost.testing.ScriptedSmtpServer;
import org.ticketpost.testing.SupportMailbox;

/**
 * The mailbox over TLS (imaps://, pop3s://), with GreenMail presenting the test certificate that
 * names 127.0.0.1; and imap:// without ?starttls=off refusing a server that offers no STARTTLS,
 * before any password is sent.
 */
class MailboxTlsIT {

    static {
        // read when GreenMail first makes a TLS socket: the certificate for 127.0.0.1 that the client trusts
        System.setProperty("greenmail.tls.keystore.file", Path.of("src/test/resources/tls/localhost.p12").toAbsolutePath().toString());
    }

    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(
            ServerSetup.dynamicPort(new ServerSetup[] {ServerSetupTest.IMAPS, ServerSetupTest.POP3S, ServerSetupTest.IMAP}));

    private SupportMailbox mailbox;

    @BeforeEach
    void setUp() {
        mailbox = new SupportMailbox(MAIL);
        mailbox.place("INBOX", MailboxIntakeIT.request("tls@mail.example.com"), new Flags(), Instant.now());
    }

    private static MailboxSettings settings(String url) {
        return MailboxSettings.from(SettingsAccess.of(Map.of("TICKETPOST_MAILBOX_URL", url,
                "TICKETPOST_MAILBOX_PASSWORD", SupportMailbox.PASSWORD, "TICKETPOST_MAILBOX_TIMEOUT", "PT10S"))).orElseThrow();
    }

    private static String firstMail(Mailbox mailbox) throws Exception {
        try (MailboxSession session = mailbox.connect()) {
            List<WaitingMail> mails = session.list(0, List.of());
            try (InputStream raw = session.open(mails.get(0)).orElseThrow()) {
                return new String(raw.readAllBytes(), StandardCharsets.UTF_8);
            }
        }
    }

    @Test
    void imapsReadsTheMailOverTls() throws Exception {
        MailboxSettings settings = settings("imaps://support%40ticketpost.example@127.0.0.1:" + MAIL.getImaps().getPort() + "/INBOX");

        assertThat(firstMail(new ImapMailbox(settings, ScriptedSmtpServer.clientTls()))).contains("Message-ID: <tls@mail.example.com>");
    }

    @Test
    void pop3sReadsTheMailOverTls() throws Exception {
        MailboxSettings settings = settings("pop3s://support%40ticketpost.example@127.0.0.1:" + MAIL.getPop3s().getPort());

        assertThat(firstMail(new Pop3Mailbox(settings, ScriptedSmtpServer.clientTls()))).contains("Message-ID: <tls@mail.example.com>");
    }

    @Test
    void imapWithoutStarttlsOnTheServerSendsNoPasswordUnlessTurnedOff() {
        MailboxSettings settings = settings("imap://support%40ticketpost.example@127.0.0.1:" + MAIL.getImap().getPort() + "/INBOX");

        assertThatThrownBy(() -> new ImapMailbox(settings).connect())
                .isInstanceOf(MailboxException.class)
                .hasMessageContaining("STARTTLS")
                .satisfies(e -> assertThat(((MailboxException) e).loginRefused()).isFalse());
    }
}
