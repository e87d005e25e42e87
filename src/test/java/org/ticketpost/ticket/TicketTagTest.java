package org.ticketpost.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

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

    @Test
    void aSubjectWithoutATagNamesNoTicket() {
        assertThat(tag.find("Ticket " + number.digits() + " again")).isEmpty();
    }

    @Test
    void aFormWithoutTheNumberIsRefused() {
        assertThatThrownBy(() -> new TicketTag("[Ticket#]")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("{number}");
    }
}
