package org.ticketpost.intake;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EmailAddressTest {

    @Test
    void aTaggedAddressWithoutItsTagIsItsMailbox() {
        assertThat(EmailAddress.of("Victim+1@Victim.example").withoutTag()).isEqualTo("victim@victim.example");
        assertThat(EmailAddress.of("victim+a+b@victim.example").withoutTag()).isEqualTo("victim@victim.example");
    }

    @Test
    void anAddressWithoutTagIsLeftAsItIs() {
        assertThat(EmailAddress.of("jane@example.com").withoutTag()).isEqualTo("jane@example.com");
        assertThat(EmailAddress.of("+1@example.com").withoutTag()).isEqualTo("+1@example.com");
        assertThat(EmailAddress.of("\"jane+1\"@example.com").withoutTag()).isEqualTo("\"jane+1\"@example.com");
        assertThat(EmailAddress.of("root+1").withoutTag()).isEqualTo("root+1");
    }
}
