package org.ticketpost.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TicketTagTest {

    private final TicketTag tag = new TicketTag("[Ticket#{number}]");
    private final TicketNumber number = new TicketNumber(10000);

    @Test
    void writesTheNumberIntoTheConfiguredForm() {
        assertThat(tag.of(number)).isEqualTo("[Ticket#" + number.digits() + "]");
        assertThat(new TicketTag("(Case {number})").of(number)).isEqualTo("(Case " + number.digits() + ")");
    }

    @Test
    void findsTheTagAnywhereInASubjectWhateverItsCase() {
        assertThat(tag.find("Re: AW: [Ticket#" + number.digits() + "] Calendar")).contains(number);
        assertThat(tag.find("re: [TICKET# " + number.digits() + " ] calendar")).contains(number);
    }

    @Test
    void aTagWithAWrongCheckDigitNamesNoTicketButALaterValidOneDoes() {
        String wrong = number.digits().substring(0, 5) + ((number.digits().charAt(5) - '0' + 1) % 10);

        assertThat(tag.find("Re: [Ticket#" + wrong + "] Calendar")).isEmpty();
        assertThat(tag.find("[Ticket#" + wrong + "] [Ticket#" + number.digits() + "]")).contains(number);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"[Ticket #100009]", "Ticket#100009 again", "AW: ticket # 100009", "Ticket-Nr. 100009",
            "Ticket Nr. 100009", "Ticket-Nr.:100009", "Ticket Nr: 100009", "Ticketnummer 100009", "TICKETNUMMER: 100009",
            "Ticket-Nummer 100009", "Ticket No. 100009", "Ticket number 100009", "Frage zu Ticketnummer 100009, bitte"})
    void findsTheFormsCustomersTypeByHand(String subject) {
        assertThat(tag.find(subject)).contains(number);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"Ticket 100009 again", "Re: 100009", "Order #100009", "Rechnung Nr. 100009", "MyTicket#100009",
            "Tickets#100009", "Ticket#A100009", "Ticket#2100009"})
    void aNumberWithoutATicketMarkerBeforeItNamesNoTicket(String subject) {
        assertThat(tag.find(subject)).isEmpty();
        assertThat(tag.mistyped(subject)).as("a bare or other number is not taken for a mistyped ticket number")
                .isNotEqualTo(java.util.Optional.of("100009"));
    }

    @Test
    void theConfiguredFormIsReadWithOrWithoutItsBracketsWhenAWordMarksTheNumber() {
        TicketTag acme = new TicketTag("[ACME-{number}]");
        TicketTag bracketsOnly = new TicketTag("[{number}]");

        assertThat(acme.find("Re: [ACME-100009] Mail")).contains(number);
        assertThat(acme.find("Re: acme - 100009")).contains(number);
        assertThat(acme.find("Re: ACME-100009")).contains(number);
        assertThat(bracketsOnly.find("Re: [100009] Mail")).contains(number);
        assertThat(bracketsOnly.find("Re: 100009 Mail")).isEmpty();
        assertThat(new TicketTag("(Case {number})").find("Case 100009")).contains(number);
    }

    @Test
    void aTagWhoseCheckDigitFailsIsMistypedUnlessAnotherTagNamesATicket() {
        assertThat(tag.mistyped("Re: [Ticket#100090] Calendar")).contains("100090");
        assertThat(tag.mistyped("Re: Ticket-Nr. 100008")).contains("100008");
        assertThat(tag.mistyped("Re: [Ticket#100090] [Ticket#100009]")).isEmpty();
        assertThat(tag.mistyped("Re: [Ticket#100009]")).isEmpty();
        assertThat(tag.mistyped("Re: 100090 Calendar")).isEmpty();
        assertThat(tag.mistyped("Re: Calendar")).isEmpty();
    }

    @Test
    void aLongSubjectIsReadInTimeProportionalToItsLength() {
        // a subject may be megabytes long; runs of spaces after "ticket" make a backtracking pattern take minutes
        List<String> subjects = List.of("ticket" + " ".repeat(200_000) + "x", ("[Ticket - " + " ".repeat(50)).repeat(3_000),
                "Ticket-Nr.".repeat(20_000), "[Ticket#1".repeat(20_000));

        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> subjects.forEach(subject -> {
            assertThat(tag.find(subject)).isEmpty();
            tag.mistyped(subject);
        }));
    }

    @Test
    void aFormWithoutTheNumberIsRefused() {
        assertThatThrownBy(() -> new TicketTag("[Ticket#]")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("{number}");
    }
}
