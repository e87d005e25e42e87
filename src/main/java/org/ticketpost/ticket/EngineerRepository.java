package org.ticketpost.ticket;

import java.util.List;
import java.util.Optional;

/** The support engineers' accounts. */
public interface EngineerRepository {

    /** @param name in lower case, as {@link Engineer#normalName} gives it */
    Optional<Engineer> find(String name);

    Optional<Engineer> findByTokenHash(String tokenHash);

    void add(Engineer engineer);

    /** All engineers, by name. */
    List<Engineer> all();
}
