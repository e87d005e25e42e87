package org.ticketpost.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class SupportKeyTest {

    private static final Instant NOW = Instant.parse("2026-11-16T08:00:00Z");

    private static SupportKey key(LocalDate validUntil, String... allow) {
        return new SupportKey("OXSK-1111-2222", "Example Corp", "advanced",
                List.of(allow).stream().map(rule -> SenderRule.parse(rule).orElseThrow()).toList(), validUntil, NOW);
    }

    @Test
    void anAddressRuleAllowsThatAddressOnly() {
        SupportKey key = key(null, "jane@example.com");

        assertThat(key.allows("Jane@Example.com")).isTrue();
        assertThat(key.allows("john@example.com")).isFalse();
    }

    @Test
    void aDomainRuleAllowsThatDomainButNotItsSubdomains() {
        SupportKey key = key(null, "@example.com");

        assertThat(key.allows("john@example.com")).isTrue();
        assertThat(key.allows("john@eu.example.com")).isFalse();
        assertThat(key.allows("john@notexample.com")).isFalse();
    }

    @Test
    void aWildcardRuleAllowsTheDomainAndItsSubdomains() {
        SupportKey key = key(null, "*.example.com");

        assertThat(key.allows("john@example.com")).isTrue();
        assertThat(key.allows("john@eu.example.com")).isTrue();
        assertThat(key.allows("john@evilexample.com")).isFalse();
    }

    @Test
    void aKeyIsValidThroughItsLastDay() {
        SupportKey key = key(LocalDate.parse("2026-11-16"), "example.com");

        assertThat(key.standingFor("jane@example.com", LocalDate.parse("2026-11-16"))).isEqualTo(SupportKey.Standing.USABLE);
        assertThat(key.standingFor("jane@example.com", LocalDate.parse("2026-11-17"))).isEqualTo(SupportKey.Standing.EXPIRED);
    }

    @Test
    void aDisabledKeyIsNotUsable() {
        SupportKey key = key(null, "example.com");

        key.disable(NOW);

        assertThat(key.standingFor("jane@example.com", LocalDate.parse("2026-11-16"))).isEqualTo(SupportKey.Standing.DISABLED);
    }

    @Test
    void senderRulesAreAddressesOrDomains() {
        assertThat(SenderRule.parse("Jane@Example.COM")).contains(new SenderRule("jane@example.com"));
        assertThat(SenderRule.parse("@example.com")).contains(new SenderRule("example.com"));
        assertThat(SenderRule.parse("*.example.com")).contains(new SenderRule("*.example.com"));
        assertThat(SenderRule.parse("example")).isEmpty();
        assertThat(SenderRule.parse("jane doe@example.com")).isEmpty();
        assertThat(SenderRule.parse("")).isEmpty();
    }
}
