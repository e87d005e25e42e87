package org.ticketpost.cli;

import org.ticketpost.config.Settings;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** A whole-number option, checked against the same range and in the same words as a setting. */
final class WholeNumber {

    private WholeNumber() {
    }

    /** @throws ParameterException a usage error (exit code 64) naming the option and its range */
    static int parse(CommandSpec spec, String option, String value, int min, int max) {
        try {
            int number = Integer.parseInt(value.strip());
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ParameterException(spec.commandLine(), Settings.notAWholeNumber(option, value, min, max));
    }
}
