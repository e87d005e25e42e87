package org.ticketpost.desk;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class LengthOfTimeTest {

    @Test
    void theShortFormsAndIsoEightSixOhOneAreRead() {
        assertThat(LengthOfTime.parse("30m")).contains(Duration.ofMinutes(30));
        assertThat(LengthOfTime.parse(" 2H ")).contains(Duration.ofHours(2));
        assertThat(LengthOfTime.parse("1d")).contains(Duration.ofDays(1));
        assertThat(LengthOfTime.parse("PT1H30M")).contains(Duration.ofMinutes(90));
    }

    @Test
    void anythingElseAndANegativeTimeAreNoLengthOfTime() {
        assertThat(LengthOfTime.parse("soon")).isEmpty();
        assertThat(LengthOfTime.parse("2 hours")).isEmpty();
        assertThat(LengthOfTime.parse("-PT1H")).isEmpty();
        assertThat(LengthOfTime.parse("1234567h")).as("more than six digits").isEmpty();
        assertThat(LengthOfTime.parse("")).isEmpty();
    }
}
