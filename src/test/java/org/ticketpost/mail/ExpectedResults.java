package org.ticketpost.mail;

import java.io.IOException;
import java.util.Optional;

/** A source's expected-result files, read for one of its messages. */
interface ExpectedResults {

    /** What the source expects of this message, or empty when it ships nothing for it. */
    Optional<Expected> of(CorpusMessage message) throws IOException;
}
