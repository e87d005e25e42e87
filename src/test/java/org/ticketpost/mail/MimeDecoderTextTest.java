package org.ticketpost.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.ticketpost.mail.Mails.decode;
import static org.ticketpost.mail.Mails.latin1;

import java.nio.charset.Charset;
import org.junit.jupiter.api.Test;
import org.ticketpost.intake.InboundMail;

/** Which text of a mail is read, and how its bytes become characters. */
class MimeDecoderTextTest {

    @Test
    void quotedPrintableTextIsDecodedWithSoftLineBreaksJoined() {
        InboundMail mail = decode("""
                From: jane@example.com
                Content-Type: text/plain; charset=UTF-8
                Content-Transfer-Encoding: quoted-printable

                Die Kalendereinladungen kommen seit dem Update nicht mehr an, bitte pr=
                =C3=BCfen Sie das =3D dringend.
                """);

        assertThat(mail.text())
                .isEqualTo("Die Kalendereinladungen kommen seit dem Update nicht mehr an, bitte prüfen Sie das = dringend.\n");
    }

    @Test
    void base64TextIsDecoded() {
        InboundMail mail = decode("""
                From: jane@example.com
                Content-Type: text/plain; charset=UTF-8
                Content-Transfer-Encoding: base64

                R3LDvMOfZSBhdXMgS8O2bG4K
                """);

        assertThat(mail.text()).isEqualTo("Grüße aus Köln\n");
    }

    @Test
    void oddlySpelledTransferEncodingIsStillUndone() {
        InboundMail mail = decode("""
                From: jane@example.com
                Content-Type: text/plain; charset=UTF-8
                Content-Transfer-Encoding: Base64;

                R3LDvMOfZSBhdXMgS8O2bG4K
                """);

        assertThat(mail.text()).isEqualTo("Grüße aus Köln\n");
    }

    @Test
    void iso88591TextIsReadInIso88591() {
        InboundMail mail = decode(latin1("""
                From: jane@example.com
                Content-Type: text/plain; charset=iso-8859-1
                Content-Transfer-Encoding: 8bit

                Grüße, Jörg
                """));

        assertThat(mail.text()).isEqualTo("Grüße, Jörg\n");
    }

    @Test
    void iso88591LabelIsReadAsWindows1252AsBrowsersDo() {
        InboundMail mail = decode("""
                From: jane@example.com
                Content-Type: text/plain; charset=iso-8859-1
                Content-Transfer-Encoding: quoted-printable

                =84Kalender=93 kostet 10 =80
                """);

        assertThat(mail.text()).isEqualTo("„Kalender“ kostet 10 €\n");
    }

    @Test
    void koi8rTextIsRead() {
        byte[] mail = Mails.join(latin1("From: ivan@example.ru\nContent-Type: text/plain; charset=\"koi8-r\"\n\n"),
                "Привет".getBytes(Charset.forName("KOI8-R")));

        assertThat(decode(mail).text()).isEqualTo("Привет");
    }

    @Test
    void iso2022JpTextIsRead() {
        byte[] mail = Mails.join(latin1("From: taro@example.jp\nContent-Type: text/plain; charset=ISO-2022-JP\n\n"),
                "このアドレスへのメルマガを解除してください。".getBytes(Charset.forName("ISO-2022-JP")));

        assertThat(decode(mail).text()).isEqualTo("このアドレスへのメルマガを解除してください。");
    }

    @Test
    void utf7TextOfAnExchangeReportIsRead() {
        InboundMail mail = decode("""
                From: postmaster@example.com
                Content-Type: text/plain; charset=unicode-1-1-utf-7

                +ANw-bermittlung an folgende Empf+AOQ-nger fehlgeschlagen.
                """);

        assertThat(mail.text()).isEqualTo("Übermittlung an folgende Empfänger fehlgeschlagen.\n");
    }

    @Test
    void utf8TextDeclaredAsLatin1IsReadAsUtf8() {
        InboundMail mail = decode("""
                From: jane@example.com
                Content-Type: text/plain; charset=iso-8859-1

                Grüße aus Köln
                """);

        assertThat(mail.text()).isEqualTo("Grüße aus Köln\n");
    }

    @Test
    void unknownCharsetFallsBackToUtf8InsteadOfFailing() {
        InboundMail mail = decode("""
                From: jane@example.com
                Content-Type: text/plain; charset=x-unknown

                Grüße aus Köln
                """);

        assertThat(mail.text()).isEqualTo("Grüße aus Köln\n");
    }

    @Test
    void unknownCharsetFallsBackToWindows1252WhenTheBytesAreNotUtf8() {
        InboundMail mail = decode(latin1("""
                From: jane@example.com
                Content-Type: text/plain; charset=fakescii

                Grüße aus Köln
                """));

        assertThat(mail.text()).isEqualTo("Grüße aus Köln\n");
    }

    @Test
    void misspelledUtf8IsReadAsUtf8() {
        InboundMail mail = decode("""
                From: jane@example.com
                Content-Type: text/plain; charset=uft-8

                Grüße aus Köln
                """);

        assertThat(mail.text()).isEqualTo("Grüße aus Köln\n");
    }

    @Test
    void charsetNameWithQuotesAndSpacesIsRead() {
        InboundMail mail = decode(latin1("""
                From: jane@example.com
                Content-Type: text/plain; charset=" ISO-8859-15 "

                Preis: 10 \u00a4
                """));

        assertThat(mail.text()).isEqualTo("Preis: 10 €\n");
    }

    @Test
    void mailWithoutContentTypeIsReadAsPlainText() {
        InboundMail mail = decode("""
                From: jane@example.com
                Subject: Hello

                Hello support,
                the server is down.
                """);

        assertThat(mail.text()).isEqualTo("Hello support,\nthe server is down.\n");
    }

    @Test
    void crlfLineEndsBecomeNewlines() {
        InboundMail mail = decode("From: jane@example.com\r\nSubject: Hello\r\n\r\nLine one\r\nLine two\r\n");

        assertThat(mail.text()).isEqualTo("Line one\nLine two\n");
    }

    @Test
    void bareCrLineEndsAreRead() {
        InboundMail mail = decode("From: jane@example.com\rSubject: Hello\r\rLine one\rLine two\r");

        assertThat(mail.subject()).isEqualTo("Hello");
        assertThat(mail.text()).isEqualTo("Line one\nLine two\n");
    }

    @Test
    void alternativePrefersThePlainTextPart() {
        InboundMail mail = decode("""
                From: jane@example.com
                Content-Type: multipart/alternative; boundary="alt"

                --alt
                Content-Type: text/plain; charset=UTF-8

                Plain version
                --alt
                Content-Type: text/html; charset=UTF-8

                <p>HTML version</p>
                --alt--
                """);

        assertThat(mail.text()).isEqualTo("Plain version");
    }

    @Test
    void alternativePrefersThePlainTextPartEvenWhenTheHtmlComesFirst() {
        InboundMail mail = decode("""
                From: jane@example.com
                Content-Type: multipart/alternative; boundary="alt"

                --alt
                Content-Type: text/html; charset=UTF-8

                <p>HTML version</p>
                --alt
                Content-Type: text/plain; charset=UTF-8

                Plain version
                --alt--
                """);

        assertThat(mail.text()).isEqualTo("Plain version");
    }

    @Test
    void alternativeFallsBackToTheHtmlPartWhenThePlainPartIsEmpty() {
        InboundMail mail = decode("""
                From: jane@example.com
                Content-Type: multipart/alternative; boundary="alt"

                --alt
                Content-Type: text/plain; charset=UTF-8

                \s\s
                --alt
                Content-Type: text/html; charset=UTF-8

                <p>Only the <b>HTML</b> part has the text</p>
                --alt--
                """);

        assertThat(mail.text()).isEqualTo("Only the HTML part has the text");
    }

    @Test
    void htmlOnlyMailIsConvertedToReadableText() {
        InboundMail mail = Mails.load("html-only.eml");

        assertThat(mail.text()).isEqualTo("""
                Hello support,

                since the update:

                - invitations are not sent
                - reminders come twice
                Server: mail.example.com
                Severity: 2
                > On Monday you wrote:
                > Please send the logs.
                Regards, Jörg""");
    }

    @Test
    void htmlCharsetFromTheMetaElementIsUsedWhenTheContentTypeNamesNone() {
        InboundMail mail = decode(latin1("""
                From: jane@example.com
                Content-Type: text/html

                <html><head><meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1"></head>
                <body><p>Grüße</p></body></html>
                """));

        assertThat(mail.text()).isEqualTo("Grüße");
    }

    @Test
    void nestedMultipartsYieldTheTextOfTheInnerAlternative() {
        InboundMail mail = Mails.load("nested-multiparts.eml");

        assertThat(mail.text()).isEqualTo("Plain text of the request");
        assertThat(mail.attachments()).extracting("name").containsExactly("logo.png", "server.log");
    }

    @Test
    void inlineTextPartsOfAMixedMultipartAreJoinedInOrder() {
        InboundMail mail = decode("""
                From: jane@example.com
                Content-Type: multipart/mixed; boundary="mixed"

                --mixed
                Content-Type: text/plain

                First part
                --mixed
                Content-Type: text/plain
                Content-Disposition: inline

                Second part
                --mixed--
                """);

        assertThat(mail.text()).isEqualTo("First part\n\nSecond part");
    }

    @Test
    void truncatedMultipartKeepsTheTextReadSoFar() {
        InboundMail mail = decode("""
                From: jane@example.com
                Content-Type: multipart/mixed; boundary="cut"

                --cut
                Content-Type: text/plain

                The text before the cut
                --cut
                Content-Type: application/octet-stream; name="half.bin"
                Content-Transfer-Encoding: base64

                AAECAwQF
                """);

        assertThat(mail.text()).isEqualTo("The text before the cut");
        assertThat(mail.attachments()).extracting("name", "size").containsExactly(tuple("half.bin", 6L));
        assertThat(mail.notes()).contains(
                "the mail ends inside a MIME part: it was cut off, and the last attachment read, \"half.bin\", may be incomplete");
    }

    @Test
    void aCompleteMultipartHasNoNoteOfTruncation() {
        InboundMail mail = decode("""
                From: jane@example.com
                Content-Type: multipart/mixed; boundary="b"

                --b
                Content-Type: text/plain

                All of it
                --b--
                """);

        assertThat(mail.notes()).isEmpty();
    }

    @Test
    void flowedTextIsJoinedIntoParagraphs() {
        InboundMail mail = decode("""
                From: jane@example.com
                Content-Type: text/plain; charset=UTF-8; format=flowed

                The calendar invitations are not delivered\s
                since the update of last Monday.

                > Did you restart the\s
                > server?
                Yes.
                """);

        assertThat(mail.text()).isEqualTo("""
                The calendar invitations are not delivered since the update of last Monday.

                > Did you restart the server?
                Yes.
                """);
    }

    @Test
    void flowedTextWithDelSpJoinsWithoutTheTrailingSpace() {
        InboundMail mail = decode("""
                From: taro@example.jp
                Content-Type: text/plain; charset=UTF-8; format=flowed; delsp=yes

                カレンダーの招待が\s
                届きません。
                """);

        assertThat(mail.text()).isEqualTo("カレンダーの招待が届きません。\n");
    }
}
