package org.ticketpost.intake;

import java.util.List;
import java.util.Optional;

/**
 * A mail server's report that a mail could not be delivered for good (a bounce), as far as
 * finding that mail needs it. A delay warning or a report of success is none.
 *
 * @param recipient   the address the mail did not reach, as the report names it, if it does
 * @param reason      the server's words, "550 5.1.1 &lt;jane@example.com&gt;: Recipient address rejected: User
 *                    unknown", or the status alone ("5.1.1") where it gave no more
 * @param returnedIds Message-IDs of the mail that came back, without angle brackets: of the
 *                    returned mail or its header, or written in the report's text
 * @param addressedTo where the bounce was delivered (To, Delivered-To, X-Original-To, Envelope-To):
 *                    a return path of one mail's own names that mail
 */
public record Bounce(Optional<String> recipient, String reason, List<String> returnedIds, List<String> addressedTo) {

    public Bounce {
        returnedIds = List.copyOf(returnedIds);
        addressedTo = List.copyOf(addressedTo);
    }
}
