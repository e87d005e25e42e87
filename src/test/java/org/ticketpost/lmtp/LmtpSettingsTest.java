package org.ticketpost.lmtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ticketpost.config.ConfigException;
import org.ticketpost.config.Folder;
import org.ticketpost.config.Settings;

class LmtpSettingsTest {

    @TempDir
    Path folder;

    /** The shipped config/ticketpost.properties (none in the folder), under the environment given. */
    private Settings settings(Map<String, String> env) {
        return Settings.load(Folder.config(folder), env);
    }

    @Test
    void withoutAPortThereIsNoListener() {
        Settings settings = settings(Map.of());

        assertThat(LmtpSettings.read(settings, folder)).isEmpty();
        settings.failOnProblems();
    }

    @Test
    void aPortAloneListensOnLocalhostWithTheDefaults() {
        Settings settings = settings(Map.of("TICKETPOST_LMTP_PORT", "2424"));

        LmtpSettings lmtp = LmtpSettings.read(settings, folder).orElseThrow();

        settings.failOnProblems();
        assertThat(lmtp.shown()).isEqualTo("127.0.0.1:2424");
        assertThat(lmtp.maxSize()).isEqualTo(50L * 1024 * 1024);
        assertThat(lmtp.maxConnections()).isEqualTo(20);
        assertThat(lmtp.timeout()).isEqualTo(Duration.ofMinutes(5));
        assertThat(lmtp.accepts("anyone@example.com")).isTrue();
    }

    @Test
    void configuredRecipientsAreTakenInAnyCaseAndNoOthers() {
        Settings settings = settings(Map.of("TICKETPOST_LMTP_PORT", "2424", "TICKETPOST_LMTP_HOST", "::1",
                "TICKETPOST_LMTP_RECIPIENTS", "Support@Example.com, help@example.com"));

        LmtpSettings lmtp = LmtpSettings.read(settings, folder).orElseThrow();

        assertThat(lmtp.shown()).isEqualTo("[0:0:0:0:0:0:0:1]:2424");
        assertThat(lmtp.recipients()).isEqualTo(Set.of("support@example.com", "help@example.com"));
        assertThat(lmtp.accepts("SUPPORT@example.COM")).isTrue();
        assertThat(lmtp.accepts("sales@example.com")).isFalse();
    }

    @Test
    void everyMistakeIsNamedAtOnce() {
        Settings settings = settings(Map.of("TICKETPOST_LMTP_PORT", "70000", "TICKETPOST_LMTP_MAX_SIZE", "100",
                "TICKETPOST_LMTP_MAX_CONNECTIONS", "0", "TICKETPOST_LMTP_TIMEOUT", "PT2H",
                "TICKETPOST_LMTP_RECIPIENTS", "support"));

        assertThat(LmtpSettings.read(settings, folder)).isEmpty();
        assertThatThrownBy(settings::failOnProblems).isInstanceOf(ConfigException.class)
                .hasMessageContaining("lmtp.port (TICKETPOST_LMTP_PORT) must be a whole number from 1 to 65535, was '70000'")
                .hasMessageContaining("lmtp.max-size (TICKETPOST_LMTP_MAX_SIZE) must be at least 1KB, was '100'")
                .hasMessageContaining("lmtp.max-connections (TICKETPOST_LMTP_MAX_CONNECTIONS) must be a whole number from 1 to 1000")
                .hasMessageContaining("lmtp.timeout (TICKETPOST_LMTP_TIMEOUT) must be at most PT1H, was PT2H")
                .hasMessageContaining("lmtp.recipients (TICKETPOST_LMTP_RECIPIENTS) must list e-mail addresses, was 'support'");
    }

    @Test
    void aHostThatIsNoneIsNamed() {
        Settings settings = settings(Map.of("TICKETPOST_LMTP_PORT", "2424", "TICKETPOST_LMTP_HOST", "no such host"));

        assertThat(LmtpSettings.read(settings, folder)).isEqualTo(Optional.empty());
        assertThatThrownBy(settings::failOnProblems).hasMessageContaining(
                "lmtp.host (TICKETPOST_LMTP_HOST) must be an address of this machine such as 127.0.0.1, was 'no such host'");
    }
}
