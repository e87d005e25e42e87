package org.ticketpost.store;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import org.hibernate.Session;
import org.ticketpost.ticket.EngineerRepository;
import org.ticketpost.ticket.IntakeLedger;
import org.ticketpost.ticket.MessageRepository;
import org.ticketpost.ticket.OutboxRepository;
import org.ticketpost.ticket.Stores;
import org.ticketpost.ticket.SupportKeyRepository;
import org.ticketpost.ticket.TicketRepository;
import org.ticketpost.ticket.WebhookDeliveries;

/** The repositories bound to one session. */
final class SessionStores implements Stores {

    private final Session session;

    SessionStores(Session session) {
        this.session = session;
    }

    @Override
    public TicketRepository tickets() {
        return new HibernateTicketRepository(session);
    }

    @Override
    public MessageRepository messages() {
        return new HibernateMessageRepository(session);
    }

    @Override
    public SupportKeyRepository keys() {
        return new HibernateSupportKeyRepository(session);
    }

    @Override
    public EngineerRepository engineers() {
        return new HibernateEngineerRepository(session);
    }

    @Override
    public OutboxRepository outbox() {
        return new HibernateOutboxRepository(session);
    }

    @Override
    public IntakeLedger intakeLedger() {
        return new SqlIntakeLedger(session);
    }

    @Override
    public WebhookDeliveries webhooks() {
        return new SqlWebhookDeliveries(session);
    }

    @Override
    public void afterCommit(Runnable task) {
        session.getTransaction().registerSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    task.run();
                }
            }
        });
    }
}
