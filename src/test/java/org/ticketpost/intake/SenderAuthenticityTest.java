package org.ticketpost.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** When the receiving server's results show that a mail comes from the domain of its From address. */
class SenderAuthenticityTest {

    private static Optional<String> failure(String fromDomain, AuthenticationResult... results) {
        return SenderAuthenticity.failure(new AuthenticationReport("mx.example.com", 1, List.of(results)), fromDomain);
    }

    private static AuthenticationResult result(String method, String result, String property, String value) {
        return new AuthenticationResult(method, result, Map.of(property, value));
    }

    @Test
    void aDmarcPassForTheFromDomainPasses() {
        assertThat(failure("example.org", result("dmarc", "pass", "header.from", "Example.org"))).isEmpty();
    }

    @Test
    void aDmarcFailDecidesWhateverElsePassed() {
        assertThat(failure("example.org", result("dmarc", "fail", "header.from", "example.org"),
                result("dmarc", "pass", "header.from", "example.org"),
                result("dkim", "pass", "header.d", "example.org"))).contains("dmarc=fail for example.org");
    }

    @Test
    void aDmarcResultForAnotherDomainSaysNothingAboutTheFrom() {
        assertThat(failure("example.org", result("dmarc", "pass", "header.from", "attacker.example"))).isPresent();
        assertThat(failure("example.org", new AuthenticationResult("dmarc", "pass", Map.of()))).isPresent();
        assertThat(failure("example.org", result("dmarc", "fail", "header.from", "attacker.example"),
                result("spf", "pass", "smtp.mailfrom", "jane@example.org"))).isEmpty();
    }

    @Test
    void withoutADmarcResultAnAlignedSpfOrDkimPassPasses() {
        assertThat(failure("example.org", result("spf", "pass", "smtp.mailfrom", "bounces+123@mail.example.org"))).isEmpty();
        assertThat(failure("example.org", result("dkim", "pass", "header.d", "example.org"))).isEmpty();
        assertThat(failure("support.example.org", result("dkim", "pass", "header.d", "example.org."))).isEmpty();
        assertThat(failure("example.org", result("dkim", "pass", "header.i", "@example.org"))).isEmpty();
        assertThat(failure("example.org", result("dmarc", "none", "header.from", "example.org"),
                result("spf", "pass", "smtp.mailfrom", "example.org"))).isEmpty();
    }

    @Test
    void aPassForADomainNotAlignedWithTheFromFails() {
        assertThat(failure("example.org", result("spf", "pass", "smtp.mailfrom", "attacker.example"),
                result("dkim", "pass", "header.d", "notexample.org"),
                result("dkim", "pass", "header.d", "org")))
                .contains("no dmarc=pass, nor spf=pass or dkim=pass aligned with example.org");
    }

    @Test
    void anythingButPassFails() {
        assertThat(failure("example.org", result("spf", "softfail", "smtp.mailfrom", "example.org"),
                result("dkim", "fail", "header.d", "example.org"),
                result("dkim", "neutral", "header.d", "example.org"),
                result("dmarc", "temperror", "header.from", "example.org"))).isPresent();
        assertThat(failure("example.org", result("spf", "pass", "smtp.helo", "example.org"))).isPresent();
    }

    @Test
    void noFieldOfOurServerFails() {
        assertThat(SenderAuthenticity.failure(new AuthenticationReport("mx.example.com", 0, List.of()), "example.org"))
                .contains("no Authentication-Results of mx.example.com above the Received field it added");
    }

    @Test
    void subdomainsOfOneAnotherAreAlignedSiblingsAndTopLevelDomainsAreNot() {
        assertThat(SenderAuthenticity.aligned("example.org", "mail.example.org")).isTrue();
        assertThat(SenderAuthenticity.aligned("news.example.org", "mail.example.org")).isFalse();
        assertThat(SenderAuthenticity.aligned("org", "example.org")).isFalse();
        assertThat(SenderAuthenticity.aligned("com", "com")).isFalse();
    }
}
