package org.ticketpost.form;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.ticketpost.testing.Templates;

class FormReaderTest {

    private final FormReader reader = new FormReader(Templates.standard());

    @Test
    void readsOneFieldPerLine() {
        RawForm form = reader.read("""
                Hello,

                Support Key: OXSK-7Q4M-2KD9
                Server: ox.example.com
                Severity: 2
                Product: OXAPPSUITE
                """);

        assertThat(form.values())
                .containsEntry("supportKey", "OXSK-7Q4M-2KD9")
                .containsEntry("server", "ox.example.com")
                .containsEntry("severity", "2")
                .containsEntry("product", "OXAPPSUITE");
    }

    @Test
    void readsATemplateRunTogetherOnOneLine() {
        RawForm form = reader.read("Support Key: OXSK-93HD-KQ27 Server: mail.beispiel.de Server Version: 7.10.6 "
                + "Distribution: SLES Module: mail Severity: 1 Track-ID: INC-1 Product: OXSE Component: Groupware Server "
                + "Steps to reproduce: Send a mail. Current behaviour: It stays in the outbox. Expected behaviour: It is sent.");

        assertThat(form.values())
                .containsEntry("supportKey", "OXSK-93HD-KQ27")
                .containsEntry("server", "mail.beispiel.de")
                .containsEntry("serverVersion", "7.10.6")
                .containsEntry("distribution", "SLES")
                .containsEntry("module", "mail")
                .containsEntry("severity", "1")
                .containsEntry("trackId", "INC-1")
                .containsEntry("product", "OXSE")
                .containsEntry("component", "Groupware Server")
                .containsEntry("stepsToReproduce", "Send a mail.")
                .containsEntry("currentBehaviour", "It stays in the outbox.")
                .containsEntry("expectedBehaviour", "It is sent.");
    }

    @Test
    void aRunTogetherTemplateEndsWithItsParagraph() {
        RawForm form = reader.read("""
                Severity: 3 Steps to reproduce: Open it. Current behaviour: Empty. Expected behaviour: Full.
                Die Severity (Schwere) einer Anfrage beschreibt den Einfluss einer Störung.
                """);

        assertThat(form.values()).containsEntry("expectedBehaviour", "Full.");
    }

    @Test
    void matchesLabelsWhateverTheirCaseAndSpacing() {
        RawForm form = reader.read("""
                SUPPORT-KEY :  OXSK-1111-2222
                server url:ox.example.com
                  track id: BZ-17
                """);

        assertThat(form.values())
                .containsEntry("supportKey", "OXSK-1111-2222")
                .containsEntry("server", "ox.example.com")
                .containsEntry("trackId", "BZ-17");
    }

    @Test
    void matchesGermanLabelsAndAliases() {
        RawForm form = reader.read("""
                Lizenz Key: OXSK-1111-2222
                Schweregrad: Hoch
                Produkt: OXSE
                Komponente: CLT
                Modul: calendar
                Schritte zur Reproduktion: Kalender öffnen.
                Aktuelles Verhalten: Fehler.
                Erwartetes Verhalten: Kein Fehler.
                """);

        assertThat(form.values())
                .containsEntry("supportKey", "OXSK-1111-2222")
                .containsEntry("severity", "Hoch")
                .containsEntry("product", "OXSE")
                .containsEntry("component", "CLT")
                .containsEntry("module", "calendar")
                .containsEntry("stepsToReproduce", "Kalender öffnen.")
                .containsEntry("currentBehaviour", "Fehler.")
                .containsEntry("expectedBehaviour", "Kein Fehler.");
    }

    @Test
    void acceptsAmericanAndBritishSpelling() {
        RawForm american = reader.read("Current behavior: slow\nExpected behavior: fast\n");
        RawForm british = reader.read("Current behaviour: slow\nExpected behaviour: fast\n");

        assertThat(american.values()).isEqualTo(british.values())
                .containsEntry("currentBehaviour", "slow")
                .containsEntry("expectedBehaviour", "fast");
    }

    @Test
    void keepsEveryLineOfAMultiLineValue() {
        RawForm form = reader.read("""
                Server Version:
                open-xchange-core 8.21.0-1
                open-xchange-imap 8.21.0-1

                Distribution: DEBIAN
                Steps to reproduce:
                1. Log in
                2. Open the calendar

                Current behaviour: nothing
                """);

        assertThat(form.values())
                .containsEntry("serverVersion", "open-xchange-core 8.21.0-1\nopen-xchange-imap 8.21.0-1")
                .containsEntry("stepsToReproduce", "1. Log in\n2. Open the calendar");
    }

    @Test
    void takesASingleLineValueFromTheNextLineWhenTheLabelStandsAlone() {
        RawForm form = reader.read("""
                Severity:
                2
                Product
                OXSE
                """);

        assertThat(form.values()).containsEntry("severity", "2").containsEntry("product", "OXSE");
    }

    @Test
    void leavesQuotedRepliesAndSignaturesOut() {
        RawForm form = reader.read("""
                Severity: 2

                --\s
                Jane Doe, Example Corp.
                Product: OXSE
                """);
        RawForm quoted = reader.read("""
                Severity: 2

                On Mon, 16 Nov 2026 at 09:12, Support <support@example.com> wrote:
                > Product: OXSE
                > Component: CLT
                """);

        assertThat(form.values()).containsOnlyKeys("severity");
        assertThat(quoted.values()).containsOnlyKeys("severity");
    }

    @Test
    void aLineOfDashesInAPastedLogDoesNotHideTheFieldsAfterIt() {
        RawForm form = reader.read("""
                Severity: 2
                Current behaviour:
                Log output:
                --
                ERROR x
                --
                Expected behaviour: it works
                """);

        assertThat(form.values()).containsEntry("expectedBehaviour", "it works");
        assertThat(form.values().get("currentBehaviour")).contains("ERROR x");
    }

    @Test
    void aLogOfManyDashedLinesIsReadInOnePass() {
        String log = "--\nERROR x\n".repeat(100_000);

        RawForm form = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> reader.read("Severity: 2\nCurrent behaviour:\n" + log + "Expected behaviour: it works\n"));

        assertThat(form.values()).containsEntry("expectedBehaviour", "it works");
    }

    @Test
    void headersPastedIntoAFieldDoNotHideTheFieldsAfterThem() {
        RawForm form = reader.read("""
                Severity: 2
                Steps to reproduce:
                Send a mail with these headers

                From: anton@example.com
                Date: today
                Subject: x

                Current behaviour: it bounces
                Expected behaviour: it arrives
                """);

        assertThat(form.values()).containsEntry("currentBehaviour", "it bounces").containsEntry("expectedBehaviour", "it arrives");
        assertThat(form.values().get("stepsToReproduce")).contains("From: anton@example.com");
    }

    @Test
    void aSentenceAboutWhatSomeoneWroteIsNotAQuoteHeader() {
        RawForm form = reader.read("""
                Hallo,

                am 16.11. schrieb uns ein Kunde:
                "Ich kann keine Mails mehr öffnen."

                Schweregrad: 2
                Produkt: OXAPPSUITE
                """);

        assertThat(form.values()).containsEntry("severity", "2").containsEntry("product", "OXAPPSUITE");
    }

    @Test
    void anOutlookQuoteOfATemplateTheCustomerAlreadyFilledInStaysOut() {
        RawForm form = reader.read("""
                Severity: 1
                Product: OXAPPSUITE

                From: Support <support@example.com>
                Sent: Monday, 16 November 2026 09:12
                Subject: Re: Calendar

                Severity: <1-4>
                Product: OXSE
                """);

        assertThat(form.values()).containsOnly(
                java.util.Map.entry("severity", "1"), java.util.Map.entry("product", "OXAPPSUITE"));
    }

    @Test
    void doesNotTakeALabelInsideADescription() {
        RawForm form = reader.read("""
                Steps to reproduce:
                1. Open the mail module: nothing happens
                2. The server: it logs an error
                """);

        assertThat(form.values()).containsOnlyKeys("stepsToReproduce");
        assertThat(form.values().get("stepsToReproduce")).contains("mail module: nothing happens");
    }

    @Test
    void prefersTheLabelAtTheStartOfALineToOneInAGreeting() {
        RawForm form = reader.read("""
                Hi, our server: ox1 crashed again, severity: very high.

                Server: ox1.example.com
                Severity: 1
                """);

        assertThat(form.values()).containsEntry("server", "ox1.example.com").containsEntry("severity", "1");
    }

    @Test
    void endsTheLastFieldAtTheClosingGreeting() {
        RawForm form = reader.read("""
                Expected behaviour:
                The invitation arrives.

                Best regards,
                Jane
                """);

        assertThat(form.values()).containsEntry("expectedBehaviour", "The invitation arrives.");
    }

    @Test
    void tellsGermanFromTheTextEvenWithEnglishLabels() {
        RawForm form = reader.read("""
                Hallo, leider funktioniert der Kalender nicht mehr, bitte helfen Sie uns.
                Severity: 2
                Steps to reproduce: Den Kalender öffnen und einen Termin anlegen.
                """);

        assertThat(form.language()).isEqualTo("de");
    }

    @Test
    void tellsEnglishFromTheText() {
        RawForm form = reader.read("Hello, the calendar does not work since the update. Please help.\nSeverity: 2\n");

        assertThat(form.language()).isEqualTo("en");
    }

    @Test
    void takesEnglishWhenTheTextSaysNothing() {
        assertThat(reader.read("").language()).isEqualTo("en");
        assertThat(reader.read("Severity: 2").language()).isEqualTo("en");
    }

    @Test
    void germanLabelsTipTheBalanceWhenTheWordsDoNot() {
        RawForm form = reader.read("Schweregrad: 2\nProdukt: OXSE\nKomponente: CLT\n");

        assertThat(form.language()).isEqualTo("de");
    }

    @Test
    void aFewGermanWordsOutweighEveryLabelCopiedFromTheEnglishTemplate() {
        RawForm form = reader.read("""
                Hallo, keine Einladungen mehr.
                Module: calendar
                Severity: 2
                Product: OXAPPSUITE
                Component: Groupware Server
                Steps to reproduce: Termin anlegen.
                Current behaviour: Nichts.
                Expected behaviour: Einladung kommt an.
                Viele Grüße
                """);

        assertThat(form.language()).isEqualTo("de");
    }

    @Test
    void aFewEnglishWordsOutweighEveryLabelCopiedFromTheGermanTemplate() {
        RawForm form = reader.read("""
                Hi, no invitations arrive.
                Modul: calendar
                Schweregrad: 2
                Produkt: OXAPPSUITE
                Komponente: Groupware Server
                Schritte zur Reproduktion: Invite a colleague.
                Aktuelles Verhalten: Nothing.
                Erwartetes Verhalten: Invitation arrives.
                Thanks
                """);

        assertThat(form.language()).isEqualTo("en");
    }
}
