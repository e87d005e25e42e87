package org.ticketpost.mail;

import java.io.InputStream;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * One connection to a mailbox, IMAP or POP3 alike: what a round asks of it. Used by one thread,
 * but {@link #wake()}, {@link #prefetch} and the streams {@link #fetched} returns.
 */
interface MailboxSession extends AutoCloseable {

    /** The folder's UIDVALIDITY; 0 for POP3, whose UIDLs never change their meaning. */
    long uidValidity();

    /** What the log says of it once connected: how many mails the folder holds, how new mail is noticed. */
    String describe();

    /** Whether the server announces new mail (IMAP IDLE) rather than being asked for it. */
    boolean idles();

    /**
     * The mails to look at, in the order they arrived: those with a UID above {@code aboveUid} and
     * those of {@code alsoUids} still there (IMAP), or every mail (POP3, whose UIDLs have no order).
     */
    List<WaitingMail> list(long aboveUid, Collection<String> alsoUids) throws MailboxException;

    /** When the mail reached the mailbox, or for POP3 its Date field; empty where neither is known. */
    Optional<Instant> arrivedAt(WaitingMail mail) throws MailboxException;

    /**
     * Fetches these mails of the last listing ahead, in as few round trips as it can and no more
     * than fits in memory, for {@link #open} to serve; where the protocol gains nothing by it (POP3), nothing.
     * What the call before fetched is served still: this may run on another thread while those
     * mails are taken in, and the session waits for it before any other command.
     */
    void prefetch(List<WaitingMail> mails) throws MailboxException;

    /**
     * The mail's raw bytes as a stream, from {@link #prefetch} or read from the server as it is read
     * (never flagged \Seen by reading); empty: gone.
     */
    Optional<InputStream> open(WaitingMail mail) throws MailboxException;

    /**
     * The mail's raw bytes where {@link #prefetch} holds them in memory: a stream that, unlike
     * {@link #open}'s, any thread may read. Empty where the mail would be read from the server.
     */
    Optional<InputStream> fetched(WaitingMail mail);

    /** Flags, moves or deletes the mails, as configured, in one command where the protocol can; nothing for those gone already. */
    void acknowledge(List<WaitingMail> mails) throws MailboxException;

    /** Moves the mail to the error folder, and names it; empty where the protocol has no folders (POP3). */
    Optional<String> setAside(WaitingMail mail) throws MailboxException;

    /**
     * Waits until new mail is announced or {@link #wake()} is called (IMAP); returns false at once where
     * the session cannot wait and a new one must be opened to see new mail (POP3).
     */
    boolean awaitMail() throws MailboxException;

    /** Ends {@link #awaitMail()} early; called from another thread, it may wait for the command in hand to finish. */
    void wake();

    /** Ends the session; a POP3 session deletes what was acknowledged by deletion now. */
    @Override
    void close();
}
