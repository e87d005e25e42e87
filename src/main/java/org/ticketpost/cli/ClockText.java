package org.ticketpost.cli;

import java.time.Duration;
import java.time.ZoneId;
import org.ticketpost.desk.ClockView;
import org.ticketpost.desk.LengthOfTime;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** SLA clocks in the command line's words: "firstResponse 45m", "resolution -2h 05m BREACHED". */
final class ClockText {

    private ClockText() {
    }

    /** The clock's name and what remains, or its state when nothing does. */
    static String nearest(ClockView clock) {
        return clock.name().label() + " " + clock.remaining().map(ClockText::remaining).orElse(clock.state().label())
                + (clock.state() == ClockView.State.BREACHED ? " BREACHED" : clock.state() == ClockView.State.PAUSED ? " paused" : "");
    }

    /** "firstResponse   running   due 2026-11-16 10:15   45m left", one line of tickets show. */
    static String line(ClockView clock, ZoneId zone) {
        String due = clock.due().map(at -> "due " + TicketsCommand.shown(at, zone)).orElse("");
        String remaining = clock.remaining()
                .map(left -> left.isNegative() ? remaining(left.negated()) + " overdue" : remaining(left) + " left")
                .orElse("");
        return String.format("  %-16s%-10s%-22s%s", clock.name().label(), clock.state().label(), due, remaining).stripTrailing();
    }

    /** "2d 4h", "3h 05m", "45m"; negative with a minus sign. Seconds are left out. */
    static String remaining(Duration time) {
        Duration size = time.abs();
        String sign = time.isNegative() && size.toMinutes() > 0 ? "-" : "";
        if (size.toDays() > 0) {
            return sign + size.toDays() + "d " + size.toHoursPart() + "h";
        }
        if (size.toHours() > 0) {
            return sign + size.toHours() + "h " + String.format("%02dm", size.toMinutesPart());
        }
        return sign + size.toMinutes() + "m";
    }

    /**
     * An option's length of time: 30m, 2h, 1d, or ISO-8601 (PT2H).
     *
     * @throws ParameterException a usage error (exit code 64) naming the option
     */
    static Duration duration(CommandSpec spec, String option, String value) {
        return LengthOfTime.parse(value).orElseThrow(() -> new ParameterException(spec.commandLine(),
                option + " must be " + LengthOfTime.EXPECTED + ", was '" + value + "'"));
    }
}
