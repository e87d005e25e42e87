package org.ticketpost.intake;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.ticketpost.ticket.StoreConflictException;
import org.ticketpost.ticket.UnitOfWork;

/**
 * Decides, in one transaction, what a mail becomes: a duplicate, the bounce of a mail Ticketpost
 * sent, ignored machine mail, a rejection of a sender the receiving server could not
 * authenticate, a follow-up, a new ticket or a rejection. The order of the steps is the policy.
 */
public final class Intake {

    private final UnitOfWork unitOfWork;
    private final List<IntakeStep> steps;
    private final Clock clock;

    public Intake(UnitOfWork unitOfWork, IntakeRules rules, Clock clock) {
        this.unitOfWork = unitOfWork;
        this.clock = clock;
        MailRecords records = new MailRecords(rules);
        this.steps = List.of(
                new Duplicates(),
                new Bounces(rules, records),
                new MachineMail(rules, records),
                new UnauthenticatedSenders(rules, records),
                new FollowUps(rules, records),
                new NewRequests(rules, records));
    }

    /**
     * Decides and commits. When this returns, the ticket, the mail, its events and any reply in the
     * outbox are stored; when it throws, nothing is.
     */
    public Outcome accept(InboundMail mail) {
        Instant now = clock.instant();   // one moment per mail: its ticket, events and reply agree on when
        try {
            return decide(mail, now);
        } catch (StoreConflictException e) {
            return decide(mail, now);   // the same mail came in twice at once: now the other copy is committed
        }
    }

    private Outcome decide(InboundMail mail, Instant now) {
        return unitOfWork.inTransaction(stores -> steps.stream()
                .map(step -> step.decide(mail, stores, now))
                .flatMap(Optional::stream)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no intake step decided on " + mail.messageKey())));
    }
}
