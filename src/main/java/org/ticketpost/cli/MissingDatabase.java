package org.ticketpost.cli;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The embedded database's file when it has not been created yet. A command that only reads never
 * creates it: it says where it looked, so that a command started from the wrong place is noticed.
 */
@FunctionalInterface
public interface MissingDatabase {

    Optional<Path> file();

    /** "no database at /x/data/ticketpost.mv.db yet: " followed by what that means for the command. */
    default Optional<String> said(String meaning) {
        return file().map(file -> "no database at " + file + " yet: " + meaning);
    }
}
