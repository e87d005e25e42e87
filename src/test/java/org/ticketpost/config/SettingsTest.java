package org.ticketpost.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SettingsTest {

    private static final long FALLBACK_SIZE = 25L * 1024 * 1024;
    private static final Duration FALLBACK_WINDOW = Duration.ofHours(1);

    @ParameterizedTest(name = "{0} is {1} bytes")
    @CsvSource({"25MB, 26214400", "512 KB, 524288", "1048576, 1048576", "0, 0", "2gb, 2147483648", "8589934591GB, 9223372035781033984"})
    void aSizeIsReadWithItsUnit(String written, long bytes) {
        Settings settings = settings("attachments.max-size", written);

        assertThat(settings.bytes("attachments.max-size", FALLBACK_SIZE)).isEqualTo(bytes);
        settings.failOnProblems();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"9999999999GB", "8589934592GB", "99999999999999999999", "9007199254740992KB"})
    void aSizeTooLargeToHoldIsRefusedRatherThanWrapped(String written) {
        Settings settings = settings("attachments.max-size", written);

        assertThat(settings.bytes("attachments.max-size", FALLBACK_SIZE)).isEqualTo(FALLBACK_SIZE);
        assertThatThrownBy(settings::failOnProblems)
                .isInstanceOf(ConfigException.class)
                .hasMessageEndingWith("attachments.max-size is too large, was '" + written + "' (at most 8589934591GB)");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"-1MB", "25 megabytes", "MB", "1.5GB"})
    void aSizeThatIsNoneIsRefused(String written) {
        Settings settings = settings("attachments.max-size", written);

        assertThat(settings.bytes("attachments.max-size", FALLBACK_SIZE)).isEqualTo(FALLBACK_SIZE);
        assertThatThrownBy(settings::failOnProblems)
                .hasMessageEndingWith("attachments.max-size must be a size such as 25MB, 512KB or 1048576, was '" + written + "'");
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
        "PT9999999999999999999H | must be an ISO-8601 duration such as PT1M, at most ten years (P3650D), was 'PT9999999999999999999H'",
        "P106751991167301D      | must be an ISO-8601 duration such as PT1M, at most ten years (P3650D), was 'P106751991167301D'",
        "P3651D                 | must be at most ten years (P3650D), was 'P3651D'",
        "-PT1H                  | must be longer than zero, was '-PT1H'",
        "PT0S                   | must be longer than zero, was 'PT0S'",
        "1h                     | must be an ISO-8601 duration such as PT1M, at most ten years (P3650D), was '1h'"})
    void aDurationThatOverflowsOrIsNotLongerThanZeroIsRefused(String written, String mistake) {
        Settings settings = settings("replies.window", written);

        assertThat(settings.duration("replies.window", FALLBACK_WINDOW)).isEqualTo(FALLBACK_WINDOW);
        assertThatThrownBy(settings::failOnProblems).hasMessageEndingWith("replies.window " + mistake);
    }

    @Test
    void aDurationOfTenYearsIsTheLongest() {
        Settings settings = settings("replies.window", "P3650D");

        assertThat(settings.duration("replies.window", FALLBACK_WINDOW)).isEqualTo(Duration.ofDays(3650));
        settings.failOnProblems();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"99999999999", "2147483648", "-2147483649", "0", "257", "four"})
    void aNumberOutsideItsRangeIsRefusedEvenWhereItWouldNotFitAnInt(String written) {
        Settings settings = settings("ingest.threads", written);

        assertThat(settings.number("ingest.threads", 4, 1, 256)).isEqualTo(4);
        assertThatThrownBy(settings::failOnProblems)
                .hasMessageEndingWith("ingest.threads must be a whole number from 1 to 256, was '" + written + "'");
    }

    @Test
    void everyMistakeIsReportedAtOnceNamingTheEnvironmentVariable() {
        Properties file = new Properties();
        file.setProperty("attachments.max-size", "9999999999GB");
        file.setProperty("ingest.threads", "99999999999");
        Settings settings = new Settings(file, Map.of("TICKETPOST_REPLIES_WINDOW", "-PT1H"), "config/ticketpost.properties");

        settings.bytes("attachments.max-size", FALLBACK_SIZE);
        settings.number("ingest.threads", 4, 1, 256);
        settings.duration("replies.window", FALLBACK_WINDOW);

        assertThatThrownBy(settings::failOnProblems).hasMessage("""
                configuration (config/ticketpost.properties) has 3 problem(s):
                  attachments.max-size is too large, was '9999999999GB' (at most 8589934591GB)
                  ingest.threads must be a whole number from 1 to 256, was '99999999999'
                  replies.window (TICKETPOST_REPLIES_WINDOW) must be longer than zero, was '-PT1H'""");
    }

    private static Settings settings(String key, String value) {
        Properties file = new Properties();
        file.setProperty(key, value);
        return new Settings(file, Map.of(), "ticketpost.properties");
    }
}
