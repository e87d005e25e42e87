package org.ticketpost.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.ticketpost.mail.Mails.decode;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.ticketpost.intake.Attachment;
import org.ticketpost.intake.AttachmentSink;
import org.ticketpost.intake.EmailAddress;
import org.ticketpost.intake.InboundMail;
import org.ticketpost.intake.UnreadableMailException;

/** Input that is no mail, or a broken or hostile one: a clear result every time, never a crash or a hang. */
class MimeDecoderBadInputTest {

    private static final Duration QUICKLY = Duration.ofSeconds(10);

    @Test
    void emptyFileIsUnreadable() {
        assertThatThrownBy(() -> parse(new byte[0]))
                .isInstanceOf(UnreadableMailException.class)
                .hasMessage("the file is empty");
    }

    @Test
    void randomBinaryBytesAreUnreadable() {
        byte[] noise = new byte[64 * 1024];
        new Random(20261117).nextBytes(noise);

        assertThatThrownBy(() -> parse(noise))
                .isInstanceOf(UnreadableMailException.class)
                .hasMessageContaining("binary data");
    }

    @Test
    void outlookMsgFileIsUnreadableWithAHintToSaveAsEml() {
        byte[] msg = new byte[4096];
        byte[] magic = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1};
        System.arraycopy(magic, 0, msg, 0, magic.length);

        assertThatThrownBy(() -> parse(msg))
                .isInstanceOf(UnreadableMailException.class)
                .hasMessageContaining("Outlook .msg")
                .hasMessageContaining(".eml");
    }

    @Test
    void textWithoutHeaderSectionIsUnreadable() {
        byte[] text = """
                Hello support,

                the calendar is down.
                """.getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> parse(text))
                .isInstanceOf(UnreadableMailException.class)
                .hasMessageContaining("no header section");
    }

    @Test
    void textWithColonsButNoMailFieldsIsUnreadable() {
        byte[] text = """
                Server: mail.example.com
                Severity: 2

                The calendar is down.
                """.getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> parse(text))
                .isInstanceOf(UnreadableMailException.class)
                .hasMessageContaining("no mail header fields");
    }

    @Test
    void mailSavedWithABlankLineOfSpacesOnTopIsRead() {
        InboundMail mail = decode("          \r\nFrom: jane@example.com\r\nSubject: Calendar\r\n\r\nHello\r\n");

        assertThat(mail.subject()).isEqualTo("Calendar");
        assertThat(mail.text()).isEqualTo("Hello\n");
    }

    @Test
    void mailWithAByteOrderMarkIsRead() {
        InboundMail mail = decode("\uFEFFFrom: jane@example.com\nSubject: Calendar\n\nHello\n");

        assertThat(mail.from().map(EmailAddress::address)).contains("jane@example.com");
    }

    @Test
    void mailWithABannerLineAboveItsFieldsIsRead() {
        InboundMail mail = decode("""
                ---- Original email message ----
                From: jane@example.com
                Subject: Contact from Server

                Contact form
                """);

        assertThat(mail.subject()).isEqualTo("Contact from Server");
        assertThat(mail.text()).isEqualTo("Contact form\n");
    }

    @Test
    void mailWithHeadersOnlyHasNoText() {
        InboundMail mail = decode("From: jane@example.com\nSubject: Only a subject\n");

        assertThat(mail.subject()).isEqualTo("Only a subject");
        assertThat(mail.text()).isEmpty();
    }

    @Test
    void multipartCutInsideAPartHeaderKeepsWhatCameBefore() {
        InboundMail mail = decode("""
                From: jane@example.com
                Content-Type: multipart/mixed; boundary="cut"

                --cut
                Content-Type: text/plain

                The text before the cut
                --cut
                Content-Type: application/pdf; na""");

        assertThat(mail.text()).isEqualTo("The text before the cut");
    }

    @Test
    void multipartWithoutBoundaryParameterIsReadAsText() {
        InboundMail mail = decode("""
                From: jane@example.com
                Content-Type: multipart/mixed

                The calendar is down.
                """);

        assertThat(mail.text()).contains("The calendar is down.");
    }

    @Test
    void garbageCharsetDoesNotStopTheReading() {
        InboundMail mail = decode("""
                From: jane@example.com
                Content-Type: text/plain; charset="=?%%\\\\"

                Grüße
                """);

        assertThat(mail.text()).isEqualTo("Grüße\n");
    }

    @Test
    void headerLineOfOneMegabyteIsRead() {
        String longField = "X-Spam-Report: " + "a".repeat(1024 * 1024);
        InboundMail mail = decode("From: jane@example.com\n" + longField + "\nSubject: After the long field\n\nHello\n");

        assertThat(mail.subject()).isEqualTo("After the long field");
        assertThat(mail.text()).isEqualTo("Hello\n");
    }

    @Test
    void subjectOfOneMegabyteIsCutWithANote() {
        InboundMail mail = decode("From: jane@example.com\nSubject: " + "s".repeat(1024 * 1024) + "\n\nHello\n");

        assertThat(mail.subject()).hasSize(1000);
        assertThat(mail.notes()).anySatisfy(note -> assertThat(note).contains("subject"));
    }

    @Test
    void headerFieldOverTheLimitIsRefusedWithAReason() {
        String hugeField = "X-Spam-Report: " + "a".repeat(MimeDecoder.HEADER_LIMIT + 1);
        byte[] mail = ("From: jane@example.com\n" + hugeField + "\nSubject: x\n\nHello\n").getBytes(StandardCharsets.US_ASCII);

        assertThatThrownBy(() -> assertTimeoutPreemptively(QUICKLY, () -> parse(mail)))
                .isInstanceOf(UnreadableMailException.class)
                .hasMessage("a header field is longer than 4 MB");
    }

    @Test
    void moreHeaderFieldsThanTheLimitAreRefusedWithAReason() {
        String fields = "X-Trace: hop\n".repeat(MimeDecoder.HEADER_FIELD_LIMIT + 1);
        byte[] mail = ("From: jane@example.com\n" + fields + "\nHello\n").getBytes(StandardCharsets.US_ASCII);

        assertThatThrownBy(() -> assertTimeoutPreemptively(QUICKLY, () -> parse(mail)))
                .isInstanceOf(UnreadableMailException.class)
                .hasMessage("the mail has more than 10000 header fields");
    }

    @Test
    void thousandNestedMultipartsAreReadQuicklyAndKeepTheirContent() {
        byte[] mail = nestedMultiparts(1000);

        InboundMail read = assertTimeoutPreemptively(QUICKLY, () -> parse(mail));

        assertThat(read.subject()).isEqualTo("Deeply nested");
        assertThat(read.text()).contains("Text at the top");
        assertThat(read.notes()).anySatisfy(note -> assertThat(note).contains("nested deeper than"));
        long kept = read.attachments().stream().mapToLong(Attachment::size).sum();
        assertThat(kept).as("the deep content is kept as attachments").isGreaterThan(1000L * "--level-999".length());
    }

    @Test
    void nestingJustBelowTheLimitIsTakenApart() {
        InboundMail read = decode(nestedMultiparts(MimeDecoder.NESTING_LIMIT - 1));

        assertThat(read.text()).contains("Text at the top").contains("The innermost text");
        assertThat(read.notes()).isEmpty();
    }

    /** Multiparts nested to the given depth, a text at the top and one at the bottom. */
    private static byte[] nestedMultiparts(int depth) {
        StringBuilder mail = new StringBuilder("From: jane@example.com\nSubject: Deeply nested\n");
        for (int level = 0; level < depth; level++) {
            mail.append("Content-Type: multipart/mixed; boundary=\"level-").append(level).append("\"\n\n");
            mail.append("--level-").append(level).append('\n');
            if (level == 0) {
                mail.append("Content-Type: text/plain\n\nText at the top\n--level-0\n");
            }
        }
        mail.append("Content-Type: text/plain\n\nThe innermost text\n");
        for (int level = depth - 1; level >= 0; level--) {
            mail.append("--level-").append(level).append("--\n");
        }
        return mail.toString().getBytes(StandardCharsets.US_ASCII);
    }

    private static InboundMail parse(byte[] bytes) throws Exception {
        return new MimeDecoder().parse(new ByteArrayInputStream(bytes), AttachmentSink.COUNTING);
    }
}
