package org.ticketpost.ticket;

/** The repositories of one unit of work, bound to its transaction. */
public interface Stores {

    TicketRepository tickets();

    MessageRepository messages();

    SupportKeyRepository keys();

    EngineerRepository engineers();

    OutboxRepository outbox();

    IntakeLedger intakeLedger();

    WebhookDeliveries webhooks();

    /** Runs the task once this unit's transaction has committed, on the thread that committed it; never where it rolls back. */
    void afterCommit(Runnable task);
}
