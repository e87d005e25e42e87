package org.ticketpost.reply;

/**
 * Hands mails to the mail server. A failure of the server or the network is an answer, not an
 * exception: whether the same mail may go through later, or never will.
 */
public interface MailSender {

    /** Sends the mail with its own Message-ID, so that the receiver can drop a second copy of a retry. */
    Delivery send(OutboundMail mail);

    /**
     * Mails sent one after the other, on a connection a sender may keep open between them: a batch
     * of the outbox costs one login and one TLS handshake rather than one per mail. Closing it
     * ends the connection. By default each mail is sent on its own.
     */
    default Batch batch() {
        return new Batch() {
            @Override
            public Delivery send(OutboundMail mail) {
                return MailSender.this.send(mail);
            }

            @Override
            public void close() {
                // nothing is kept open
            }
        };
    }

    /** Mails sent on one connection; used by one thread. */
    interface Batch extends AutoCloseable {

        Delivery send(OutboundMail mail);

        @Override
        void close();
    }
}
