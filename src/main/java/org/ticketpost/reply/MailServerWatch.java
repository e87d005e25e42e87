package org.ticketpost.reply;

import java.time.Clock;
import java.util.function.Function;
import org.ticketpost.ops.Health;
import org.ticketpost.ops.HealthCheck;
import org.ticketpost.ops.PartState;
import org.ticketpost.ops.ServiceMetrics;

/**
 * Sends through the mail server and watches how it answers: each reply it took or did not take
 * is counted, and its health is its last answer. A server that could not be reached, did not
 * answer in time, answered 4xx or refused our account is down until it takes a mail again; one
 * that refused a mail for good (a 5xx for its recipient) answered, and is up. It is not asked
 * between mails: a probe would make the mail server log a connection for nothing.
 */
public final class MailServerWatch implements MailSender, HealthCheck {

    private final MailSender server;
    private final String shown;
    private final ServiceMetrics metrics;
    private final Clock clock;
    private final PartState state;

    /** @param shown the server as the operator is told of it: smtp://smtp.example.com:587 */
    public MailServerWatch(MailSender server, String shown, ServiceMetrics metrics, Clock clock) {
        this.server = server;
        this.shown = shown;
        this.metrics = metrics;
        this.clock = clock;
        this.state = new PartState(Health.up(shown + ": no mail sent yet"));
    }

    @Override
    public Delivery send(OutboundMail mail) {
        return watched(server::send, mail);
    }

    /** The server's own batch, on its one connection, each answer watched: not a connection per mail. */
    @Override
    public Batch batch() {
        Batch batch = server.batch();
        return new Batch() {
            @Override
            public Delivery send(OutboundMail mail) {
                return watched(batch::send, mail);
            }

            @Override
            public void close() {
                batch.close();
            }
        };
    }

    private Delivery watched(Function<OutboundMail, Delivery> sending, OutboundMail mail) {
        Delivery delivery;
        try {
            delivery = sending.apply(mail);
        } catch (RuntimeException e) {
            answered(new Delivery.Deferred("could not be sent: " + e));
            throw e;
        }
        answered(delivery);
        return delivery;
    }

    private void answered(Delivery delivery) {
        if (delivery instanceof Delivery.Accepted) {
            metrics.sent();
            state.up(shown + ": took a mail at " + clock.instant());
        } else if (delivery instanceof Delivery.Deferred deferred) {
            metrics.sendFailed(false);
            state.down(shown + ": did not take a mail at " + clock.instant() + ": " + deferred.reason());
        } else {
            metrics.sendFailed(true);
            state.up(shown + ": answered at " + clock.instant() + ", refusing a mail for good");
        }
    }

    @Override
    public Health check() {
        return state.check();
    }
}
