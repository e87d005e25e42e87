package org.ticketpost.cli;

/** Exit codes from sysexits.h, which mail transfer agents act on. */
final class ExitCodes {

    static final int OK = 0;
    /** The command was called wrongly. */
    static final int USAGE = 64;
    /** The input is not a mail: an MTA bounces it. */
    static final int DATA_ERROR = 65;
    /** A named input file does not exist. */
    static final int NO_INPUT = 66;
    /** The database or the disk is unavailable: an MTA keeps the mail and tries again later. */
    static final int TEMPORARY_FAILURE = 75;

    private ExitCodes() {
    }
}
