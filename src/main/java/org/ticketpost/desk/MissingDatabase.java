package org.ticketpost.desk;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The embedded database's file when it has not been created yet. A use case that only reads
 * never creates it: it is refused with {@link Refusal.NoDatabase}, naming where it looked, so
 * that a command started from the wrong place is noticed.
 */
@FunctionalInterface
public interface MissingDatabase {

    Optional<Path> file();

    /** @throws Refused with {@link Refusal.NoDatabase} when the database has not been created yet */
    default void require() throws Refused {
        Optional<Path> file = file();
        if (file.isPresent()) {
            throw new Refused(new Refusal.NoDatabase(file.get()));
        }
    }
}
