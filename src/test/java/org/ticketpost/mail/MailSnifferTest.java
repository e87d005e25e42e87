package org.ticketpost.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class MailSnifferTest {

    @Test
    void mailStartsAtItsFirstByte() {
        assertThat(start("From: jane@example.com\n\nHello\n")).isZero();
    }

    @ParameterizedTest(name = "whitespace {index}")
    @ValueSource(strings = {"\n", "\r\n\r\n", "      \n", " ", "\t \n"})
    void blankLinesAndSpacesBeforeTheFieldsAreSkipped(String before) {
        assertThat(start(before + "From: jane@example.com\n\nHello\n")).isEqualTo(before.length());
    }

    @Test
    void byteOrderMarkIsSkipped() {
        assertThat(start("\uFEFFFrom: jane@example.com\n\nHello\n")).isEqualTo(3);
    }

    @Test
    void mboxFromLineIsSkipped() {
        String from = "From jane@example.com Tue Nov 17 10:02:11 2026\n";

        assertThat(start(from + "From: jane@example.com\n\nHello\n")).isEqualTo(from.length());
    }

    @Test
    void bannerLineAboveTheFieldsIsSkipped() {
        String banner = "---- Original email message ----\r\n";

        assertThat(start(banner + "Return-Path: jane@example.com\r\nFrom: jane@example.com\r\n\r\nHello\r\n"))
                .isEqualTo(banner.length());
    }

    @Test
    void textIsNoBannerWhenNoFieldFollowsIt() {
        assertThat(start("Hello support,\n\nthe calendar is down.\n")).isZero();
        assertThat(MailSniffer.notAMail(bytes("Hello support,\n\nthe calendar is down.\n"), 38)).isPresent();
    }

    @Test
    void bareCrLineEndsAreRecognised() {
        byte[] mac = bytes("From: jane@example.com\rSubject: Hi\r\rHello\r");
        byte[] unix = bytes("From: jane@example.com\nSubject: Hi\n\nHello\n");
        byte[] dos = bytes("From: jane@example.com\r\nSubject: Hi\r\n\r\nHello\r\n");

        assertThat(MailSniffer.hasBareCrLineEnds(mac, mac.length)).isTrue();
        assertThat(MailSniffer.hasBareCrLineEnds(unix, unix.length)).isFalse();
        assertThat(MailSniffer.hasBareCrLineEnds(dos, dos.length)).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "25 50 44 46 2D 31 2E 37 | a PDF file, not a mail",
            "50 4B 03 04 14 00       | a ZIP archive, not a mail",
            "1F 8B 08 00 00 00       | a gzip file, not a mail",
            "89 50 4E 47 0D 0A 1A 0A | an image, not a mail",
            "FF D8 FF E0 00 10       | an image, not a mail",
            "47 49 46 38 39 61       | an image, not a mail",
            "D0 CF 11 E0 A1 B1 1A E1 | an Outlook .msg file (binary), not an RFC 822 mail: save the mail as .eml"})
    void otherFileKindsAreNamed(String magic, String reason) {
        byte[] file = withMagic(magic, " rest of the file\n");

        assertThat(MailSniffer.notAMail(file, file.length)).contains(reason);
    }

    @Test
    void aStrayNulInAHeaderLeavesTheFileAMail() {
        byte[] mail = bytes("From: jane@example.com\nSubject: Calendar\u0000 invitations\n\nHello\n");

        assertThat(MailSniffer.notAMail(mail, mail.length)).isEmpty();
    }

    @Test
    void aHeaderFullOfNulsIsUtf16TextOrBinaryDataNotAMail() {
        byte[] utf16 = "From: jane@example.com\nSubject: Hello\n\nHello\n".getBytes(StandardCharsets.UTF_16LE);

        assertThat(MailSniffer.notAMail(utf16, utf16.length)).contains("binary data, not a mail");
    }

    private static int start(String mail) {
        byte[] bytes = bytes(mail);
        return MailSniffer.headerStart(bytes, bytes.length);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** The bytes given in hex, then the text. */
    private static byte[] withMagic(String hex, String rest) {
        String[] values = hex.trim().split("\\s+");
        byte[] text = bytes(rest);
        byte[] file = new byte[values.length + text.length];
        for (int i = 0; i < values.length; i++) {
            file[i] = (byte) Integer.parseInt(values[i], 16);
        }
        System.arraycopy(text, 0, file, values.length, text.length);
        return file;
    }
}
