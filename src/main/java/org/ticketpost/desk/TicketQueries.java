package org.ticketpost.desk;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.ticketpost.ticket.TicketNumber;
import org.ticketpost.ticket.TicketQuery;
import org.ticketpost.ticket.UnitOfWork;

/**
 * What engineers read of the tickets. Each answer is built inside its transaction, so that
 * nothing is left to load when it has ended; a failing database throws
 * {@link org.ticketpost.ticket.StoreException}. Reading never creates the database.
 */
public final class TicketQueries {

    private final UnitOfWork database;
    private final MissingDatabase missing;
    private final Clock clock;

    /** @param clock the moment each answer is read at: what its clocks have left */
    public TicketQueries(UnitOfWork database, MissingDatabase missing, Clock clock) {
        this.database = database;
        this.missing = missing;
        this.clock = clock;
    }

    /** The tickets the query asks for: the escalated first, then the nearest SLA due time, then the newest. */
    public List<TicketSummary> list(TicketQuery query) throws Refused {
        missing.require();
        Instant now = clock.instant();
        return database.inTransaction(stores -> stores.tickets().list(query, now).stream()
                .map(ticket -> TicketSummary.of(ticket, now)).toList());
    }

    /**
     * One ticket with its mails and history.
     *
     * @param number as typed: a number whose check digit fails is refused, never taken for another ticket
     */
    public TicketDetails show(String number) throws Refused {
        TicketNumber parsed = TicketNumber.parse(number)
                .orElseThrow(() -> new Refused(new Refusal.NotATicketNumber(number)));
        missing.require();
        Optional<TicketDetails> details = database.inTransaction(stores -> stores.tickets().find(parsed)
                .map(ticket -> TicketDetails.of(ticket, stores.messages().ofTicket(ticket), clock.instant())));
        return details.orElseThrow(() -> new Refused(new Refusal.NoSuchTicket(parsed)));
    }
}
