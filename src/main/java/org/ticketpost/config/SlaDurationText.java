package org.ticketpost.config;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ticketpost.sla.SlaDuration;
import org.ticketpost.sla.SlaDuration.BusinessTime;

/**
 * A target as config/sla-plans.yaml writes it: ISO-8601 (PT4H, P5D), or a number of business hours
 * or days. On business hours every target counts working time, so that PT4H there means four
 * working hours, and days are written as business days.
 */
final class SlaDurationText {

    private static final Pattern BUSINESS = Pattern.compile("(\\d+)\\s+business\\s+(hour|day)s?", Pattern.CASE_INSENSITIVE);

    /** An ISO-8601 duration with days, such as P5D or P1DT2H. */
    private static final Pattern WHOLE_DAYS = Pattern.compile("P\\d+D.*", Pattern.CASE_INSENSITIVE);

    /** No target is longer: beyond it lies a typo, and due-at times that no longer fit a date. */
    private static final Duration LONGEST = Duration.ofDays(3650);

    private static final long LONGEST_BUSINESS_DAYS = LONGEST.toDays();
    private static final long LONGEST_BUSINESS_HOURS = LONGEST.toHours();

    private SlaDurationText() {
    }

    /** The duration, or nothing with the mistake recorded at the key. */
    static Optional<SlaDuration> read(YamlFile file, String key, String text, String calendar, boolean businessHours) {
        String written = text.strip();
        Matcher business = BUSINESS.matcher(written);
        if (business.matches()) {
            return businessTime(file, key, text, business, calendar, businessHours);
        }
        try {
            Duration duration = Duration.parse(written.toUpperCase(Locale.ROOT));
            if (duration.isNegative() || duration.isZero()) {
                file.problem(key, "must be longer than zero, was '" + text + "'");
            } else if (duration.compareTo(LONGEST) > 0) {
                file.problem(key, "must be at most ten years (P3650D), was '" + text + "'");
            } else if (businessHours && WHOLE_DAYS.matcher(written).matches()) {
                file.problem(key, "counts working time on the business hours of " + calendar + ", where a day of 24 hours "
                        + "would be misleading: give business days, such as 5 business days, or hours, such as PT8H, was '" + text + "'");
            } else {
                return Optional.of(new SlaDuration.ClockTime(duration));
            }
        } catch (DateTimeParseException e) {
            file.problem(key, tooLarge(written) ? "is too long, was '" + text + "'" : "must be an ISO-8601 duration such as PT4H or "
                    + "P5D, or business hours or days such as 8 business hours or 1 business day, was '" + text + "'");
        }
        return Optional.empty();
    }

    private static Optional<SlaDuration> businessTime(YamlFile file, String key, String text, Matcher business,
            String calendar, boolean businessHours) {
        BusinessTime.Unit unit = business.group(2).equalsIgnoreCase("hour") ? BusinessTime.Unit.HOURS : BusinessTime.Unit.DAYS;
        long longest = unit == BusinessTime.Unit.HOURS ? LONGEST_BUSINESS_HOURS : LONGEST_BUSINESS_DAYS;
        long amount;
        try {
            amount = Long.parseLong(business.group(1));
        } catch (NumberFormatException e) {
            amount = Long.MAX_VALUE;   // more digits than a long holds
        }
        if (amount == 0) {
            file.problem(key, "must be longer than zero, was '" + text + "'");
        } else if (amount > longest) {
            file.problem(key, "must be at most " + longest + " business " + unit.name().toLowerCase(Locale.ROOT)
                    + " (ten years), was '" + text + "'");
        } else if (!businessHours) {
            file.problem(key, "counts business time, but the calendar " + calendar + " has no business hours: "
                    + "give the time as ISO-8601, such as PT8H");
        } else {
            return Optional.of(new BusinessTime((int) amount, unit));
        }
        return Optional.empty();
    }

    /** Whether the form is right and only a number is too large: Duration.parse tells the two apart poorly. */
    private static boolean tooLarge(String text) {
        try {
            Duration.parse(text.replaceAll("\\d+", "1").toUpperCase(Locale.ROOT));
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    /** A warning threshold, such as 75%: how much of a target may pass before the on-call engineers hear of it. */
    static Optional<Integer> percent(YamlFile file, String key, String text) {
        String written = text.strip();
        if (written.matches("\\d{1,2}\\s*%?")) {
            int percent = Integer.parseInt(written.replaceAll("\\D", ""));
            if (percent >= 1) {
                return Optional.of(percent);
            }
        }
        file.problem(key, "must be a share of the target from 1% to 99%, such as 75%, was '" + text + "'");
        return Optional.empty();
    }
}
