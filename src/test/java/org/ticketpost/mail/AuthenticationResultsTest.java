package org.ticketpost.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.ticketpost.intake.AuthenticationResult;

/** Authentication-Results fields as RFC 8601 writes them (its appendix B) and as servers do. */
class AuthenticationResultsTest {

    private static AuthenticationResults.Field read(String value) {
        return AuthenticationResults.read(String.join(" ", value.lines().map(String::strip).toList())).orElseThrow();
    }

    @Test
    void serviceProvidedButNoAuthenticationDoneHasNoResults() {
        AuthenticationResults.Field field = read("example.org 1; none");

        assertThat(field.authservId()).isEqualTo("example.org");
        assertThat(field.results()).isEmpty();
    }

    @Test
    void severalResultsInOneFieldEachWithTheirProperties() {
        AuthenticationResults.Field field = read("""
                example.com;
                          auth=pass (cram-md5) smtp.auth=sender@example.net;
                          spf=pass smtp.mailfrom=example.net""");

        assertThat(field.authservId()).isEqualTo("example.com");
        assertThat(field.results()).containsExactly(
                new AuthenticationResult("auth", "pass", Map.of("smtp.auth", "sender@example.net")),
                new AuthenticationResult("spf", "pass", Map.of("smtp.mailfrom", "example.net")));
    }

    @Test
    void aQuotedReasonAndAnAddressWithoutLocalPartAreRead() {
        AuthenticationResults.Field field = read("""
                example.com;
                    dkim=pass reason="good signature"
                      header.i=@mail-router.example.net;
                    dkim=fail reason="bad signature"
                      header.i=@newyork.example.com""");

        assertThat(field.results()).containsExactly(
                new AuthenticationResult("dkim", "pass", Map.of("header.i", "@mail-router.example.net")),
                new AuthenticationResult("dkim", "fail", Map.of("header.i", "@newyork.example.com")));
        assertThat(field.results().get(0).domain("header.i")).contains("mail-router.example.net");
    }

    @Test
    void commentsMayStandBetweenAnyTwoTokens() {
        AuthenticationResults.Field field = read("""
                foo.example.net (foobar) 1 (baz);
                    dkim (Because I like it) / 1 (One yay) = (wait for it) fail
                      policy (A dot can go here) . (like that) expired
                      (this surprised me) = (as I wasn't expecting it) 1362471462""");

        assertThat(field.authservId()).isEqualTo("foo.example.net");
        assertThat(field.results()).containsExactly(
                new AuthenticationResult("dkim", "fail", Map.of("policy.expired", "1362471462")));
    }

    @Test
    void aServersCommentsHoldingEqualsSignsAndSemicolonsAreOnlyComments() {
        AuthenticationResults.Field field = read("""
                mx.google.com;
                       dkim=pass header.i=@example.com header.s=20230601 header.b=AbC+/12x=;
                       spf=pass (google.com: domain of jane@example.com designates 192.0.2.7 as permitted sender; x=y)
                 smtp.mailfrom=jane@example.com;
                       dmarc=pass (p=REJECT sp=REJECT dis=NONE) header.from=Example.com""");

        assertThat(field.results()).extracting(AuthenticationResult::method, AuthenticationResult::result)
                .containsExactly(tuple("dkim", "pass"),
                        tuple("spf", "pass"), tuple("dmarc", "pass"));
        assertThat(field.results().get(0).properties()).containsEntry("header.b", "AbC+/12x=");
        assertThat(field.results().get(1).domain("smtp.mailfrom")).contains("example.com");
        assertThat(field.results().get(2).domain("header.from")).contains("example.com");
    }

    @Test
    void methodsResultsAndPropertyNamesAreCaseInsensitiveAndABareKeywordPairIsPassedOver() {
        AuthenticationResults.Field field = read("""
                "mx.example.com"; DKIM=Pass Header.D=example.com; dmarc=fail action=quarantine header.from=example.com;""");

        assertThat(field.authservId()).isEqualTo("mx.example.com");
        assertThat(field.results()).containsExactly(
                new AuthenticationResult("dkim", "pass", Map.of("header.d", "example.com")),
                new AuthenticationResult("dmarc", "fail", Map.of("header.from", "example.com")));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "spf=pass (sender IP is 192.0.2.7) smtp.mailfrom=example.com; dkim=pass header.d=example.com",   // no authserv-id
            "mx.example.com 2; dkim=pass header.d=example.com",   // a version this reader does not know
            "mx.example.com; dkim=pass header.d=example.com garbage",
            "mx.example.com; dkim pass",
            "mx.example.com; dkim=pass header.d=\"example.com",
            "mx.example.com; =pass",
            "; dkim=pass",
            ""})
    void aFieldOutsideTheGrammarIsUnreadableAsAWhole(String value) {
        assertThat(AuthenticationResults.read(value)).isEmpty();
    }

    @Test
    void aVersionedMethodIsTheMethod() {
        assertThat(read("mx.example.com; dkim/1=pass header.d=example.com").results())
                .extracting(AuthenticationResult::method).isEqualTo(List.of("dkim"));
    }
}
