package org.ticketpost.intake;

/**
 * What became of one delivery of a mail. Each door maps it to its own terms: an exit code for
 * a mail server's pipe, an SMTP reply, a message acknowledged or left unread in a mailbox.
 */
public sealed interface Delivery {

    /** Taken in and committed: the sender may forget the mail. The outcome says what it became. */
    record Accepted(Outcome outcome) implements Delivery {
    }

    /** Not a mail that can be read: delivering it again would fail the same way, so it is refused. */
    record NotAMail(String reason) implements Delivery {
    }

    /**
     * Nothing was stored: the sender keeps the mail and delivers it again later.
     *
     * @param storeDown whether the database or the disk failed, which the mails after this one will
     *                  meet too; otherwise this mail alone failed (a concurrent change, an internal error)
     */
    record TryLater(String cause, boolean storeDown) implements Delivery {
    }
}
