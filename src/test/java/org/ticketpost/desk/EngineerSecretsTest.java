package org.ticketpost.desk;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

/** What is stored of an engineer's secrets lets no one read them back, yet tells the right secret from a wrong one. */
class EngineerSecretsTest {

    private final SecureRandom random = new SecureRandom();

    @Test
    void aPasswordIsStoredAsASaltedArgon2idHashThatOnlyItMatches() {
        char[] password = "correct horse battery staple".toCharArray();

        String stored = PasswordHash.hash(password, random);
        String again = PasswordHash.hash(password, random);

        assertThat(stored).startsWith("$argon2id$v=19$m=19456,t=2,p=1$").doesNotContain("horse").isNotEqualTo(again);
        assertThat(PasswordHash.matches(password, stored)).isTrue();
        assertThat(PasswordHash.matches(password, again)).isTrue();
        assertThat(PasswordHash.matches("correct horse battery staplE".toCharArray(), stored)).isFalse();
        assertThat(PasswordHash.matches(password, "correct horse battery staple")).as("a secret stored as it is").isFalse();
    }

    @Test
    void noPasswordMatchesTheStandInForAMissingHash() {
        assertThat(PasswordHash.NONE).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
        assertThat(PasswordHash.matches(new char[0], PasswordHash.NONE)).isFalse();
        assertThat(PasswordHash.matches("correct horse battery staple".toCharArray(), PasswordHash.NONE)).isFalse();
    }

    @Test
    void aTokenIsStoredAsItsSha256AndEveryTokenIsNew() {
        String token = ApiToken.issue(random);

        String stored = ApiToken.hash(token);

        assertThat(token).startsWith("tpe_").hasSize(4 + 43);
        assertThat(stored).matches("[0-9a-f]{64}").doesNotContain(token.substring(4, 20)).isEqualTo(ApiToken.hash(token));
        assertThat(ApiToken.hash(token + "x")).isNotEqualTo(stored);
        assertThat(ApiToken.issue(random)).isNotEqualTo(token);
    }
}
