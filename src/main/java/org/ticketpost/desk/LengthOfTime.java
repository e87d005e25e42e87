package org.ticketpost.desk;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A length of time as engineers write it in a filter: 30m, 2h, 1d, or ISO-8601 (PT2H); never negative. */
public final class LengthOfTime {

    /** What to tell an engineer who wrote something else. */
    public static final String EXPECTED = "a length of time such as 30m, 2h, 1d or PT2H";

    private static final Pattern SHORT = Pattern.compile("(\\d{1,6})([mhd])");

    private LengthOfTime() {
    }

    /** @return empty where the text is no length of time */
    public static Optional<Duration> parse(String text) {
        Matcher shortForm = SHORT.matcher(text.strip().toLowerCase(Locale.ROOT));
        if (shortForm.matches()) {
            long amount = Long.parseLong(shortForm.group(1));
            return Optional.of(switch (shortForm.group(2)) {
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                default -> Duration.ofDays(amount);
            });
        }
        try {
            return Optional.of(Duration.parse(text.strip())).filter(duration -> !duration.isNegative());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
