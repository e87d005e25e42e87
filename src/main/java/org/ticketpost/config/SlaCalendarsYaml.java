package org.ticketpost.config;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ticketpost.sla.BusinessCalendar;
import org.ticketpost.sla.Holiday;
import org.ticketpost.sla.SlaCalendar;

/** The calendars of config/sla-plans.yaml: {@code hours: 24x7}, or business hours with zone, days, from, until and holidays. */
final class SlaCalendarsYaml {

    static final String AROUND_THE_CLOCK = "24x7";

    private static final String EASTER = "easter";
    private static final Pattern FROM_EASTER = Pattern.compile("easter([+-]\\d{1,2})?", Pattern.CASE_INSENSITIVE);

    record CalendarYaml(String hours, String zone, List<DayOfWeek> days, String from, String until, List<String> holidays) {
    }

    private SlaCalendarsYaml() {
    }

    /** The calendars by name; a wrong one is recorded and left out. */
    static Map<String, SlaCalendar> read(YamlValues values, Map<String, CalendarYaml> given) {
        Map<String, SlaCalendar> calendars = new LinkedHashMap<>();
        values.require("calendars", given, "is missing: the plans name their calendars from it");
        values.map("calendars", given).forEach((name, calendar) -> {
            String key = "calendars." + name;
            SlaCalendar read = calendar.hours() == null ? businessHours(values, key, name, calendar)
                    : aroundTheClock(values.file(), key, name, calendar);
            if (read != null && !values.file().hasProblemAt(key)) {
                calendars.put(name, read);
            }
        });
        return calendars;
    }

    private static SlaCalendar aroundTheClock(YamlFile file, String key, String name, CalendarYaml calendar) {
        if (!AROUND_THE_CLOCK.equalsIgnoreCase(calendar.hours().strip())) {
            file.problem(key + ".hours", "must be " + AROUND_THE_CLOCK + ", was '" + calendar.hours()
                    + "' (for business hours, leave hours out and give zone, days, from and until)");
            return null;
        }
        Map<String, Object> businessKeys = new LinkedHashMap<>();
        businessKeys.put("zone", calendar.zone());
        businessKeys.put("days", calendar.days());
        businessKeys.put("from", calendar.from());
        businessKeys.put("until", calendar.until());
        businessKeys.put("holidays", calendar.holidays());
        businessKeys.forEach((businessKey, value) -> {
            if (value != null) {
                file.problem(key + "." + businessKey, "a " + AROUND_THE_CLOCK + " calendar has no " + businessKey
                        + ": its clocks never stop");
            }
        });
        return new SlaCalendar.AroundTheClock(name);
    }

    private static SlaCalendar businessHours(YamlValues values, String key, String name, CalendarYaml calendar) {
        YamlFile file = values.file();
        String requirement = "is missing: give hours: " + AROUND_THE_CLOCK + ", or business hours with zone, days, from and until";
        ZoneId zone = values.require(key + ".zone", calendar.zone(), requirement) ? zone(file, key + ".zone", calendar.zone()) : null;
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        if (values.require(key + ".days", calendar.days(), requirement)) {
            List<DayOfWeek> given = calendar.days();
            for (int index = 0; index < given.size(); index++) {
                if (values.present(key + ".days[" + index + "]", given.get(index)) && !days.add(given.get(index))) {
                    file.problem(key + ".days[" + index + "]", given.get(index) + " is named twice");
                }
            }
            if (given.isEmpty()) {
                file.problem(key + ".days", "names no day: business hours need at least one working day");
            }
        }
        LocalTime from = values.require(key + ".from", calendar.from(), requirement) ? time(file, key + ".from", calendar.from()) : null;
        LocalTime until = values.require(key + ".until", calendar.until(), requirement)
                ? time(file, key + ".until", calendar.until()) : null;
        if (from != null && until != null && !from.isBefore(until)) {
            file.problem(key + ".until", "must be later than from (" + from + "), was " + until);
        }
        Set<Holiday> holidays = new LinkedHashSet<>();
        List<String> given = values.texts(key + ".holidays", calendar.holidays());
        for (int index = 0; index < given.size(); index++) {
            holiday(file, key + ".holidays[" + index + "]", given.get(index)).ifPresent(holidays::add);
        }
        if (file.hasProblemAt(key)) {
            return null;
        }
        return new BusinessCalendar(name, zone, days, from, until, holidays);
    }

    private static ZoneId zone(YamlFile file, String key, String zone) {
        try {
            return ZoneId.of(zone.strip());
        } catch (DateTimeException e) {
            file.problem(key, "must be a time zone such as Europe/Berlin, was '" + zone + "'");
            return null;
        }
    }

    private static LocalTime time(YamlFile file, String key, String time) {
        try {
            return LocalTime.parse(time.strip());
        } catch (DateTimeParseException e) {
            file.problem(key, "must be a time of day such as \"08:00\", was '" + time + "'");
            return null;
        }
    }

    /** A holiday is one date (2026-12-24), a day of every year (12-25), or a day fixed by Easter (easter+1, easter-2). */
    private static Optional<Holiday> holiday(YamlFile file, String key, String text) {
        String day = text.strip();
        if (day.toLowerCase(Locale.ROOT).startsWith(EASTER)) {
            Matcher rule = FROM_EASTER.matcher(day);
            if (rule.matches()) {
                int days = rule.group(1) == null ? 0 : Integer.parseInt(rule.group(1).replace("+", ""));
                return Optional.of(new Holiday.FromEaster(days));
            }
            file.problem(key, "must be easter, or a number of days from Easter Sunday such as easter+1 (Easter Monday) or "
                    + "easter-2 (Good Friday), at most " + Holiday.FromEaster.FURTHEST + " days either way, was '" + text + "'");
            return Optional.empty();
        }
        try {
            return Optional.of(day.matches("\\d{2}-\\d{2}") ? new Holiday.EveryYear(MonthDay.parse("--" + day))
                    : new Holiday.OnDate(LocalDate.parse(day)));
        } catch (DateTimeParseException e) {
            file.problem(key, "must be a date such as 2026-12-24, 12-25 for the same day every year, or easter+1 for a day "
                    + "fixed by Easter, was '" + text + "'");
            return Optional.empty();
        }
    }
}
