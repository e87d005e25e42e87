package org.ticketpost.ticket;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What became of each mail read from a mailbox, so that a mail is taken in once, whatever its
 * flags on the server, and acknowledged there only after it was committed. A mailbox is named
 * without its password; a mail by the folder's UIDVALIDITY and its UID (IMAP), or by its UIDL
 * with UIDVALIDITY 0 (POP3).
 */
public interface IntakeLedger {

    /**
     * The folder as the ledger knows it. A folder, or a UIDVALIDITY, not seen before is recorded
     * now, with no UID taken in yet.
     */
    Folder open(String mailbox, long uidValidity, Instant now);

    /** The mails still in hand: taken in but not acknowledged, or waiting to be tried again. Few, whatever the folder holds. */
    List<LedgerEntry> unfinished(String mailbox, long uidValidity);

    /** The entries of these UIDs, by UID; a UID the ledger has not seen has none. */
    Map<String, LedgerEntry> find(String mailbox, long uidValidity, Collection<String> uids);

    /**
     * Takes the mail for one reader until {@code until}, where it is due (not seen before, or waiting
     * to be tried again) and no other reader holds it: two readers of one mailbox never take the same
     * mail in at the same time. A reader that dies holding a mail leaves it to be taken again once
     * {@code until} has passed; intake's duplicate check keeps a mail taken in twice to one ticket.
     *
     * @param entry      the mail as the reader saw it; {@link LedgerEntry#first} where the ledger had none
     * @param heldUntil  the end of the hold this reader has on the mail already, which it takes back (the
     *                   database failed while it took the mail in); it names the hold, and fails where another reader's replaced it
     * @return the mail's entry as it stands, now held by this reader; empty where it is not due or another reader won
     */
    Optional<LedgerEntry> claim(LedgerEntry entry, long uidNumber, Instant now, Instant until, Optional<Instant> heldUntil);

    /**
     * Moves the end of this reader's hold on a mail it still has in hand from {@code heldUntil} to
     * {@code until}, so that a reader alive and busy keeps its mail and one that died gives it up soon.
     *
     * @return false where the hold is no longer this reader's: the mail was finished, or the hold ran out and another took it
     */
    boolean extendHold(String mailbox, long uidValidity, String uid, Instant heldUntil, Instant until, Instant now);

    /**
     * Records the entry in place of the one of its UID.
     *
     * @param uidNumber an IMAP UID, which raises the folder's highest UID to it; 0 for POP3
     */
    void record(LedgerEntry entry, long uidNumber);

    /**
     * @param highestUid       every UID up to this one has its entry: a round asks the server only for the UIDs above it
     * @param firstConnectedAt when Ticketpost first read this mailbox, under any UIDVALIDITY
     * @param firstConnection  whether that is now: the mailbox was never read before
     */
    record Folder(long highestUid, Instant firstConnectedAt, boolean firstConnection) {
    }
}
