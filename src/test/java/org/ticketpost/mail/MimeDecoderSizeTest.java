package org.ticketpost.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.ticketpost.mail.Mails.decode;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.ticketpost.intake.InboundMail;

/** Reading a mail takes time linear in its size, whatever its shape; where a limit cuts the work, a note says so. */
class MimeDecoderSizeTest {

    /** Generous: the reader takes a few seconds here; HTML built into a browser's tree took minutes. */
    private static final Duration BOUND = Duration.ofSeconds(60);

    private static final String HEAD = """
            From: jane@example.com
            To: support@ticketpost.example
            Subject: Calendar
            MIME-Version: 1.0
            """;

    @Test
    void thirtyMegabytesOfNestedHtmlTablesAreReadQuickly() {
        byte[] mail = (HEAD + "Content-Type: text/html\n\n<html><body>" + "<table><tr><td>cell\n".repeat(1_500_000))
                .getBytes(StandardCharsets.US_ASCII);

        InboundMail read = assertTimeoutPreemptively(BOUND, () -> decode(mail));

        assertThat(mail.length).isGreaterThan(30_000_000);
        assertThat(read.text()).startsWith("cell");
        assertThat(read.notes()).anyMatch(note -> note.contains("was cut at"));
    }

    @Test
    void nestedHtmlLongerThanATreeIsWorthKeepsAllItsText() {
        String html = "<div><p>Severity: 2</p>" + "<blockquote>quoted".repeat(20_000) + "<p>Product: OXSE</p>";

        String text = assertTimeoutPreemptively(BOUND, () -> HtmlText.of(html));

        assertThat(html.length()).isGreaterThan(HtmlText.TREE_LIMIT);
        assertThat(text).startsWith("Severity: 2\n").contains("> > > > > > > > quoted").endsWith("Product: OXSE");
        assertThat(text.length()).isLessThan(2 * html.length());   // not two characters per level on each of its lines
    }

    @Test
    void partsAfterTheLimitAreNotReadAndTheNoteSaysSo() {
        StringBuilder mail = new StringBuilder(HEAD).append("Content-Type: multipart/mixed; boundary=\"b\"\n\n");
        for (int part = 1; part <= MimeDecoder.PART_LIMIT + 5; part++) {
            mail.append("--b\nContent-Disposition: attachment; filename=\"part").append(part).append(".txt\"\n\n")
                    .append(part).append('\n');
        }
        mail.append("--b--\n");

        InboundMail read = decode(mail.toString());

        assertThat(read.attachments()).hasSize(MimeDecoder.PART_LIMIT);
        assertThat(read.notes()).contains("the mail has more than 1000 parts: those after part 1000 were not read,"
                + " and are only in the mail as it came");
        assertThat(read.size()).isEqualTo(mail.length());
    }
}
