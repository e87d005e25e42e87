package org.ticketpost.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ticketpost.mail.Mails.decode;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.ticketpost.intake.InboundMail;

/** Mail a machine sent is recorded but never answered automatically, so that auto-responders cannot loop. */
class AutomaticMailTest {

    @Test
    void plainMailFromAPersonIsNotAutomatic() {
        InboundMail mail = Mails.load("html-only.eml");

        assertThat(mail.automatic()).isEmpty();
        assertThat(mail.isAutomatic()).isFalse();
    }

    @ParameterizedTest(name = "Auto-Submitted: {0}")
    @ValueSource(strings = {"auto-replied", "auto-generated", "Auto-Replied", "auto-notified; owner-email=\"x@example.com\""})
    void autoSubmittedOtherThanNoIsAutomatic(String value) {
        InboundMail mail = decode("From: jane@example.com\nAuto-Submitted: " + value + "\nSubject: Hello\n\nHello\n");

        assertThat(mail.automatic()).hasValueSatisfying(reason -> assertThat(reason).startsWith("Auto-Submitted: auto-"));
    }

    @ParameterizedTest(name = "Auto-Submitted: {0}")
    @ValueSource(strings = {"no", "No", "no (a person wrote this)"})
    void autoSubmittedNoIsNotAutomatic(String value) {
        InboundMail mail = decode("From: jane@example.com\nAuto-Submitted: " + value + "\nSubject: Hello\n\nHello\n");

        assertThat(mail.automatic()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"X-Autoreply: yes", "X-Autorespond: Out of office", "X-AutoReply-From: jane@example.com"})
    void autoReplyFieldOfOlderMailProgramsIsAutomatic(String field) {
        InboundMail mail = decode("From: jane@example.com\n" + field + "\nSubject: Hello\n\nHello\n");

        assertThat(mail.automatic()).hasValueSatisfying(reason -> assertThat(reason).startsWith("auto-reply"));
    }

    @ParameterizedTest(name = "Precedence: {0}")
    @ValueSource(strings = {"bulk", "junk", "list", "Bulk"})
    void bulkJunkAndListPrecedenceIsAutomatic(String value) {
        InboundMail mail = decode("From: news@example.com\nPrecedence: " + value + "\nSubject: News\n\nNews\n");

        assertThat(mail.automatic()).contains("Precedence: " + value.toLowerCase(Locale.ROOT));
    }

    @Test
    void otherPrecedenceIsNotAutomatic() {
        InboundMail mail = decode("From: jane@example.com\nPrecedence: first-class\nSubject: Hello\n\nHello\n");

        assertThat(mail.automatic()).isEmpty();
    }

    @Test
    void deliveryStatusNotificationIsAutomatic() {
        InboundMail mail = Mails.load("delivery-status.eml");

        assertThat(mail.automatic()).contains("delivery or read report (multipart/report)");
    }

    @ParameterizedTest(name = "From: {0}")
    @ValueSource(strings = {"MAILER-DAEMON@mx.example.com", "postmaster@example.com", "Mail Delivery System <Mailer-Daemon@mx.example.com>"})
    void mailFromMailerDaemonOrPostmasterIsABounce(String from) {
        InboundMail mail = decode("From: " + from + "\nSubject: Your message\n\nSorry\n");

        assertThat(mail.automatic()).hasValueSatisfying(reason -> assertThat(reason).startsWith("bounce (from"));
    }

    @Test
    void senderWhoseNameMerelyContainsPostmasterIsAPerson() {
        InboundMail mail = decode("From: postmaster.jane@example.com\nSubject: Hello\n\nHello\n");

        assertThat(mail.automatic()).isEmpty();
    }

    @Test
    void emptyReturnPathIsABounce() {
        InboundMail mail = decode("Return-Path: <>\nFrom: robot@example.com\nSubject: Notice\n\nNotice\n");

        assertThat(mail.automatic()).contains("bounce (empty Return-Path)");
    }

    @Test
    void returnPathOfAPersonIsNotAutomatic() {
        InboundMail mail = decode("Return-Path: <jane@example.com>\nFrom: jane@example.com\nSubject: Hello\n\nHello\n");

        assertThat(mail.automatic()).isEmpty();
    }

    @Test
    void failedRecipientsFieldIsABounce() {
        InboundMail mail = decode("From: mail@example.com\nX-Failed-Recipients: jane@example.org\nSubject: Notice\n\nx\n");

        assertThat(mail.automatic()).contains("bounce (X-Failed-Recipients)");
    }

    @ParameterizedTest(name = "Subject: {0}")
    @ValueSource(strings = {"Out of Office: Calendar", "Automatic reply: Calendar", "Abwesenheitsnotiz: Kalender",
            "Undelivered Mail Returned to Sender",
            "Unzustellbar: Kalender", "Mail delivery failed: returning message to sender"})
    void autoReplySubjectWithoutAnyFieldIsAutomatic(String subject) {
        InboundMail mail = decode("From: jane@example.com\nSubject: " + subject + "\n\nx\n");

        assertThat(mail.automatic()).contains("auto-reply or bounce (subject)");
    }

    @ParameterizedTest(name = "Subject: {0}")
    @ValueSource(strings = {"Undeliverable mail after the update", "Mail delivery failed for some users",
            "Returned mail is not shown", "Out of office replies are not sent", "Automatic reply not working"})
    void aPersonWritingAboutBouncesOrAutoRepliesIsNotAutomatic(String subject) {
        InboundMail mail = decode("From: jane@example.com\nSubject: " + subject + "\n\nSupport Key: OXSK-1\n");

        assertThat(mail.automatic()).isEmpty();
    }

    @Test
    void replyToAnAutoReplyWrittenByAPersonIsNotAutomatic() {
        InboundMail mail = decode("From: jane@example.com\nSubject: Re: Out of Office: Calendar\n\nWhen are you back?\n");

        assertThat(mail.automatic()).isEmpty();
    }

    @Test
    void aLongAutoSubmittedValueIsQuotedShortInTheReason() {
        InboundMail mail = decode("From: jane@example.com\nAuto-Submitted: auto-" + "x".repeat(5000) + "\nSubject: Hi\n\nx\n");

        assertThat(mail.automatic()).hasValueSatisfying(reason -> assertThat(reason).hasSizeLessThan(80).endsWith("…"));
    }
}
