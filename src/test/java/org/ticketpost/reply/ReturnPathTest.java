package org.ticketpost.reply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReturnPathTest {

    @Test
    void bouncesOfSupportGoToAnAddressOfEachMailsOwnBesideIt() {
        ReturnPath returnPath = ReturnPath.derivedFrom("Support@Example.com");

        String address = returnPath.newAddress();

        assertThat(returnPath.format()).isEqualTo("support+bounce-{token}@example.com");
        assertThat(address).matches("support\\+bounce-[a-z2-7]{16}@example\\.com");
        assertThat(returnPath.namesOneMail(address)).isTrue();
        assertThat(returnPath.namesOneMail(address.toUpperCase())).as("mail servers may change the case").isTrue();
    }

    @Test
    void noTwoMailsGetTheSameAddress() {
        ReturnPath returnPath = ReturnPath.derivedFrom("support@example.com");
        Set<String> addresses = new HashSet<>();

        for (int i = 0; i < 10_000; i++) {
            addresses.add(returnPath.newAddress());
        }

        assertThat(addresses).hasSize(10_000);
    }

    @Test
    void onlyAnAddressOfTheFormatWithAWholeTokenNamesAMail() {
        ReturnPath returnPath = ReturnPath.of("bounces-{token}@bounces.example.com");

        assertThat(returnPath.namesOneMail("bounces-abcdefghijklmnop@bounces.example.com")).isTrue();
        assertThat(returnPath.namesOneMail("bounces-abcdefghijklmno@bounces.example.com")).as("a token too short").isFalse();
        assertThat(returnPath.namesOneMail("bounces-abcdefghijklmnop1@bounces.example.com")).as("a digit not in the alphabet")
                .isFalse();
        assertThat(returnPath.namesOneMail("bounces-abcdefghijklmnop@example.com")).isFalse();
        assertThat(returnPath.namesOneMail("support@bounces.example.com")).isFalse();
    }

    @Test
    void withoutATokenEveryMailHasTheOneAddressAndNoneIsNamedByIt() {
        ReturnPath shared = ReturnPath.of("support@example.com");

        assertThat(shared.newAddress()).isEqualTo("support@example.com");
        assertThat(shared.isPerMail()).isFalse();
        assertThat(shared.namesOneMail("support@example.com")).isFalse();
    }

    @Test
    void aFormatThatMakesNoAddressIsRefusedSayingWhy() {
        assertThatThrownBy(() -> ReturnPath.of("bounces")).hasMessageContaining("must be an e-mail address");
        assertThatThrownBy(() -> ReturnPath.of("b+{token}@x.example, c@x.example")).hasMessageContaining("e-mail address");
        assertThatThrownBy(() -> ReturnPath.of("b+{token}-{token}@x.example")).hasMessageContaining("once, before the @");
        assertThatThrownBy(() -> ReturnPath.of("bounces@{token}.example")).hasMessageContaining("once, before the @");
        assertThatThrownBy(() -> ReturnPath.of("a".repeat(48) + "+{token}@x.example")).hasMessageContaining("at most 64");
    }
}
