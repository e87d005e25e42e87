package org.ticketpost.intake;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ticketpost.reply.FreshReplies;
import org.ticketpost.ticket.SharedTransaction;
import org.ticketpost.ticket.StoreConflictException;
import org.ticketpost.ticket.Transactions;
import org.ticketpost.ticket.UnitOfWork;

/**
 * Decides, in one transaction, what a mail becomes: a duplicate, the bounce of a mail Ticketpost
 * sent, ignored machine mail, a rejection of a sender the receiving server could not
 * authenticate, a follow-up, a new ticket or a rejection. The order of the steps is the policy.
 */
public final class Intake {

    private final Transactions database;
    /** Where it decides: the database, a transaction to each mail, or a transaction several mails share. */
    private final UnitOfWork unitOfWork;
    private final Map<AutomaticReplies, List<IntakeStep>> steps;
    private final Clock clock;

    /** @param fresh where the replies it commits go to this process's outbox sender, once one has opened it */
    public Intake(Transactions database, IntakeRules rules, Clock clock, FreshReplies fresh) {
        this(database, database, new EnumMap<>(AutomaticReplies.class), clock);
        for (AutomaticReplies replies : AutomaticReplies.values()) {
            MailRecords records = new MailRecords(rules, replies, fresh);
            steps.put(replies, List.of(
                    new Duplicates(),
                    new Bounces(rules, records),
                    new MachineMail(rules, records),
                    new UnauthenticatedSenders(rules, records),
                    new FollowUps(rules, records),
                    new NewRequests(rules, records)));
        }
    }

    private Intake(Transactions database, UnitOfWork unitOfWork, Map<AutomaticReplies, List<IntakeStep>> steps, Clock clock) {
        this.database = database;
        this.unitOfWork = unitOfWork;
        this.steps = steps;
        this.clock = clock;
    }

    /** The database this intake stores in, for a transaction several mails share. */
    Transactions database() {
        return database;
    }

    /** The same intake, deciding in the given transaction: several mails committed at once. */
    Intake within(SharedTransaction transaction) {
        return new Intake(database, transaction, steps, clock);
    }

    /**
     * Decides and commits. When this returns, the ticket, the mail, its events and any reply in the
     * outbox are stored; when it throws, nothing is.
     */
    public Outcome accept(InboundMail mail) {
        return accept(mail, AutomaticReplies.SEND);
    }

    /** As {@link #accept(InboundMail)}, answering the mail by itself or not. */
    public Outcome accept(InboundMail mail, AutomaticReplies replies) {
        return accept(mail, replies, WithOutcome.NOTHING);
    }

    /** As {@link #accept(InboundMail, AutomaticReplies)}, committing {@code with} in the same transaction as the outcome. */
    public Outcome accept(InboundMail mail, AutomaticReplies replies, WithOutcome with) {
        Instant now = clock.instant();   // one moment per mail: its ticket, events and reply agree on when
        List<IntakeStep> policy = steps.get(replies);
        try {
            return decide(mail, policy, now, with);
        } catch (StoreConflictException e) {
            return decide(mail, policy, now, with);   // the same mail came in twice at once: now the other copy is committed
        }
    }

    private Outcome decide(InboundMail mail, List<IntakeStep> steps, Instant now, WithOutcome with) {
        return unitOfWork.inTransaction(stores -> {
            Outcome outcome = steps.stream()
                    .map(step -> step.decide(mail, stores, now))
                    .flatMap(Optional::stream)
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("no intake step decided on " + mail.messageKey()));
            with.store(outcome, stores);
            return outcome;
        });
    }
}
