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
}
