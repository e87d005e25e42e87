package org.ticketpost.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ticketpost.mail.SmtpSettings.Security;

/** The mail server's URL as an operator writes it, and what is said when it is wrong. */
class SmtpSettingsTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private static SmtpSettings parse(String url) {
        return SmtpSettings.parse(url, Optional.empty(), Optional.empty(), TIMEOUT);
    }

    @ParameterizedTest
    @CsvSource({
            "smtp://smtp.example.com:587,        smtp.example.com, 587, STARTTLS",
            "smtp://smtp.example.com,            smtp.example.com, 587, STARTTLS",
            "SMTP://smtp.example.com:25/,        smtp.example.com, 25,  STARTTLS",
            "smtp://smtp.example.com?starttls=required, smtp.example.com, 587, STARTTLS",
            "smtps://smtp.example.com:465,       smtp.example.com, 465, TLS",
            "smtps://smtp.example.com,           smtp.example.com, 465, TLS",
            "smtp://127.0.0.1:3025?starttls=off, 127.0.0.1,        3025, NONE",
            "smtp://[::1]:25?starttls=OFF,       ::1,              25,  NONE"})
    void aServerIsReadFromItsUrl(String url, String host, int port, Security security) {
        SmtpSettings settings = parse(url);

        assertThat(settings.host()).isEqualTo(host);
        assertThat(settings.port()).isEqualTo(port);
        assertThat(settings.security()).isEqualTo(security);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "''                                      | no SMTP URL: give the mail server as smtp://host:587 or smtps://host:465",
            "http://smtp.example.com                 | 'http://smtp.example.com' must start with smtp:// or smtps://",
            "smtp.example.com:587                    | 'smtp.example.com:587' must start with smtp:// or smtps://",
            "smtp://smtp example.com                 | 'smtp://smtp example.com' is no URL: Illegal character in authority",
            "smtp://                                 | 'smtp://' is no URL: Expected authority",
            "smtp://smtp.example.com:submission      | 'smtp://smtp.example.com:submission' names no host, or no port as a number: smtp://smtp.example.com:587",
            "smtp://smtp.example.com:70000           | 'smtp://smtp.example.com:70000': the port must be from 1 to 65535, was 70000",
            "smtp://smtp.example.com/mail            | 'smtp://smtp.example.com/mail' must end after the host and port (and ?starttls=off)",
            "smtp://smtp.example.com?tls=off         | 'smtp://smtp.example.com?tls=off': unknown parameter 'tls'; the one known is starttls",
            "smtp://smtp.example.com?starttls=no     | 'smtp://smtp.example.com?starttls=no': starttls must be 'required' or 'off', was 'no'",
            "smtps://smtp.example.com?starttls=off   | 'smtps://smtp.example.com?starttls=off': smtps:// speaks TLS from the start and takes no parameters"})
    void aWrongUrlIsRefusedWithWhatIsWrong(String url, String message) {
        assertThatThrownBy(() -> parse(url)).isInstanceOf(IllegalArgumentException.class).hasMessage(message);
    }

    @Test
    void aPasswordInTheUrlIsRefusedWithoutBeingRepeated() {
        assertThatThrownBy(() -> parse("smtp://ticketpost:s3cret@smtp.example.com:587"))
                .hasMessage("'smtp://…@smtp.example.com:587' must not hold a user or password: give them as settings of their own")
                .hasMessageNotContaining("s3cret");
    }

    @Test
    void aUserAndAPasswordGoTogether() {
        assertThatThrownBy(() -> SmtpSettings.parse("smtp://smtp.example.com", Optional.of("ticketpost"), Optional.empty(), TIMEOUT))
                .hasMessage("an SMTP user needs a password");
        assertThatThrownBy(() -> SmtpSettings.parse("smtp://smtp.example.com", Optional.of(" "), Optional.of("s3cret"), TIMEOUT))
                .hasMessage("an SMTP password needs a user");
    }

    @Test
    void theTimeoutIsBetweenASecondAndTenMinutes() {
        assertThatThrownBy(() -> SmtpSettings.parse("smtp://smtp.example.com", Optional.empty(), Optional.empty(), Duration.ZERO))
                .hasMessage("the SMTP timeout must be between PT1S and PT10M, was PT0S");
        assertThatThrownBy(() -> SmtpSettings.parse("smtp://smtp.example.com", Optional.empty(), Optional.empty(), Duration.ofHours(1)))
                .hasMessage("the SMTP timeout must be between PT1S and PT10M, was PT1H");
    }

    @Test
    void thePasswordIsNeverShown() {
        SmtpSettings settings = SmtpSettings.parse("smtps://smtp.example.com", Optional.of("ticketpost"), Optional.of("s3cret"), TIMEOUT);

        assertThat(settings.toString()).isEqualTo("SmtpSettings[smtps://smtp.example.com:465 (TLS) as ticketpost, timeout=PT30S]")
                .doesNotContain("s3cret");
        assertThat(settings.password()).contains("s3cret");
    }
}
