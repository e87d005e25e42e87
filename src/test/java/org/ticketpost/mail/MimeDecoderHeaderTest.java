package org.ticketpost.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ticketpost.mail.Mails.decode;
import static org.ticketpost.mail.Mails.latin1;

import java.nio.charset.Charset;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.ticketpost.intake.EmailAddress;
import org.ticketpost.intake.InboundMail;

class MimeDecoderHeaderTest {

    @Test
    void quotedPrintableEncodedWordInTheSubjectIsDecodedAsUtf8() {
        InboundMail mail = decode("""
                From: jane@example.com
                Subject: =?UTF-8?Q?Gr=C3=BC=C3=9Fe_aus_K=C3=B6ln?=

                Hello
                """);

        assertThat(mail.subject()).isEqualTo("Grüße aus Köln");
    }

    @Test
    void utf7WordWhoseBase64IsOneCharacterShortIsReadAsFarAsItGoes() {
        InboundMail mail = decode("""
                From: jane@example.com
                Subject: Calendar =?utf-7?B?SGFsbG8gQ?=

                Hello
                """);

        assertThat(mail.subject()).isEqualTo("Calendar Hallo");
    }

    @Test
    void base64EncodedWordInTheSubjectIsDecodedAsIso88591() {
        InboundMail mail = decode("""
                From: jane@example.com
                Subject: =?ISO-8859-1?B?R3L832UgYXVzIEv2bG4=?=

                Hello
                """);

        assertThat(mail.subject()).isEqualTo("Grüße aus Köln");
    }

    @Test
    void adjacentEncodedWordsAreJoinedWithoutTheWhitespaceBetweenThem() {
        InboundMail mail = decode("""
                From: jane@example.com
                Subject: =?UTF-8?Q?Server_startet_nicht_nach_dem_Upd?=
                 =?UTF-8?B?YXRlIGF1ZiA4LjIx?= =?ISO-8859-1?Q?_(dringend!)_=E4?=

                Hello
                """);

        assertThat(mail.subject()).isEqualTo("Server startet nicht nach dem Update auf 8.21 (dringend!) ä");
    }

    @Test
    void encodedWordLabelledGb2312IsReadAsTheGbkMailProgramsWrite() {
        InboundMail mail = decode("""
                From: zheng@example.cn
                Subject: =?GB2312?B?g8iRqsGmrmHJ+g==?=

                Hello
                """);

        assertThat(mail.subject()).isEqualTo("內應力產生");
    }

    @Test
    void encodedWordInUtf7IsDecoded() {
        InboundMail mail = decode("""
                From: postmaster@example.com
                Subject: Benachrichtigung zum =?unicode-1-1-utf-7?Q?+ANw-bermittlungsstatus_(Fehlgeschlagen)?=

                Hello
                """);

        assertThat(mail.subject()).isEqualTo("Benachrichtigung zum Übermittlungsstatus (Fehlgeschlagen)");
    }

    @Test
    void plainWordsBesideAnEncodedWordKeepTheirSpaces() {
        InboundMail mail = decode("""
                From: jane@example.com
                Subject: Re: =?UTF-8?Q?M=C3=BCnchen?= office

                Hello
                """);

        assertThat(mail.subject()).isEqualTo("Re: München office");
    }

    @Test
    void foldedSubjectIsUnfoldedIntoOneLine() {
        InboundMail mail = decode("""
                From: jane@example.com
                Subject: Calendar invitations are not delivered
                 after the update to 8.21

                Hello
                """);

        assertThat(mail.subject()).isEqualTo("Calendar invitations are not delivered after the update to 8.21");
    }

    @Test
    void encodedDisplayNameInFromIsDecoded() {
        InboundMail mail = decode("""
                From: =?ISO-8859-1?Q?J=F6rg_M=FCller?= <Joerg.Mueller@Example.COM>
                Subject: Hello

                Hello
                """);

        assertThat(mail.from()).contains(new EmailAddress("joerg.mueller@example.com", "Jörg Müller"));
    }

    @Test
    void base64EncodedDisplayNameInFromIsDecoded() {
        InboundMail mail = decode("""
                From: =?UTF-8?B?5bGx55Sw5aSq6YOO?= <taro@example.jp>
                Subject: Hello

                Hello
                """);

        assertThat(mail.from().map(EmailAddress::name)).contains("山田太郎");
    }

    @Test
    void encodedDisplayNameWithSurplusBase64PaddingIsDecoded() {
        InboundMail mail = decode("""
                From: =?ISO-2022-JP?B?GyRCO3ZMMzZJGyhC==?= <office@example.jp>
                Subject: Hello

                Hello
                """);

        assertThat(mail.from().map(EmailAddress::name)).contains("事務局");
    }

    @Test
    void encodedWordInsideAQuotedDisplayNameIsDecodedAsMailProgramsDo() {
        InboundMail mail = decode("""
                From: "=?UTF-8?Q?Ren=C3=A9_Dupont?=" <rene@example.fr>
                Subject: Hello

                Hello
                """);

        assertThat(mail.from().map(EmailAddress::name)).contains("René Dupont");
    }

    @Test
    void rawUtf8SubjectAndDisplayNameAreReadAsUtf8() {
        InboundMail mail = decode("""
                From: Jörg Müller <joerg@example.com>
                Subject: Störung im Kalender – dringend
                Content-Type: text/plain; charset=ISO-8859-1

                Hallo
                """);

        assertThat(mail.subject()).isEqualTo("Störung im Kalender – dringend");
        assertThat(mail.from().map(EmailAddress::name)).contains("Jörg Müller");
    }

    @Test
    void raw8BitSubjectThatIsNotUtf8IsReadInTheCharsetOfTheText() {
        InboundMail mail = decode(latin1("""
                From: joerg@example.com
                Subject: Störung im Kalender
                Content-Type: text/plain; charset=ISO-8859-1

                Grüße
                """));

        assertThat(mail.subject()).isEqualTo("Störung im Kalender");
        assertThat(mail.text()).isEqualTo("Grüße\n");
    }

    @Test
    void raw8BitSubjectInAMailWrittenInIso2022JpIsReadAsShiftJis() {
        InboundMail mail = decode(Mails.join(
                latin1("From: bar@example.org\nSubject: "), "ツール".getBytes(Charset.forName("Shift_JIS")),
                latin1("\nContent-Type: text/plain; charset=iso-2022-jp\n\nHello\n")));

        assertThat(mail.subject()).isEqualTo("ツール");
    }

    @Test
    void mailWithoutSubjectHasAnEmptySubject() {
        InboundMail mail = decode("""
                From: jane@example.com

                Hello
                """);

        assertThat(mail.subject()).isEmpty();
    }

    @Test
    void messageIdIsTakenWithoutAngleBrackets() {
        InboundMail mail = decode("""
                From: jane@example.com
                Message-ID: <20261116091244.4711@mail.example.com>

                Hello
                """);

        assertThat(mail.messageId()).contains("20261116091244.4711@mail.example.com");
        assertThat(mail.messageKey()).isEqualTo("<20261116091244.4711@mail.example.com>");
    }

    @Test
    void messageIdWithoutAngleBracketsIsStillTaken() {
        InboundMail mail = decode("""
                From: jane@example.com
                Message-Id: 20180802145828.58E7387959@mail.example.cz

                Hello
                """);

        assertThat(mail.messageId()).contains("20180802145828.58E7387959@mail.example.cz");
    }

    @Test
    void mailWithoutMessageIdIsKeyedByTheHashOfItsBytes() {
        InboundMail mail = decode("""
                From: jane@example.com

                Hello
                """);

        assertThat(mail.messageId()).isEmpty();
        assertThat(mail.messageKey()).isEqualTo("sha256:" + mail.sha256()).hasSize("sha256:".length() + 64);
    }

    @Test
    void inReplyToAndReferencesAreListedOldestFirst() {
        InboundMail mail = decode("""
                From: jane@example.com
                Subject: Re: Re: [Ticket#48215] Calendar
                In-Reply-To: <reply-2@ticketpost.example> (Support's message of Monday)
                References: <first@mail.example.com>
                 <reply-1@ticketpost.example>
                \t<reply-2@ticketpost.example>

                Thanks
                """);

        assertThat(mail.inReplyTo()).containsExactly("reply-2@ticketpost.example");
        assertThat(mail.references())
                .containsExactly("first@mail.example.com", "reply-1@ticketpost.example", "reply-2@ticketpost.example");
    }

    @Test
    void rfc5322DateIsParsedWithItsZone() {
        InboundMail mail = decode("""
                From: jane@example.com
                Date: Mon, 16 Nov 2026 09:12:44 +0100

                Hello
                """);

        assertThat(mail.sentAt()).contains(Instant.parse("2026-11-16T08:12:44Z"));
    }

    @Test
    void obsoleteDateWithoutWeekdayWithZoneNameAndComment() {
        InboundMail mail = decode("""
                From: jane@example.com
                Date: 2 Aug 2018 16:58:28 GMT (Thursday)

                Hello
                """);

        assertThat(mail.sentAt()).contains(Instant.parse("2018-08-02T16:58:28Z"));
    }

    @Test
    void dateWithTwoDigitYearIsInTheLastCentury() {
        InboundMail mail = decode("""
                From: jane@example.com
                Date: Wed, 19 Jun 96 18:12 MET

                Hello
                """);

        assertThat(mail.sentAt()).hasValueSatisfying(date -> assertThat(date.toString()).startsWith("1996-06-19"));
    }

    @Test
    void unreadableDateIsLeftEmpty() {
        InboundMail mail = decode("""
                From: jane@example.com
                Date: sometime last week

                Hello
                """);

        assertThat(mail.sentAt()).isEmpty();
    }

    @Test
    void recipientsAreListedWithTheirNames() {
        InboundMail mail = decode("""
                From: Jane Doe <jane@example.com>
                To: Support <support@ticketpost.example>, ops@example.com
                Cc: "Doe, John" <john@example.com>
                Reply-To: helpdesk@example.com

                Hello
                """);

        assertThat(mail.to()).containsExactly(new EmailAddress("support@ticketpost.example", "Support"),
                EmailAddress.of("ops@example.com"));
        assertThat(mail.cc()).containsExactly(new EmailAddress("john@example.com", "Doe, John"));
        assertThat(mail.replyTo()).containsExactly(EmailAddress.of("helpdesk@example.com"));
    }

    @Test
    void unquotedCommaInTheDisplayNameDoesNotMakeTheSurnameTheSender() {
        InboundMail mail = decode("""
                From: Doe, Jane <jane@example.com>
                Subject: Hello

                Hello
                """);

        assertThat(mail.from().map(EmailAddress::address)).contains("jane@example.com");
    }

    @Test
    void mailboxWithoutDomainIsTheSenderWhenTheFieldNamesNoOther() {
        InboundMail mail = decode("""
                From: MAILER-DAEMON (Mail Delivery System)
                Subject: Undelivered Mail Returned to Sender

                Sorry
                """);

        assertThat(mail.from()).contains(new EmailAddress("mailer-daemon", "Mail Delivery System"));
        assertThat(mail.automatic()).hasValueSatisfying(reason -> assertThat(reason).startsWith("bounce"));
    }

    @Test
    void secondFromFieldIsReadWhenTheFirstNamesNoMailbox() {
        InboundMail mail = decode("""
                From: [??????]
                Subject: Hello
                From: =?utf-8?B?6YO955C5?= <ghg@example.cn>

                Hello
                """);

        assertThat(mail.from()).contains(new EmailAddress("ghg@example.cn", "都琹"));
    }

    @Test
    void fromWithAnEmptyAddressNamesNoSender() {
        InboundMail mail = decode("""
                From: "Sales" <>
                Reply-To: <sales@example.com>
                Subject: Hello

                Hello
                """);

        assertThat(mail.from()).isEmpty();
        assertThat(mail.fromText()).isEqualTo("\"Sales\" <>");
        assertThat(mail.replyTo()).containsExactly(EmailAddress.of("sales@example.com"));
    }

    @Test
    void membersOfAnAddressGroupAreRecipients() {
        InboundMail mail = decode("""
                From: jane@example.com
                To: Support team: anna@example.com, ben@example.com;, undisclosed-recipients:;

                Hello
                """);

        assertThat(mail.to()).extracting(EmailAddress::address).containsExactly("anna@example.com", "ben@example.com");
    }

    @Test
    void aFromThatBreaksTheAddressGrammarNamesNoSenderButIsKeptAsWritten() {
        InboundMail mail = decode("""
                From: Jane Doe <jane@example.com (Example Corp.
                Subject: Hello

                Hello
                """);

        assertThat(mail.from()).isEmpty();
        assertThat(mail.fromText()).isEqualTo("Jane Doe <jane@example.com (Example Corp.");
    }

    @Test
    void nulBytesInTheHeaderAreDroppedAndTheBodyIsKept() {
        InboundMail mail = decode("""
                From: Jane Doe <jane@\u0000example.com>
                Subject: Calendar\u0000 invitations
                \u0000
                Hello
                """);

        assertThat(mail.from()).contains(new EmailAddress("jane@example.com", "Jane Doe"));
        assertThat(mail.subject()).isEqualTo("Calendar invitations");
        assertThat(mail.text()).isEqualTo("Hello\n");
    }

    @Test
    void anEncodedLineBreakInTheSubjectOrANameCannotForgeALineWhereverItIsPrinted() {
        InboundMail mail = decode("""
                From: =?UTF-8?Q?Jane=0D=0ADoe?= <jane@example.com>
                Subject: =?UTF-8?Q?Hello=0D=0ABcc:_evil@attacker.example=00?=

                Hello
                """);

        assertThat(mail.subject()).isEqualTo("Hello  Bcc: evil@attacker.example");
        assertThat(mail.from()).contains(new EmailAddress("jane@example.com", "Jane  Doe"));
    }

    @Test
    void aFromWhoseNameSmugglesALineBreakNamesNoSenderAtAll() {
        InboundMail mail = decode("""
                From: =?UTF-8?Q?Jane=0D=0ABcc:_evil@attacker.example?= <jane@example.com>
                Subject: Hello

                Hello
                """);

        assertThat(mail.from()).isEmpty();
        assertThat(mail.replyAddress(Optional.empty())).isEmpty();
    }

    @Test
    void aFromNamingSeveralMailboxesNamesNoOneSender() {
        InboundMail mail = decode("""
                From: jane@example.com, mallory@attacker.example
                Subject: Hello

                Hello
                """);

        assertThat(mail.from()).isEmpty();
    }
}
