package org.ticketpost.mail;

/** A mail server's mailbox, as mailbox.url names it. */
interface Mailbox {

    /** Connects, logs in and opens the folder. */
    MailboxSession connect() throws MailboxException;
}
