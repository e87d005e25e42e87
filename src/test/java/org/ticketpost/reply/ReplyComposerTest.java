package org.ticketpost.reply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.Set;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.ticketpost.config.Folder;
import org.ticketpost.form.FilledForm;
import org.ticketpost.form.FormCheck;
import org.ticketpost.form.FormReader;
import org.ticketpost.testing.Templates;
import org.ticketpost.ticket.ClockName;
import org.ticketpost.ticket.SenderRule;
import org.ticketpost.ticket.SlaAlert;
import org.ticketpost.ticket.SupportKey;
import org.ticketpost.ticket.Ticket;
import org.ticketpost.ticket.TicketNumber;
import org.ticketpost.ticket.TicketTag;

class ReplyComposerTest {

    private static final Instant NOW = Instant.parse("2026-11-16T08:00:00Z");

    private final ReplyTemplates templates = new ReplyTemplates(Folder.templates(Templates.FOLDER)::read);
    private final ReplyComposer composer = new ReplyComposer(templates, Templates.standard(),
            new Sender("support@ticketpost.example", "Example Support"), new TicketTag("[Ticket#{number}]"),
            Optional.of("+49 30 1234567"));

    private static Ticket ticket(int severity) {
        SupportKey key = new SupportKey("OXSK-1111-2222", "Example Corp", "advanced", List.of(new SenderRule("example.com")), null, NOW);
        return new Ticket(new TicketNumber(10000), "Calendar", "jane@example.com", key, severity, "en",
                Map.of("product", "OXSE", "component", "CLT", "server", "ox.example.com"), NOW);
    }

    private static Correspondence from(String subject, String language) {
        return new Correspondence("jane@example.com", "Jane Doe", subject, Optional.of("req-1@mail.example.com"),
                List.of("older@mail.example.com"), language);
    }

    static Stream<Path> replyTemplates() throws IOException {
        try (Stream<Path> files = Files.list(Templates.FOLDER.resolve("reply"))) {
            return files.sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0} renders")
    @MethodSource("replyTemplates")
    void everyReplyTemplateRendersWithACompleteModel(Path file) {
        String[] name = file.getFileName().toString().split("\\.");
        Map<String, Object> model = new HashMap<>(Map.of("name", "Jane Doe", "subject", "Calendar", "tag", "[Ticket#100009]",
                "number", "100009", "fields", List.of(Map.of("label", "Severity", "value", "2")), "hotline", "+49 30 1234567",
                "problems", List.of("\"Severity\" is missing."), "template", "Severity: 1, 2, 3 or 4"));

        model.put("tickets", List.of(Map.of("tag", "[Ticket#100009]", "subject", "Calendar")));
        model.put("hasTickets", true);
        model.putAll(Map.of("severity", 1, "customer", "Example Corp", "clock", "update", "due", "2026-11-16 10:00 CET",
                "left", "15 min", "percent", 75, "reminder", true, "warning", true, "breach", true));
        model.put("shortened", true);
        model.putAll(Map.of("status", "open", "assignee", "bob", "caller", "Jane Doe", "at", "2026-11-16 09:30 CET",
                "note", "All users are locked out."));
        model.putAll(Map.of("text", "Please restart the calendar service.", "engineer", "jane.doe", "before", 2));
        model.put("respondBy", "Tuesday, 24 November 2026, 10:00 CET");
        model.put("notKept", Map.of("limit", "25 MB", "files", List.of(Map.of("name", "heap.hprof", "size", "1.5 GB"))));

        ReplyTemplates.Text text = templates.render(name[0], name[1], model);

        assertThat(text.subject()).isNotBlank().doesNotContain("{{");
        assertThat(text.body()).isNotBlank().doesNotContain("{{").doesNotContain("}}");
    }

    @Test
    void aPhoneEscalationTellsOnCallWhichTicketWhoCalledAndWhatTheySaid() {
        OutgoingMail mail = composer.phoneEscalation(ticket(1), new PhoneCall("Jane Doe\r\nBcc: x@evil.example", "Locked out.\nAll of us.",
                "jane", NOW), "oncall@ops.example", ZoneId.of("Europe/Berlin"), "en");

        assertThat(mail.kind()).isEqualTo("escalation");
        assertThat(mail.to()).isEqualTo("oncall@ops.example");
        assertThat(mail.subject()).isEqualTo("Escalated by phone: [Ticket#100009] Severity 1, Example Corp: Calendar");
        assertThat(mail.inReplyTo()).isEmpty();
        assertThat(mail.body()).as("a caller's name stays on its line")
                .contains("Jane Doe Bcc: x@evil.example phoned about this ticket at")
                .contains("  Assignee:  nobody yet\n").contains("What the caller said:\nLocked out.\nAll of us.\n");
    }

    @Test
    void aSlotWithoutAValueFailsInsteadOfLeavingAGap() {
        assertThatThrownBy(() -> templates.render("confirmation", "en", Map.of("name", "Jane")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("reply/confirmation.en.txt");
    }

    @Test
    void everyMailToACustomerHasItsTextInEveryLanguageOfTheSupportTemplate() {
        assertThat(Templates.standard().languages().keySet()).containsExactlyInAnyOrder("en", "de");
        assertThat(templates.problems(Templates.standard().languages().keySet())).isEmpty();

        ReplyTemplates withoutGermanAnswer = new ReplyTemplates(name -> name.equals("reply/answer.de.txt") ? Optional.empty()
                : Folder.templates(Templates.FOLDER).read(name));
        assertThat(withoutGermanAnswer.problems(List.of("en", "de"))).containsExactly("reply/answer.de.txt is missing");
    }

    @Test
    void anEngineersAnswerCarriesTheirTextOnTheCustomersThreadInTheTicketsLanguage() {
        OutgoingMail english = composer.answer(ticket(3), from("Re: [Ticket#100009] Calendar broken", "en"),
                "  Please restart the calendar service.\n", "jane.doe");
        OutgoingMail german = composer.answer(ticket(3), from("Kalender", "de"), "Bitte starten Sie den Dienst neu.", "jane.doe");

        assertThat(english.kind()).isEqualTo("answer");
        assertThat(english.to()).isEqualTo("jane@example.com");
        assertThat(english.subject()).isEqualTo("[Ticket#100009] Calendar broken");
        assertThat(english.inReplyTo()).containsExactly("req-1@mail.example.com");
        assertThat(english.references()).containsExactly("older@mail.example.com", "req-1@mail.example.com");
        assertThat(english.body()).startsWith("Please restart the calendar service.\n\njane.doe\nYour support team")
                .doesNotContain("automatically");
        assertThat(german.subject()).isEqualTo("[Ticket#100009] Kalender");
        assertThat(german.body()).contains("jane.doe\nIhr Support-Team").contains("Betreff");
        assertThat(german.language()).isEqualTo("de");
    }

    @Test
    void statusAndSeverityNoticesTellTheCustomerInTheirLanguage() {
        Ticket ticket = ticket(3);

        OutgoingMail waiting = composer.statusNotice("status-waiting", ticket, from("Kalender", "de"));
        OutgoingMail resolved = composer.statusNotice("status-resolved", ticket, from("Calendar", "en"));
        OutgoingMail severity = composer.severityNotice(ticket, 2, from("Calendar", "en"));

        assertThat(waiting.subject()).isEqualTo("[Ticket#100009] Kalender");
        assertThat(waiting.body()).startsWith("Guten Tag Jane Doe,").contains("wir warten auf Ihre Antwort zu Ticket 100009");
        assertThat(waiting.inReplyTo()).containsExactly("req-1@mail.example.com");
        assertThat(resolved.body()).contains("ticket 100009 resolved");
        assertThat(severity.kind()).isEqualTo("severity-changed");
        assertThat(severity.body()).contains("from 2 to\n3");
        assertThatThrownBy(() -> composer.statusNotice("status-open", ticket, from("Calendar", "en")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aConfirmationThreadsOntoTheRequestAndEchoesWhatWasUnderstood() {
        OutgoingMail mail = composer.confirmation(ticket(3), from("Re: Calendar broken", "en"), List.of(), Optional.empty());

        assertThat(mail.kind()).isEqualTo("confirmation");
        assertThat(mail.to()).isEqualTo("jane@example.com");
        assertThat(mail.subject()).isEqualTo("[Ticket#100009] Calendar broken");
        assertThat(mail.inReplyTo()).containsExactly("req-1@mail.example.com");
        assertThat(mail.references()).containsExactly("older@mail.example.com", "req-1@mail.example.com");
        assertThat(mail.messageId()).startsWith("ticketpost.100009.").endsWith("@ticketpost.example");
        assertThat(mail.body()).startsWith("Hello Jane Doe,").contains("Severity: 3").contains("Product: OXSE")
                .contains("Component: CLT").contains("Server: ox.example.com").doesNotContain("hotline");
    }

    @Test
    void severityOneAndTwoAreToldHowToEscalateByPhone() {
        assertThat(composer.confirmation(ticket(1), from("Outage", "en"), List.of(), Optional.empty()).body())
                .contains("hotline at +49 30 1234567");
        assertThat(composer.confirmation(ticket(2), from("Ausfall", "de"), List.of(), Optional.empty()).body())
                .contains("Hotline +49 30 1234567");
    }

    @Test
    void aConfirmationNamesEachAttachmentNotKeptWithItsSizeAndTheLimit() {
        List<AttachmentNotKept> notKept = List.of(new AttachmentNotKept("heap.hprof", 1_610_612_736L, 25L * 1024 * 1024),
                new AttachmentNotKept("trace.pcap", 26_214_401L, 25L * 1024 * 1024));

        String english = composer.confirmation(ticket(3), from("Calendar", "en"), notKept, Optional.empty()).body();
        String german = composer.confirmation(ticket(3), from("Kalender", "de"), notKept, Optional.empty()).body();

        assertThat(english).contains("files of at most\n25 MB each").contains("  heap.hprof (1.5 GB)\n  trace.pcap (25.1 MB)\n");
        assertThat(german).contains("Dateien nur bis\n25 MB annehmen").contains("  heap.hprof (1,5 GB)\n  trace.pcap (25,1 MB)\n");
        assertThat(composer.confirmation(ticket(3), from("Calendar", "en"), List.of(), Optional.empty()).body())
                .doesNotContain("attachments");
    }

    @Test
    void aMistypedNumberIsAnsweredWithTheOwnTicketsAndTheTemplateButNoListOfEmptyFields() {
        FilledForm empty = new FormCheck(Templates.standard()).check(new FormReader(Templates.standard()).read("It still fails."));

        OutgoingMail mail = composer.mistypedNumber("100090", List.of(ticket(3)), empty, from("Re: [Ticket#100090] Calendar", "en"));
        OutgoingMail none = composer.mistypedNumber("100090", List.of(), empty, from("AW: Ticket-Nr. 100090", "de"));

        assertThat(mail.kind()).isEqualTo("mistyped-number");
        assertThat(mail.subject()).isEqualTo("Re: [Ticket#100090] Calendar");
        assertThat(mail.body()).contains("the ticket number 100090 in the subject of your mail is mistyped")
                .contains("These are your open tickets:\n\n  [Ticket#100009] Calendar\n")
                .contains("Support Key: OX-SUPPORT-OR-LICENSE-KEY-XXX").doesNotContain("is missing");
        assertThat(none.body()).contains("Ticketnummer 100090 im Betreff Ihrer Mail enthält einen Tippfehler")
                .contains("Zu Ihrer Adresse finden wir kein offenes Ticket").doesNotContain("Das sind Ihre offenen Tickets");
    }

    @Test
    void aGermanMailIsAnsweredInGerman() {
        OutgoingMail mail = composer.confirmation(ticket(3), from("Kalender", "de"), List.of(), Optional.empty());

        assertThat(mail.body()).startsWith("Guten Tag Jane Doe,").contains("Schweregrad: 3").contains("Produkt: OXSE");
        assertThat(mail.language()).isEqualTo("de");
    }

    @Test
    void aSubjectCannotForgeHeaderFields() {
        OutgoingMail mail = composer.confirmation(ticket(3), from("Calendar\r\nBcc: victim@example.org", "en"), List.of(),
                Optional.empty());

        assertThat(mail.subject()).isEqualTo("[Ticket#100009] Calendar Bcc: victim@example.org").doesNotContain("\n");
    }

    @Test
    void aRejectionCarriesTheTemplateWithWhatWasUnderstood() {
        FilledForm form = new FormCheck(Templates.standard()).check(new FormReader(Templates.standard())
                .read("Server: ox.example.com\nSeverity: 9\nProduct: OXSE\n"));

        OutgoingMail mail = composer.rejection(form, form.problems(), from("Calendar", "en"));

        assertThat(mail.subject()).isEqualTo("Re: Calendar");
        assertThat(mail.body())
                .contains("\"Severity\" is \"9\"")
                .contains("Server: ox.example.com")
                .contains("Product: OXSE")
                .contains("Severity: 9")
                .contains("Support Key: OX-SUPPORT-OR-LICENSE-KEY-XXX")
                .contains("Distribution: one of SLES, RHEL, DEBIAN, UCS");
    }

    @Test
    void theTemplateInARejectionReadsBackAsTheSameRequest() {
        FilledForm form = new FormCheck(Templates.standard()).check(new FormReader(Templates.standard())
                .read("Server: ox.example.com\nProduct: OXSE\nSteps to reproduce:\nOpen it.\nThen close it.\n"));

        String template = composer.prefilledTemplate(form, "de");
        FilledForm again = new FormCheck(Templates.standard()).check(new FormReader(Templates.standard()).read(template));

        assertThat(again.values()).isEqualTo(form.values());
    }

    @Test
    void aRejectionEchoesLongTextsOnlyInPartAndSaysSo() {
        String advertisement = "Cheap watches at https://shop.example/ today only\n".repeat(50);
        FilledForm form = new FormCheck(Templates.standard()).check(new FormReader(Templates.standard())
                .read("Server: ox.example.com\nTrack-ID: " + "T".repeat(500) + "\nSteps to reproduce:\n" + advertisement));
        Correspondence mail = new Correspondence("victim@victim.example", "Buy now ".repeat(30),
                "Re: " + "Cheap watches ".repeat(40), Optional.empty(), List.of(), "en");

        OutgoingMail rejection = composer.rejection(form, form.problems(), mail);

        assertThat(rejection.subject()).hasSize("Re: ".length() + Echo.SUBJECT_LENGTH).endsWith("…");
        assertThat(rejection.body().lines().findFirst().orElseThrow()).hasSize("Hello ".length() + Echo.NAME_LENGTH + 1);
        assertThat(rejection.body())
                .contains("Long values are shortened there: please copy them in full from your mail.")
                .contains("Track-ID: " + "T".repeat(Echo.VALUE_LENGTH - 1) + "…\n")
                .contains("Server: ox.example.com\n");
        assertThat(rejection.body().split("Cheap watches at", -1)).hasSize(Echo.TEXT_LINES + 1);
        assertThat(rejection.body().length()).isLessThan(4000);
    }

    @Test
    void aRejectionOfShortValuesEchoesThemWholeAndSaysNothingOfShortening() {
        FilledForm form = new FormCheck(Templates.standard()).check(new FormReader(Templates.standard())
                .read("Server: ox.example.com\nSteps to reproduce:\nOpen it.\nThen close it.\n"));

        OutgoingMail rejection = composer.rejection(form, form.problems(), from("Calendar", "de"));

        assertThat(rejection.body()).contains("Open it.\nThen close it.").doesNotContain("gekürzt");
    }

    @Test
    void aConfirmationSaysByWhenTheCustomerHearsFromSupportInTheirLanguage() {
        Optional<ZonedDateTime> due = Optional.of(ZonedDateTime.of(2026, 11, 24, 10, 0, 0, 0, ZoneId.of("Europe/Berlin")));

        String english = composer.confirmation(ticket(2), from("Calendar", "en"), List.of(), due).body();
        String german = composer.confirmation(ticket(2), from("Kalender", "de"), List.of(), due).body();

        assertThat(english).contains("get back to you.\n\nWe will respond by Tuesday, 24 November 2026, 10:00 CET.\n\n");
        assertThat(german).contains("melden uns bei Ihnen.\n\nWir antworten bis Dienstag, 24. November 2026, 10:00 MEZ.\n\n");
    }

    @Test
    void theResponseTimeNamesTheZoneAsTheCustomerKnowsItInSummerAndAbroad() {
        ZonedDateTime summer = ZonedDateTime.of(2026, 7, 3, 9, 30, 0, 0, ZoneId.of("Europe/Berlin"));

        assertThat(composer.confirmation(ticket(2), from("Calendar", "en"), List.of(), Optional.of(summer)).body())
                .contains("We will respond by Friday, 3 July 2026, 09:30 CEST.");
        assertThat(composer.confirmation(ticket(2), from("Kalender", "de"), List.of(), Optional.of(summer)).body())
                .contains("Wir antworten bis Freitag, 3. Juli 2026, 09:30 MESZ.");
        assertThat(composer.confirmation(ticket(2), from("Calendar", "en"), List.of(),
                Optional.of(summer.withZoneSameInstant(ZoneId.of("America/New_York")))).body())
                .contains("We will respond by Friday, 3 July 2026, 03:30 EDT.");
    }

    @Test
    void withoutAFirstResponseTargetTheConfirmationNamesNoTime() {
        String english = composer.confirmation(ticket(4), from("Calendar", "en"), List.of(), Optional.empty()).body();
        String german = composer.confirmation(ticket(4), from("Kalender", "de"), List.of(), Optional.empty()).body();

        assertThat(english).contains("get back to you.\n\nThis is what").doesNotContain("respond by");
        assertThat(german).contains("melden uns bei Ihnen.\n\nDas haben wir").doesNotContain("antworten bis");
    }

    @Test
    void anSlaAlertIsWrittenInTheOnCallEngineersLanguage() {
        SlaAlert warning = new SlaAlert(ClockName.FIRST_RESPONSE, false, Instant.parse("2026-11-16T09:00:00Z"),
                Duration.ofMinutes(15), 75);
        SlaAlert breach = new SlaAlert(ClockName.RESOLUTION, true, Instant.parse("2026-11-16T09:00:00Z"),
                Duration.ofMinutes(-5), 100);
        ZoneId berlin = ZoneId.of("Europe/Berlin");

        OutgoingMail german = composer.slaAlert(ticket(3), warning, "oncall@ops.example", berlin, "de");
        OutgoingMail breached = composer.slaAlert(ticket(3), breach, "oncall@ops.example", berlin, "de");
        OutgoingMail english = composer.slaAlert(ticket(3), warning, "oncall@ops.example", berlin, "en");

        assertThat(german.subject())
                .isEqualTo("SLA-Warnung: Erstreaktion zu [Ticket#100009] Schweregrad 3, Example Corp: Calendar");
        assertThat(german.body())
                .startsWith("Die Frist für die Erstreaktion dieses Tickets läuft bis 2026-11-16 10:00 MEZ, noch 15 min"
                        + " (75 % ihrer Zeit verbraucht).\n\n")
                .contains("  Kunde:        Example Corp\n").contains("  Fällig:       2026-11-16 10:00 MEZ");
        assertThat(german.language()).isEqualTo("de");
        assertThat(breached.subject()).startsWith("SLA verletzt: Lösung zu [Ticket#100009]");
        assertThat(breached.body())
                .startsWith("Die Frist für die Lösung dieses Tickets lief bis 2026-11-16 10:00 MEZ und ist überschritten.");
        assertThat(english.subject())
                .isEqualTo("SLA warning: first response of [Ticket#100009] Severity 3, Example Corp: Calendar");
        assertThat(english.body()).contains("due by 2026-11-16 10:00 CET, in 15 min");
    }

    @Test
    void theShippedRepliesHaveATextInEachLanguageOfTheTemplate() {
        assertThat(templates.problems(Templates.standard().labelLanguages())).isEmpty();
    }

    @Test
    void aReplyWithoutATextInALanguageOrWithABrokenTextIsNamedBeforeAnyMailNeedsIt() {
        Folder folder = Folder.templates(Templates.FOLDER);
        ReplyTemplates withoutGermanAlert = new ReplyTemplates(name -> name.equals("reply/sla-alert.de.txt") ? Optional.empty()
                : name.equals("reply/rejection.en.txt") ? Optional.of("Subject: {{#problems}}unclosed") : folder.read(name));

        assertThat(withoutGermanAlert.problems(Set.of("en", "de")))
                .containsExactlyInAnyOrder("reply/sla-alert.de.txt is missing",
                        "reply/rejection.en.txt: Section missing close tag 'problems' @ line 1");
    }
}
