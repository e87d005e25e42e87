package org.ticketpost.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.ticketpost.desk.Refused;
import org.ticketpost.ticket.StoreException;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * A subcommand that prints what the application core answers: a refusal (no database yet
 * included: there is nothing to list, not an empty list) and an unavailable database are each
 * one line on stderr, prefixed by the command's name.
 */
abstract class PrintingSubcommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    private final String command;
    private final String noDatabase;

    /** @param command as the lines on stderr name it: "ticketpost tickets" */
    PrintingSubcommand(String command) {
        this(command, "nothing has been taken in");
    }

    /** @param noDatabase what a missing database means to the command, e.g. "nothing has been taken in" */
    PrintingSubcommand(String command, String noDatabase) {
        this.command = command;
        this.noDatabase = noDatabase;
    }

    @Override
    public final Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        try {
            spec.commandLine().getOut().print(work());
            return ExitCodes.OK;
        } catch (Refused e) {
            RefusalText.lines(e.refusal(), noDatabase).forEach(line -> err.println(command + ": " + line));
            return ExitCodes.REFUSED;
        } catch (StoreException e) {
            err.println(command + ": " + e.getMessage());
            return ExitCodes.TEMPORARY_FAILURE;
        }
    }

    /** What to print. */
    abstract String work() throws Refused;
}
