package org.ticketpost.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class KeyDataTest {

    private static final Pattern FORMAT = Pattern.compile("[A-Z0-9]{2,}(-[A-Z0-9]{2,}){1,7}");
    private static final List<String> PLANS = List.of("standard", "advanced", "premium");

    @Test
    void readsAKeyAsTyped() {
        KeyData.Reading reading = KeyData.read(" oxsk-1111-2222 ", " Example Corp ", "advanced",
                List.of("@Example.com", "jane@partner.example"), "2027-12-31", FORMAT, PLANS);

        assertThat(reading.problems()).isEmpty();
        assertThat(reading.data()).get().satisfies(data -> {
            assertThat(data.key()).isEqualTo("OXSK-1111-2222");
            assertThat(data.customer()).isEqualTo("Example Corp");
            assertThat(data.senders()).extracting(SenderRule::rule).containsExactly("example.com", "jane@partner.example");
            assertThat(data.validUntil()).contains(LocalDate.parse("2027-12-31"));
        });
    }

    @Test
    void reportsEveryMistakeAtOnce() {
        KeyData.Reading reading = KeyData.read("my key", "", "gold", List.of("nobody"), "31.12.2027", FORMAT, PLANS);

        assertThat(reading.data()).isEmpty();
        assertThat(reading.problems()).containsExactly(
                "key 'my key' does not have the form of a support key (" + FORMAT.pattern() + ")",
                "customer is missing",
                "plan 'gold' is not one of standard, advanced, premium",
                "'nobody' is neither an address nor a domain",
                "valid-until '31.12.2027' is not a date such as 2027-12-31");
    }

    @Test
    void aKeyNeedsSomeoneWhoMayUseIt() {
        assertThat(KeyData.read("OXSK-1111-2222", "Example", "advanced", List.of(), null, FORMAT, PLANS).problems())
                .containsExactly("no allowed sender: give at least one address or domain");
    }

    @Test
    void aCustomerNameLongerThanTheRegistryKeepsIsRefused() {
        assertThat(KeyData.read("OXSK-1111-2222", "x".repeat(201), "advanced", List.of("example.com"), null, FORMAT, PLANS)
                .problems()).containsExactly("customer is longer than 200 characters");
    }

    @Test
    void aSenderGivenTwiceIsKeptOnceAndAnAddressLongerThanMailAllowsIsRefused() {
        String tooLong = "a".repeat(250) + "@example.com";

        assertThat(KeyData.read("OXSK-1111-2222", "Example", "advanced", List.of("example.com", "Example.com"), null, FORMAT,
                PLANS).data()).get().extracting(KeyData::senders).asList().hasSize(1);
        assertThat(KeyData.read("OXSK-1111-2222", "Example", "advanced", List.of(tooLong), null, FORMAT, PLANS).problems())
                .containsExactly("'" + tooLong + "' is neither an address nor a domain");
    }
}
