package org.ticketpost.sla;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.ZoneId;
import java.util.Set;

/**
 * Business hours: the clocks run on the working days from {@code from} until {@code until}, local
 * time in {@code zone}, except on holidays.
 *
 * @param holidays       single days off, such as 2026-12-24
 * @param yearlyHolidays days off every year on the same date, such as 12-25
 */
public record BusinessCalendar(String name, ZoneId zone, Set<DayOfWeek> days, LocalTime from, LocalTime until,
        Set<LocalDate> holidays, Set<MonthDay> yearlyHolidays) implements SlaCalendar {

    public BusinessCalendar {
        days = Set.copyOf(days);
        holidays = Set.copyOf(holidays);
        yearlyHolidays = Set.copyOf(yearlyHolidays);
        if (days.isEmpty()) {
            throw new IllegalArgumentException(name + ": business hours need at least one working day");
        }
        if (!from.isBefore(until)) {
            throw new IllegalArgumentException(name + ": business hours end after they begin, not at " + until + " after " + from);
        }
    }
}
