package org.ticketpost.cli;

import java.util.Optional;

/**
 * The engineer the changing `tickets` subcommands act as: named by --as, on `tickets` or on the
 * subcommand, else by the environment variable TICKETPOST_ENGINEER. Whether that engineer may
 * act is the application core's to say.
 */
final class ActingEngineer {

    static final String DESCRIPTION = "the engineer you act as, whom the ticket's history names"
            + " (default: the environment variable " + TicketsCommand.ENGINEER_VARIABLE + ")";

    private final Optional<String> fromEnvironment;
    private String named;

    ActingEngineer(Optional<String> fromEnvironment) {
        this.fromEnvironment = fromEnvironment;
    }

    void name(String name) {
        named = name;
    }

    /** @return null when none is named, which the application core refuses, naming how to name one */
    String name() {
        return named != null ? named : fromEnvironment.orElse(null);
    }
}
