package org.ticketpost.intake;

/** Whether intake answers a mail by itself (a confirmation, a rejection), or takes it in silently. */
public enum AutomaticReplies {
    /** As every door does: the customer hears at once what became of the mail. */
    SEND,
    /**
     * For mail that waited long before Ticketpost first read its mailbox: its sender has moved on,
     * and a flood of late confirmations would help nobody. The ticket's history says so.
     */
    WITHHOLD
}
