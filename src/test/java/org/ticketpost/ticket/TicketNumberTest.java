package org.ticketpost.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TicketNumberTest {

    @Test
    void aNumberIsItsSequenceFollowedByTheDammCheckDigit() {
        assertThat(new TicketNumber(572).digits()).isEqualTo("5724");   // the textbook example of the Damm algorithm
        assertThat(new TicketNumber(10000).digits()).hasSize(6);
    }

    @Test
    void readsBackWhatItWrites() {
        for (long sequence = 10_000; sequence < 12_000; sequence++) {
            TicketNumber number = new TicketNumber(sequence);

            assertThat(TicketNumber.parse(number.digits())).contains(number);
        }
    }

    @Test
    void everySingleWrongDigitIsDetected() {
        for (long sequence = 10_000; sequence < 11_000; sequence++) {
            String digits = new TicketNumber(sequence).digits();
            for (int position = 0; position < digits.length(); position++) {
                for (char digit = '0'; digit <= '9'; digit++) {
                    if (digit != digits.charAt(position)) {
                        String typo = digits.substring(0, position) + digit + digits.substring(position + 1);
                        assertThat(TicketNumber.parse(typo)).as(typo).isEmpty();
                    }
                }
            }
        }
    }

    @Test
    void everySwapOfNeighbouringDigitsIsDetected() {
        for (long sequence = 10_000; sequence < 20_000; sequence++) {
            String digits = new TicketNumber(sequence).digits();
            for (int position = 0; position + 1 < digits.length(); position++) {
                if (digits.charAt(position) != digits.charAt(position + 1)) {
                    String swapped = digits.substring(0, position) + digits.charAt(position + 1) + digits.charAt(position)
                            + digits.substring(position + 2);
                    assertThat(TicketNumber.parse(swapped)).as(swapped).isEmpty();
                }
            }
        }
    }

    @Test
    void acceptsTheNumberAsItIsReadOutOnThePhone() {
        TicketNumber number = new TicketNumber(10000);
        String digits = number.digits();

        assertThat(TicketNumber.parse(digits.substring(0, 3) + " " + digits.substring(3))).contains(number);
        assertThat(TicketNumber.parse(digits.substring(0, 3) + "-" + digits.substring(3))).contains(number);
        assertThat(TicketNumber.parse(" " + digits + " ")).contains(number);
    }

    @Test
    void textThatIsNoNumberIsNoTicket() {
        assertThat(TicketNumber.parse("")).isEmpty();
        assertThat(TicketNumber.parse("abc")).isEmpty();
        assertThat(TicketNumber.parse("0")).isEmpty();
        assertThat(TicketNumber.parse("00")).isEmpty();
        assertThat(TicketNumber.parse("1".repeat(40))).isEmpty();
    }

    @Test
    void aSequenceIsPositive() {
        assertThatThrownBy(() -> new TicketNumber(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
