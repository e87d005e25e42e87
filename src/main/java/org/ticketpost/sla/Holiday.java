package org.ticketpost.sla;

import java.time.LocalDate;
import java.time.MonthDay;

/** A day off on a business calendar: the clocks stop for the whole day. */
public sealed interface Holiday {

    boolean fallsOn(LocalDate day);

    /** One day, such as 2026-12-24. */
    record OnDate(LocalDate date) implements Holiday {
        @Override
        public boolean fallsOn(LocalDate day) {
            return day.equals(date);
        }

        @Override
        public String toString() {
            return date.toString();
        }
    }

    /** The same day of every year, such as 12-25. */
    record EveryYear(MonthDay monthDay) implements Holiday {
        @Override
        public boolean fallsOn(LocalDate day) {
            return MonthDay.from(day).equals(monthDay);
        }

        @Override
        public String toString() {
            return monthDay.toString().substring(2);
        }
    }

    /**
     * A day a number of days from Western (Gregorian) Easter Sunday, every year: -2 is Good
     * Friday, 1 Easter Monday, 39 Ascension Day, 50 Whit Monday.
     */
    record FromEaster(int days) implements Holiday {

        /** A rule further from Easter is a typo: the movable feasts lie within this many days of it. */
        public static final int FURTHEST = 99;

        public FromEaster {
            if (Math.abs(days) > FURTHEST) {
                throw new IllegalArgumentException("a holiday lies at most " + FURTHEST + " days from Easter, not " + days);
            }
        }

        @Override
        public boolean fallsOn(LocalDate day) {
            LocalDate easter = day.minusDays(days);
            return easter.equals(easterSunday(easter.getYear()));
        }

        @Override
        public String toString() {
            return days == 0 ? "easter" : "easter" + (days > 0 ? "+" : "") + days;
        }
    }

    /** Western Easter Sunday of a year in the Gregorian calendar (the anonymous algorithm of Meeus, Jones and Butcher). */
    static LocalDate easterSunday(int year) {
        int a = year % 19;
        int b = year / 100;
        int c = year % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4;
        int k = c % 4;
        int l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31;
        int dayOfMonth = (h + l - 7 * m + 114) % 31 + 1;
        return LocalDate.of(year, month, dayOfMonth);
    }
}
