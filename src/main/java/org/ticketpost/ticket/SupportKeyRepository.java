package org.ticketpost.ticket;

import java.util.List;
import java.util.Optional;

/** The registered support keys. */
public interface SupportKeyRepository {

    Optional<SupportKey> find(String key);

    void add(SupportKey key);

    /** All keys, by key. */
    List<SupportKey> all();
}
