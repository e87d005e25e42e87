package org.ticketpost.form;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class QuoteStripperTest {

    @Test
    void dropsQuotedLines() {
        assertThat(QuoteStripper.ownText("Thanks, works now.\n> Please restart the server.\n>> old\n"))
                .isEqualTo("Thanks, works now.");
    }

    @Test
    void cutsAtTheSignatureSeparator() {
        assertThat(QuoteStripper.ownText("Severity: 2\n-- \nJane Doe\nSeverity: 4\n")).isEqualTo("Severity: 2");
    }

    @Test
    void cutsATopPostedReplyAtItsAttribution() {
        String reply = """
                It still fails.

                On Mon, 16 Nov 2026 at 09:12, Support <support@example.com> wrote:
                Dear customer, please restart.
                """;

        assertThat(QuoteStripper.ownText(reply)).isEqualTo("It still fails.");
    }

    @Test
    void recognisesAnAttributionWrappedOverTwoLines() {
        String reply = """
                It still fails.

                On Mon, 16 Nov 2026 at 09:12, Support Team <
                support@example.com> wrote:
                Dear customer, please restart.
                """;

        assertThat(QuoteStripper.ownText(reply)).isEqualTo("It still fails.");
    }

    @Test
    void keepsTheAnswersOfAnInterleavedReply() {
        String reply = """
                Am 16.11.2026 um 09:12 schrieb Support <support@example.com>:
                > Which version?
                8.21
                > Which distribution?
                Debian
                """;

        assertThat(QuoteStripper.ownText(reply)).isEqualTo("8.21\nDebian");
    }

    @Test
    void keepsASentenceThatOnlyLooksLikeAnAttribution() {
        String text = "On the admin server, I wrote:\nmaxconnections=100\n";

        assertThat(QuoteStripper.ownText(text)).isEqualTo("On the admin server, I wrote:\nmaxconnections=100");
    }

    @Test
    void cutsAtOutlooksOriginalMessage() {
        assertThat(QuoteStripper.ownText("Done.\n-----Original Message-----\nFrom: a\nOld text\n")).isEqualTo("Done.");
        assertThat(QuoteStripper.ownText("Erledigt.\n-----Ursprüngliche Nachricht-----\nVon: a\n")).isEqualTo("Erledigt.");
    }

    @Test
    void cutsAtOutlooksHeaderBlock() {
        String reply = """
                Done.

                ________________________________
                From: Support <support@example.com>
                Sent: Monday, 16 November 2026 09:12
                Subject: [Ticket#100007] Calendar
                """;

        assertThat(QuoteStripper.ownText(reply)).isEqualTo("Done.");
    }

    @Test
    void keepsAForwardedMessage() {
        String forwarded = """
                See below.
                ---------- Forwarded message ---------
                From: Jane <jane@example.com>
                Date: Mon, 16 Nov 2026 at 09:12
                Severity: 2
                """;

        assertThat(QuoteStripper.ownText(forwarded)).contains("Severity: 2");
    }
}
