package org.ticketpost.intake;

import java.util.List;

/**
 * What the receiving mail server reported on a mail in the Authentication-Results fields it
 * added itself: those that carry the authserv-id the operator named, and that no sender can
 * have written.
 *
 * @param authservId the receiving server's authserv-id, as mail.authserv-id names it
 * @param fields     how many such fields the mail has; none means the server checked nothing
 * @param results    the results of all of them
 */
public record AuthenticationReport(String authservId, int fields, List<AuthenticationResult> results) {

    public AuthenticationReport {
        results = List.copyOf(results);
    }
}
