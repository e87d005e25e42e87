package org.ticketpost.cli;

import java.util.ArrayList;
import java.util.List;
import org.ticketpost.desk.Refusal;

/** A refusal in the command line's words: the lines it prints on stderr. */
final class RefusalText {

    private RefusalText() {
    }

    /** @param noDatabase what a missing database means to the command, e.g. "nothing has been taken in" */
    static List<String> lines(Refusal refusal, String noDatabase) {
        if (refusal instanceof Refusal.Invalid invalid) {
            return invalid.problems();
        }
        if (refusal instanceof Refusal.NothingImported wrong) {
            List<String> lines = new ArrayList<>(wrong.problems());
            lines.add("nothing imported");
            return lines;
        }
        if (refusal instanceof Refusal.AlreadyRegistered known) {
            return List.of(known.key() + " is registered already (keys import updates keys)");
        }
        if (refusal instanceof Refusal.UnknownKey unknown) {
            return List.of(unknown.key() + " is not registered");
        }
        if (refusal instanceof Refusal.EngineerExists known) {
            return List.of("there is an engineer " + known.name() + " already (names are the same in any case)");
        }
        if (refusal instanceof Refusal.UnknownEngineer unknown) {
            return List.of("there is no engineer " + unknown.name());
        }
        if (refusal instanceof Refusal.NoEngineer) {
            return List.of("name the engineer you act as: --as NAME, or the environment variable TICKETPOST_ENGINEER");
        }
        if (refusal instanceof Refusal.Unauthenticated) {
            return List.of("not signed in: the token, or the name and password, are not right");
        }
        if (refusal instanceof Refusal.Forbidden disabled) {
            return List.of("engineer " + disabled.name() + " is disabled");
        }
        if (refusal instanceof Refusal.NotATicketNumber mistyped) {
            return List.of(mistyped.text() + " is not a ticket number (a digit is wrong or missing)");
        }
        if (refusal instanceof Refusal.NoSuchTicket none) {
            return List.of("there is no ticket " + none.number());
        }
        if (refusal instanceof Refusal.Unchanged unchanged) {
            return List.of("ticket " + unchanged.number() + " " + unchanged.why());
        }
        if (refusal instanceof Refusal.NotEscalable notEscalable) {
            return List.of(notEscalable(notEscalable));
        }
        if (refusal instanceof Refusal.NoSuchOutboxEntry none) {
            return List.of("there is no outbox entry " + none.id());
        }
        if (refusal instanceof Refusal.AlreadySent sent) {
            return List.of("outbox entry " + sent.id() + " was sent at " + sent.sentAt() + " and did not bounce: sending it again"
                    + " would send it twice");
        }
        if (refusal instanceof Refusal.StillWaiting waiting) {
            return List.of("outbox entry " + waiting.id() + " is still waiting: it is tried again at " + waiting.nextAttempt()
                    + " (retry is for failed and bounced entries)");
        }
        return List.of(noDatabase(((Refusal.NoDatabase) refusal).file().toString(), noDatabase));
    }

    /** Why the ticket is not escalated by phone, and what to do instead, in this door's commands. */
    private static String notEscalable(Refusal.NotEscalable refused) {
        String ticket = "ticket " + refused.number() + " ";
        return switch (refused.reason()) {
            case SEVERITY -> ticket + "is severity " + refused.severity() + ": only Severity 1 and 2 tickets are escalated by phone."
                    + " If it is an outage or a severe disruption, raise the severity first with `tickets severity "
                    + refused.number() + " 2` (or 1), then escalate it";
            case RESOLVED -> ticket + "is resolved: only open tickets are escalated. If the problem is back, reopen it first"
                    + " with `tickets status " + refused.number() + " open`, then escalate it";
            case CLOSED -> ticket + "is closed and stays closed: the customer files a new ticket by mail, which can then"
                    + " be escalated";
            case ALREADY_ESCALATED -> ticket + "was escalated already at " + refused.since().map(Object::toString).orElse("?")
                    + ": the on-call engineers were told then and are not told again";
        };
    }

    /** "no database at /x/data/ticketpost.mv.db yet: " and what that means to the command. */
    static String noDatabase(String file, String meaning) {
        return "no database at " + file + " yet: " + meaning;
    }
}
