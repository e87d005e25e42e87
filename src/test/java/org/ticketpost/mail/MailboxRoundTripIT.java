package org.ticketpost.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Flags;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.ticketpost.testing.SupportMailbox;

/**
 * GreenMail writes an answer of several lines in several pieces, and sends the next only once the
 * first is acknowledged: a reader whose system delays its acknowledgements waits 40 ms for each
 * such answer, twenty times a second at most. The reader's sockets acknowledge at once.
 */
class MailboxRoundTripIT {

    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP));

    /** Twenty answers of several lines, each held back 40 ms, would take 800 ms. */
    private static final Duration TWENTY_ANSWERS = Duration.ofMillis(400);

    private SupportMailbox mailbox;

    @BeforeEach
    void setUp() {
        mailbox = new SupportMailbox(MAIL);
        for (int i = 1; i <= 3; i++) {
            mailbox.place("INBOX", MailboxIntakeIT.request("round-trip-" + i + "@mail.example.com"), new Flags(), Instant.now());
        }
    }

    @Test
    void imapListsTheMailboxTwentyTimesWithoutWaitingForDelayedAcknowledgements() throws Exception {
        MailboxSettings settings = new MailboxSettings(MailboxUrl.parse("imap://support%40ticketpost.example@127.0.0.1:"
                + MAIL.getImap().getPort() + "/INBOX?starttls=off"), new MailboxSettings.Password(SupportMailbox.PASSWORD),
                Duration.ofSeconds(1), MailboxSettings.Acknowledge.SEEN, "Ticketpost-Done", "Ticketpost-Errors", 5, Duration.ofDays(1),
                Duration.ofSeconds(30));
        try (MailboxSession session = new ImapMailbox(settings).connect()) {
            session.list(0, List.of());   // connected and warm
            long start = System.nanoTime();
            for (int i = 0; i < 10; i++) {
                // UID SEARCH, then UID FETCH of the mails listed: two answers of several lines
                assertThat(session.list(0, List.of())).hasSize(3);
            }
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(TWENTY_ANSWERS);
        }
    }
}
