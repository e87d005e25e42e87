package org.ticketpost.mail;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.ticketpost.intake.AuthenticationReport;
import org.ticketpost.intake.AuthenticationResult;

/**
 * The mail server that received a mail for Ticketpost, named by the authserv-id it writes in its
 * Authentication-Results fields, and what it reported on a mail in the fields it added itself.
 *
 * <p>Anyone can write an Authentication-Results field naming our server into a mail. Every
 * server prepends its Received field, so what a sender wrote stands below the Received field
 * our server added when it took the mail in; what stands above it was added inside our own
 * network: by that server's filters (OpenDKIM, OpenDMARC or rspamd as Postfix milters write
 * their results above Postfix's Received field) and by the hops after it. So only the fields
 * with our authserv-id above the topmost Received field whose "by" names it count; where no
 * Received field names it, those above the topmost Received field. Fields below are passed
 * over even when they stand right under our server's Received field: a sender talking to our
 * server directly puts his forgery there. A server that writes its own results below its
 * Received field is therefore not heard, and every mail counts as unauthenticated. RFC 8601 §5
 * asks the receiving server to remove forged copies bearing its authserv-id; this does not rely
 * on that.
 */
final class ReceivingServer {

    private final String authservId;

    ReceivingServer(String authservId) {
        this.authservId = authservId;
    }

    AuthenticationReport report(List<TopHeaders.TraceField> trace) {
        int border = ownReceived(trace).orElseGet(() -> firstReceived(trace));
        int fields = 0;
        List<AuthenticationResult> results = new ArrayList<>();
        for (TopHeaders.TraceField field : trace.subList(0, border)) {
            Optional<AuthenticationResults.Field> read = field.isReceived() ? Optional.empty()
                    : AuthenticationResults.read(field.value()).filter(ours -> ours.authservId().equalsIgnoreCase(authservId));
            if (read.isPresent()) {
                fields++;
                results.addAll(read.get().results());
            }
        }
        return new AuthenticationReport(authservId, fields, results);
    }

    private Optional<Integer> ownReceived(List<TopHeaders.TraceField> trace) {
        for (int i = 0; i < trace.size(); i++) {
            TopHeaders.TraceField field = trace.get(i);
            if (field.isReceived() && ReceivedField.by(field.value()).filter(authservId::equalsIgnoreCase).isPresent()) {
                return Optional.of(i);
            }
        }
        return Optional.empty();
    }

    private static int firstReceived(List<TopHeaders.TraceField> trace) {
        for (int i = 0; i < trace.size(); i++) {
            if (trace.get(i).isReceived()) {
                return i;
            }
        }
        return trace.size();
    }
}
