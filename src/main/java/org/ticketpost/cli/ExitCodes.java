package org.ticketpost.cli;

/**
 * Every exit code of the ticketpost command. Most come from sysexits.h, which mail transfer
 * agents act on; 1 means the command did not do what was asked, for a reason it names.
 */
public final class ExitCodes {

    public static final int OK = 0;
    /** keys, tickets: refused, with the reason: a wrong value, an unknown key or ticket, or no database yet. */
    public static final int REFUSED = 1;
    /** check: a mail would open no ticket, because it has problems or was sent by a machine. */
    public static final int PROBLEMS = 1;
    /** Something failed that should not have: the message names it. */
    public static final int INTERNAL_ERROR = 1;
    /** EX_USAGE, for every command: picocli's own 2 would mean something else to a mail server. */
    public static final int USAGE = 64;
    /** EX_DATAERR: the input is not a mail; an MTA bounces it. */
    public static final int DATA_ERROR = 65;
    /** EX_NOINPUT: a named input file does not exist. */
    public static final int NO_INPUT = 66;
    /** EX_TEMPFAIL: the database or the disk is unavailable; an MTA keeps the mail and tries again later. */
    public static final int TEMPORARY_FAILURE = 75;
    /** EX_CONFIG, for the commands people run. */
    public static final int CONFIG_ERROR = 78;
    /**
     * What ingest exits with on a configuration mistake: mail servers run it, and Postfix bounces
     * EX_CONFIG (5.3.5) but keeps the mail on EX_TEMPFAIL while the operator mends the file.
     */
    public static final int CONFIG_ERROR_FOR_MAIL_SERVERS = TEMPORARY_FAILURE;

    private ExitCodes() {
    }
}
