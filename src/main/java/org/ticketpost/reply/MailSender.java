package org.ticketpost.reply;

/**
 * Hands one mail to the mail server. A failure of the server or the network is an answer, not an
 * exception: whether the same mail may go through later, or never will.
 */
public interface MailSender {

    /** Sends the mail with its own Message-ID, so that the receiver can drop a second copy of a retry. */
    Delivery send(OutboundMail mail);
}
