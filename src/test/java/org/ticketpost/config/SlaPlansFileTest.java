package org.ticketpost.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.ticketpost.config.SupportTemplateFileTest.lineOf;

import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.ZoneId;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ticketpost.sla.BusinessCalendar;
import org.ticketpost.sla.Holiday;
import org.ticketpost.sla.SlaCalendar;
import org.ticketpost.sla.SlaDuration;
import org.ticketpost.sla.SlaDuration.BusinessTime;
import org.ticketpost.sla.SlaDuration.ClockTime;
import org.ticketpost.sla.SlaPlan;
import org.ticketpost.sla.SlaPlans;
import org.ticketpost.sla.Targets;

class SlaPlansFileTest {

    private static final String SHIPPED = Folder.config(Path.of("config")).require(SlaPlansFile.NAME);

    @Test
    void theShippedPlansAreStandardAdvancedAndPremium() {
        SlaPlans plans = parse(SHIPPED);

        assertThat(plans.names()).containsExactly("standard", "advanced", "premium");
    }

    @Test
    void theAdvancedPlanHoldsTheDefaultsOfTheProductSpecification() {
        SlaPlan advanced = parse(SHIPPED).plan("advanced").orElseThrow();
        BusinessCalendar business = new BusinessCalendar("business", ZoneId.of("Europe/Berlin"),
                java.util.EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), LocalTime.of(8, 0), LocalTime.of(18, 0),
                java.util.Set.of());
        SlaCalendar aroundTheClock = new SlaCalendar.AroundTheClock("24x7");

        assertThat(advanced.targets(1)).isEqualTo(new Targets(aroundTheClock, clock(Duration.ofHours(1)),
                clock(Duration.ofHours(1)), clock(Duration.ofHours(24)), 75));
        assertThat(advanced.targets(2)).isEqualTo(new Targets(aroundTheClock, clock(Duration.ofHours(4)),
                clock(Duration.ofHours(8)), clock(Duration.ofDays(5)), 75));
        assertThat(advanced.targets(3)).isEqualTo(new Targets(business, business(1, BusinessTime.Unit.DAYS),
                Optional.empty(), business(20, BusinessTime.Unit.DAYS), 75));
        assertThat(advanced.targets(4)).isEqualTo(new Targets(business, business(3, BusinessTime.Unit.DAYS),
                Optional.empty(), Optional.empty(), 75));
    }

    @Test
    void holidaysAreDatesTheSameDayEveryYearOrDaysFromEasterAndTheWarningCanComeEarlier() {
        String yaml = SHIPPED.replace("holidays: []", "holidays: [2026-12-24, 12-25, '12-26', easter-2, Easter+1, easter+50, easter]")
                .replace("4: {calendar: business, firstResponse: 3 business days}",
                        "4: {calendar: business, firstResponse: 3 business days, warnAt: 50%}");

        SlaPlan advanced = parse(yaml).plan("advanced").orElseThrow();

        BusinessCalendar business = (BusinessCalendar) advanced.targets(4).calendar();
        assertThat(business.holidays()).containsExactlyInAnyOrder(new Holiday.OnDate(LocalDate.of(2026, 12, 24)),
                new Holiday.EveryYear(MonthDay.of(12, 25)), new Holiday.EveryYear(MonthDay.of(12, 26)), new Holiday.FromEaster(-2),
                new Holiday.FromEaster(1), new Holiday.FromEaster(50), new Holiday.FromEaster(0));
        assertThat(advanced.targets(4).warnAtPercent()).isEqualTo(50);
        assertThat(advanced.targets(3).warnAtPercent()).isEqualTo(75);
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(delimiter = '|', value = {
        "PT4H               | PT4H",
        "PT48H              | PT48H",
        "pt30m              | PT30M",
        "1 business day     | 1 business day",
        "1 business days    | 1 business day",
        "4 Business Hours   | 4 business hours",
        "20  business  days | 20 business days"})
    void durationsAreIsoOrBusinessTime(String written, String read) {
        String yaml = SHIPPED.replace("3: {calendar: business, firstResponse: 1 business day,",
                "3: {calendar: business, firstResponse: " + written + ",");

        assertThat(parse(yaml).plan("advanced").orElseThrow().targets(3).firstResponse()).hasValueSatisfying(
                duration -> assertThat(duration.toString()).isEqualTo(read));
    }

    @Test
    void daysAreWholeDaysAroundTheClock() {
        String yaml = SHIPPED.replace("2: {calendar: 24x7,     firstResponse: PT4H,", "2: {calendar: 24x7,     firstResponse: P5D,");

        assertThat(parse(yaml).plan("advanced").orElseThrow().targets(2).firstResponse())
                .contains(new ClockTime(Duration.ofHours(120)));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"P5D", "p1dt2h"})
    void daysOfTwentyFourHoursOnBusinessHoursAreRefused(String written) {
        String yaml = SHIPPED.replace("3: {calendar: business, firstResponse: 1 business day,",
                "3: {calendar: business, firstResponse: " + written + ",");

        assertThatThrownBy(() -> parse(yaml))
                .hasMessage("sla-plans.yaml line " + lineOf(yaml, "firstResponse: " + written) + ": plans.advanced.3.firstResponse: "
                        + "counts working time on the business hours of business, where a day of 24 hours would be misleading: "
                        + "give business days, such as 5 business days, or hours, such as PT8H, was '" + written + "'");
    }

    @Test
    void aPlanNamingAnUnknownCalendarIsRefused() {
        String yaml = SHIPPED.replace("3: {calendar: business, firstResponse: 1 business day,",
                "3: {calendar: bussiness, firstResponse: 1 business day,");

        assertThatThrownBy(() -> parse(yaml))
                .isInstanceOf(ConfigException.class)
                .hasMessage("sla-plans.yaml line " + lineOf(yaml, "calendar: bussiness")
                        + ": plans.advanced.3.calendar: unknown calendar 'bussiness' (known: 24x7, business)");
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
        "PT1 hour                  | must be an ISO-8601 duration such as PT4H or P5D, or business hours or days such as 8 business hours or 1 business day, was 'PT1 hour'",
        "1 bussiness day           | must be an ISO-8601 duration such as PT4H or P5D, or business hours or days such as 8 business hours or 1 business day, was '1 bussiness day'",
        "P1M                       | must be an ISO-8601 duration such as PT4H or P5D, or business hours or days such as 8 business hours or 1 business day, was 'P1M'",
        "PT0S                      | must be longer than zero, was 'PT0S'",
        "-PT1H                     | must be longer than zero, was '-PT1H'",
        "0 business days           | must be longer than zero, was '0 business days'",
        "P3651D                    | must be at most ten years (P3650D), was 'P3651D'",
        "PT9999999999999999999H    | is too long, was 'PT9999999999999999999H'",
        "P106751991167301D         | is too long, was 'P106751991167301D'",
        "3651 business days        | must be at most 3650 business days (ten years), was '3651 business days'",
        "99999999999999999999 business hours | must be at most 87600 business hours (ten years), was '99999999999999999999 business hours'"})
    void aDurationThatIsNoneOrTooLongIsRefused(String written, String mistake) {
        String yaml = SHIPPED.replace("3: {calendar: business, firstResponse: 1 business day,",
                "3: {calendar: business, firstResponse: " + written + ",");

        assertThatThrownBy(() -> parse(yaml))
                .hasMessage("sla-plans.yaml line " + lineOf(yaml, "firstResponse: " + written) + ": plans.advanced.3.firstResponse: "
                        + mistake);
    }

    @Test
    void businessTimeOnACalendarWithoutBusinessHoursIsRefused() {
        String yaml = SHIPPED.replace("1: {calendar: 24x7,     firstResponse: PT1H,",
                "1: {calendar: 24x7,     firstResponse: 1 business hour,");

        assertThatThrownBy(() -> parse(yaml))
                .hasMessage("sla-plans.yaml line " + lineOf(yaml, "1 business hour") + ": plans.advanced.1.firstResponse: counts "
                        + "business time, but the calendar 24x7 has no business hours: give the time as ISO-8601, such as PT8H");
    }

    @Test
    void aMisspeltTargetIsNamedWithTheKnownKeys() {
        String yaml = SHIPPED.replace("4: {calendar: business, firstResponse: 3 business days}",
                "4: {calendar: business, firstRespons: 3 business days}");

        assertThatThrownBy(() -> parse(yaml))
                .hasMessage("sla-plans.yaml line " + lineOf(yaml, "firstRespons:") + ": plans.advanced.4.firstRespons: unknown key "
                        + "(known: calendar, firstResponse, updateEvery, resolution, warnAt)");
    }

    @Test
    void aMisspeltKeyAfterEveryKnownOneIsNamedToo() {
        String yaml = SHIPPED.replace("4: {calendar: business, firstResponse: 3 business days}",
                "4: {calendar: business, firstResponse: PT1H, updateEvery: PT1H, resolution: 2 business days, warnAt: 75%, warnAtt: 80%}");

        assertThatThrownBy(() -> parse(yaml))
                .hasMessageStartingWith("sla-plans.yaml line " + lineOf(yaml, "warnAtt:") + ": plans.advanced.4.warnAtt: unknown key");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "zone: Europe/Berlin                                 | zone: Europe/Berln                       | calendars.business.zone: must be a time zone such as Europe/Berlin, was 'Europe/Berln'",
        "days: [MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY] | days: [MONDAY, TUESDAY, FUNDAY]          | calendars.business.days[2]: must be one of monday, tuesday, wednesday, thursday, friday, saturday, sunday, was 'FUNDAY'",
        "days: [MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY] | days: MONDAY to FRIDAY                   | calendars.business.days: must be a list, such as [a, b], was 'MONDAY to FRIDAY'",
        "days: [MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY] | days: [MONDAY, MONDAY]                   | calendars.business.days[1]: MONDAY is named twice",
        "until: \"18:00\"                                     | until: \"6 pm\"                            | calendars.business.until: must be a time of day such as \"08:00\", was '6 pm'",
        "until: \"18:00\"                                     | until: \"07:00\"                           | calendars.business.until: must be later than from (08:00), was 07:00",
        "holidays: []                                        | holidays: [2026-12-32]                   | calendars.business.holidays[0]: must be a date such as 2026-12-24, 12-25 for the same day every year, or easter+1 for a day fixed by Easter, was '2026-12-32'",
        "holidays: []                                        | holidays: [12-25, easter+x]              | calendars.business.holidays[1]: must be easter, or a number of days from Easter Sunday such as easter+1 (Easter Monday) or easter-2 (Good Friday), at most 99 days either way, was 'easter+x'",
        "holidays: []                                        | holidays: [easter+100]                   | calendars.business.holidays[0]: must be easter, or a number of days from Easter Sunday such as easter+1 (Easter Monday) or easter-2 (Good Friday), at most 99 days either way, was 'easter+100'",
        "holidays: []                                        | holidays: [eastermonday]                 | calendars.business.holidays[0]: must be easter, or a number of days from Easter Sunday such as easter+1 (Easter Monday) or easter-2 (Good Friday), at most 99 days either way, was 'eastermonday'",
        "hours: 24x7                                         | hours: 24/7                              | calendars.24x7.hours: must be 24x7, was '24/7' (for business hours, leave hours out and give zone, days, from and until)",
        "hours: 24x7                                         | hours: 24x7\\n    zone: UTC              | calendars.24x7.zone: a 24x7 calendar has no zone: its clocks never stop"})
    void aWrongCalendarIsNamedWithItsLine(String shipped, String written, String mistake) {
        String yaml = SHIPPED.replace("\n    " + shipped, "\n    " + written.replace("\\n", "\n"));   // a key, not the comment
        String line = mistake.substring(0, mistake.indexOf(':')).replaceAll(".*\\.", "").replaceAll("\\[.*", "") + ":";

        assertThatThrownBy(() -> parse(yaml))
                .hasMessage("sla-plans.yaml line " + lineOf(yaml, "    " + line) + ": " + mistake);
    }

    @Test
    void aCalendarWithoutItsHoursIsNamedWithWhatItNeeds() {
        String yaml = SHIPPED.replace("    from: \"08:00\"\n", "");

        assertThatThrownBy(() -> parse(yaml))
                .hasMessage("sla-plans.yaml line " + lineOf(yaml, "  business:") + ": calendars.business.from: is missing: give "
                        + "hours: 24x7, or business hours with zone, days, from and until");
    }

    @Test
    void aSeverityOutsideOneToFourAndAMissingOneAreNamed() {
        String yaml = SHIPPED.replace("    4: {calendar: business, firstResponse: 5 business days}",
                "    5: {calendar: business, firstResponse: 5 business days}");

        assertThatThrownBy(() -> parse(yaml))
                .hasMessage(String.join("\n  ", "sla-plans.yaml has 2 problems:",
                        "sla-plans.yaml line " + lineOf(yaml, "  standard:")
                                + ": plans.standard: severity 4 is missing: a plan sets the targets of every severity, 1 to 4",
                        "sla-plans.yaml line " + lineOf(yaml, "    5: {") + ": plans.standard.5: is no severity: severities are 1, 2, 3 and 4"));
    }

    @ParameterizedTest(name = "warnAt: {0}")
    @CsvSource({"0%", "100%", "120 %", "three quarters"})
    void aWarningOutsideTheTargetIsRefused(String warnAt) {
        String yaml = SHIPPED.replace("4: {calendar: business, firstResponse: 3 business days}",
                "4: {calendar: business, firstResponse: 3 business days, warnAt: " + warnAt + "}");

        assertThatThrownBy(() -> parse(yaml))
                .hasMessage("sla-plans.yaml line " + lineOf(yaml, "warnAt:") + ": plans.advanced.4.warnAt: must be a share of the "
                        + "target from 1% to 99%, such as 75%, was '" + warnAt + "'");
    }

    @Test
    void everyMistakeIsReportedAtOnceInTheOrderOfTheFile() {
        String yaml = SHIPPED
                .replace("zone: Europe/Berlin", "zone: Europe/Berln")
                .replace("2: {calendar: 24x7,     firstResponse: PT8H,", "2: {calender: 24x7,     firstResponse: PT8H,")
                .replace("3: {calendar: business, firstResponse: 1 business day,", "3: {calendar: business, firstResponse: 1 bussiness day,")
                .replace("resolution: PT12H}", "resolution: PT12H, warnAt: 200%}");

        assertThatThrownBy(() -> parse(yaml))
                .hasMessage(String.join("\n  ", "sla-plans.yaml has 5 problems:",
                        "sla-plans.yaml line " + lineOf(yaml, "zone: Europe/Berln")
                                + ": calendars.business.zone: must be a time zone such as Europe/Berlin, was 'Europe/Berln'",
                        "sla-plans.yaml line " + lineOf(yaml, "calender:")
                                + ": plans.standard.2.calender: unknown key (known: calendar, firstResponse, updateEvery, resolution, warnAt)",
                        "sla-plans.yaml line " + lineOf(yaml, "calender:")
                                + ": plans.standard.2.calendar: is missing: name one of the calendars",
                        "sla-plans.yaml line " + lineOf(yaml, "1 bussiness day") + ": plans.advanced.3.firstResponse: must be an "
                                + "ISO-8601 duration such as PT4H or P5D, or business hours or days such as 8 business hours or "
                                + "1 business day, was '1 bussiness day'",
                        "sla-plans.yaml line " + lineOf(yaml, "warnAt: 200%") + ": plans.premium.1.warnAt: must be a share of the "
                                + "target from 1% to 99%, such as 75%, was '200%'"));
    }

    @Test
    void aFileWithoutPlansIsRefused() {
        assertThatThrownBy(() -> parse("calendars:\n  24x7: {hours: 24x7}\n"))
                .hasMessage("sla-plans.yaml: plans: is missing");
    }

    @Test
    void anEmptyFileIsRefused() {
        assertThatThrownBy(() -> parse("# no plans yet\n"))
                .hasMessage("sla-plans.yaml: the file is empty");
    }

    @Test
    void aListInsteadOfTheCalendarsAndPlansIsRefused() {
        assertThatThrownBy(() -> parse("- standard\n- premium\n"))
                .hasMessage("sla-plans.yaml: must be a map with the keys calendars, plans, was a list");
    }

    @Test
    void brokenYamlIsOneMessageWithItsLine() {
        String yaml = SHIPPED.replace("resolution: P7D}", "resolution: P7D");

        assertThatThrownBy(() -> parse(yaml))
                .hasMessageStartingWith("sla-plans.yaml line " + (lineOf(yaml, "resolution: P7D") + 1) + ": not valid YAML: ");
    }

    private static SlaPlans parse(String yaml) {
        return SlaPlansFile.parse(SlaPlansFile.NAME, yaml);
    }

    private static Optional<SlaDuration> clock(Duration duration) {
        return Optional.of(new ClockTime(duration));
    }

    private static Optional<SlaDuration> business(int amount, BusinessTime.Unit unit) {
        return Optional.of(new BusinessTime(amount, unit));
    }
}
