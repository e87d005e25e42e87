package org.ticketpost.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.ticketpost.mail.Mails.decode;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.ticketpost.intake.Attachment;
import org.ticketpost.intake.EmailAddress;
import org.ticketpost.intake.InboundMail;

/** Which parts of a mail are attachments, and what is known of each. */
class MimeDecoderAttachmentTest {

    @Test
    void attachmentIsListedWithNameContentTypeAndDecodedSize() {
        InboundMail mail = decode("""
                From: jane@example.com
                Content-Type: multipart/mixed; boundary="b"

                --b
                Content-Type: text/plain

                The log is attached.
                --b
                Content-Type: Application/PDF; name="report.pdf"
                Content-Disposition: attachment; filename="report.pdf"
                Content-Transfer-Encoding: base64

                JVBERi0xLjQKJcfsj6IK
                --b--
                """);

        assertThat(mail.text()).isEqualTo("The log is attached.");
        assertThat(mail.attachments()).extracting(Attachment::name, Attachment::contentType, Attachment::size)
                .containsExactly(tuple("report.pdf", "application/pdf", 15L));
    }

    @Test
    void quotedPrintableAttachmentIsCountedDecodedWithCrlfLineBreaks() {
        InboundMail mail = decode("""
                From: jane@example.com
                Content-Type: multipart/mixed; boundary="b"

                --b
                Content-Type: text/csv; name="users.csv"
                Content-Disposition: attachment
                Content-Transfer-Encoding: quoted-printable

                name;city
                J=C3=B6rg;K=C3=B6ln
                --b--
                """);

        assertThat(mail.attachments()).extracting(Attachment::name, Attachment::size)
                .containsExactly(tuple("users.csv", (long) "name;city\r\nJörg;Köln".getBytes(StandardCharsets.UTF_8).length));
    }

    @Test
    void nameParameterOfTheContentTypeNamesAnAttachmentWithoutDisposition() {
        InboundMail mail = decode("""
                From: jane@example.com
                Content-Type: multipart/mixed; boundary="b"

                --b
                Content-Type: image/png; name=screenshot.png
                Content-Transfer-Encoding: base64

                iVBORw0KGgo=
                --b--
                """);

        assertThat(mail.attachments()).extracting(Attachment::name).containsExactly("screenshot.png");
    }

    @Test
    void rfc2231FileNameWithCharsetAndLanguageIsDecoded() {
        InboundMail mail = decode("""
                From: jane@example.com
                Content-Type: multipart/mixed; boundary="b"

                --b
                Content-Type: application/octet-stream
                Content-Disposition: attachment; filename*=UTF-8'de'Pr%C3%BCfbericht%20M%C3%A4rz.pdf

                data
                --b--
                """);

        assertThat(mail.attachments()).extracting(Attachment::name).containsExactly("Prüfbericht März.pdf");
    }

    @Test
    void controlCharactersInAFileNameBecomeSpaces() {
        InboundMail mail = decode("""
                From: jane@example.com
                Content-Type: multipart/mixed; boundary="b"

                --b
                Content-Type: application/octet-stream
                Content-Disposition: attachment; filename*=UTF-8''report%00%0D%0Afinal.pdf

                data
                --b--
                """);

        assertThat(mail.attachments()).extracting(Attachment::name).containsExactly("report   final.pdf");
    }

    @Test
    void rfc2231FileNameContinuationsAreJoined() {
        InboundMail mail = decode("""
                From: jane@example.com
                Content-Type: multipart/mixed; boundary="b"

                --b
                Content-Type: application/octet-stream
                Content-Disposition: attachment;
                 filename*0*=ISO-8859-1''Sehr%20lange%20Datei;
                 filename*1*=bezeichnung%20f%FCr;
                 filename*2=" den Support.txt"

                data
                --b--
                """);

        assertThat(mail.attachments()).extracting(Attachment::name)
                .containsExactly("Sehr lange Dateibezeichnung für den Support.txt");
    }

    @Test
    void encodedWordFileNameIsDecodedAsMailProgramsWriteIt() {
        InboundMail mail = decode("""
                From: jane@example.com
                Content-Type: multipart/mixed; boundary="b"

                --b
                Content-Type: application/pdf; name="=?UTF-8?B?UHLDvGZiZXJpY2h0LnBkZg==?="
                Content-Disposition: attachment; filename="=?UTF-8?B?UHLDvGZiZXJpY2h0LnBkZg==?="

                data
                --b--
                """);

        assertThat(mail.attachments()).extracting(Attachment::name).containsExactly("Prüfbericht.pdf");
    }

    @Test
    void encodedWordFileNameLabelledGb2312IsReadAsGbk() {
        InboundMail mail = decode("""
                From: jane@example.com
                Content-Type: multipart/mixed; boundary="b"

                --b
                Content-Type: application/pdf; name="=?GB2312?B?g8iRqsGmrmHJ+g==?=.pdf"

                data
                --b--
                """);

        assertThat(mail.attachments()).extracting(Attachment::name).containsExactly("內應力產生.pdf");
    }

    @Test
    void fileNameWithTwoApostrophesIsKeptWhole() {
        InboundMail mail = decode("""
                From: jane@example.com
                Content-Type: multipart/mixed; boundary="b"

                --b
                Content-Type: text/plain; name="Bob's and Alice's notes.txt"

                notes
                --b--
                """);

        assertThat(mail.attachments()).extracting(Attachment::name).containsExactly("Bob's and Alice's notes.txt");
    }

    @Test
    void raw8BitFileNameIsReadInTheCharsetTheMailNames() {
        byte[] mail = Mails.join(Mails.latin1("""
                From: jane@example.cn
                Content-Type: multipart/mixed; boundary="b"; charset="GB2312"

                --b
                Content-Type: application/octet-stream; name="                """), "绩效管理.xls".getBytes(Charset.forName("GB18030")), Mails.latin1("""
                "

                data
                --b--
                """));

        assertThat(decode(mail).attachments()).extracting(Attachment::name).containsExactly("绩效管理.xls");
    }

    @Test
    void raw8BitFileNameThatIsNotUtf8IsReadInTheCharsetOfTheText() {
        InboundMail mail = decode(Mails.latin1("""
                From: jane@example.com
                Content-Type: multipart/mixed; boundary="b"

                --b
                Content-Type: text/plain; charset=iso-8859-1

                Bild anbei
                --b
                Content-Type: image/jpeg; name="Hofjägerallee.jpg"

                data
                --b--
                """));

        assertThat(mail.attachments()).extracting(Attachment::name).containsExactly("Hofjägerallee.jpg");
    }

    @Test
    void folderOfAFileNameIsDropped() {
        InboundMail mail = decode("""
                From: jane@example.com
                Content-Type: multipart/mixed; boundary="b"

                --b
                Content-Type: text/plain
                Content-Disposition: attachment; filename="C:\\Users\\jane\\server.log"

                log
                --b--
                """);

        assertThat(mail.attachments()).extracting(Attachment::name).containsExactly("server.log");
    }

    @Test
    void unnamedAttachmentGetsANameFromItsContentType() {
        InboundMail mail = decode("""
                From: jane@example.com
                Content-Type: multipart/mixed; boundary="b"

                --b
                Content-Type: text/plain

                See the invitation.
                --b
                Content-Type: text/calendar; method=REQUEST

                BEGIN:VCALENDAR
                END:VCALENDAR
                --b
                Content-Type: application/x-unheard-of

                data
                --b--
                """);

        assertThat(mail.attachments()).extracting(Attachment::name)
                .containsExactly("attachment-1.ics", "attachment-2.bin");
    }

    @Test
    void textPartMarkedAsAttachmentIsAnAttachmentNotText() {
        InboundMail mail = decode("""
                From: jane@example.com
                Content-Type: multipart/mixed; boundary="b"

                --b
                Content-Type: text/plain

                Please look at the log.
                --b
                Content-Type: text/plain
                Content-Disposition: attachment

                2026-11-17 ERROR calendar
                --b--
                """);

        assertThat(mail.text()).isEqualTo("Please look at the log.");
        assertThat(mail.attachments()).extracting(Attachment::name, Attachment::contentType)
                .containsExactly(tuple("attachment-1.txt", "text/plain"));
    }

    @Test
    void inlineImageOfAnHtmlMailIsAnAttachment() {
        InboundMail mail = Mails.load("nested-multiparts.eml");

        assertThat(mail.attachments()).extracting(Attachment::name, Attachment::contentType, Attachment::size)
                .containsExactly(tuple("logo.png", "image/png", 8L), tuple("server.log", "text/plain", 60L));
    }

    @Test
    void attachedMailIsOneAttachmentAndItsTextIsNotTheMailsText() {
        InboundMail mail = Mails.load("forwarded-mail.eml");

        assertThat(mail.text()).isEqualTo("Forwarding the customer's mail, see attachment.");
        assertThat(mail.subject()).isEqualTo("Fwd: Calendar is down");
        assertThat(mail.attachments()).extracting(Attachment::name, Attachment::contentType)
                .containsExactly(tuple("Calendar is down.eml", "message/rfc822"));
        String raw = new String(Mails.bytes("forwarded-mail.eml"), StandardCharsets.UTF_8);
        String attached = raw.substring(raw.indexOf("From: Customer"), raw.indexOf("\n--fwd--"));
        assertThat(mail.attachments().get(0).size()).isEqualTo(attached.length());
    }

    @Test
    void mailThatOnlyWrapsAnotherMailIsReadThrough() {
        InboundMail mail = Mails.load("wrapped-mail.eml");

        assertThat(mail.subject()).isEqualTo("Fwd: Calendar is down");
        assertThat(mail.from().map(EmailAddress::address)).contains("gateway@example.com");
        assertThat(mail.messageId()).contains("wrapper-1@example.com");
        assertThat(mail.text()).isEqualTo("The calendar has been down since 10:00.");
        assertThat(mail.attachments()).extracting(Attachment::name, Attachment::size).containsExactly(tuple("trace.bin", 10L));
    }

    @Test
    void base64EncodedWrappedMailIsReadThrough() {
        InboundMail mail = decode("""
                From: gateway@example.com
                Subject: Wrapped
                Content-Type: message/rfc822
                Content-Transfer-Encoding: base64

                RnJvbTogY3VzdG9tZXJAZXhhbXBsZS5vcmcKU3ViamVjdDogSW5uZXIKCklubmVyIHRleHQK
                """);

        assertThat(mail.subject()).isEqualTo("Wrapped");
        assertThat(mail.text()).isEqualTo("Inner text\n");
        assertThat(mail.attachments()).isEmpty();
    }

    @Test
    void unnamedAttachedMailIsNamedAfterItsSubject() {
        InboundMail mail = decode("""
                From: jane@example.com
                Content-Type: multipart/mixed; boundary="b"

                --b
                Content-Type: message/rfc822

                From: customer@example.org
                Subject: =?UTF-8?Q?Kalender_st=C3=B6rt:?= 10/11 "down"

                Inner text
                --b--
                """);

        assertThat(mail.text()).isEmpty();
        assertThat(mail.attachments()).extracting(Attachment::name, Attachment::contentType)
                .containsExactly(tuple("Kalender stört: 10 11 \"down\".eml", "message/rfc822"));
    }

    @Test
    void attachedMailWithoutSubjectIsNamedAsAnEmlFile() {
        InboundMail mail = decode("""
                From: jane@example.com
                Content-Type: multipart/mixed; boundary="b"

                --b
                Content-Type: message/rfc822

                From: customer@example.org

                Inner text
                --b--
                """);

        assertThat(mail.attachments()).extracting(Attachment::name).containsExactly("attachment-1.eml");
    }
}
