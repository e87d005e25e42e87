package org.ticketpost.desk;

import java.time.Instant;
import org.ticketpost.ticket.Engineer;

/**
 * An engineer's account as others may see it: whether a token and a password are set, never
 * what they or their hashes are.
 */
public record EngineerView(String name, String email, boolean onCall, boolean disabled, boolean tokenSet, boolean passwordSet,
        Instant created, Instant updated) {

    static EngineerView of(Engineer engineer) {
        return new EngineerView(engineer.name(), engineer.email(), engineer.isOnCall(), engineer.isDisabled(),
                engineer.tokenHash().isPresent(), engineer.passwordHash().isPresent(), engineer.createdAt(), engineer.updatedAt());
    }
}
