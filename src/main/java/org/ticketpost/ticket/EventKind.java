package org.ticketpost.ticket;

/**
 * What happened to a ticket, as its history records it. A reply that reaches its recipient's mail
 * server is the expected course and adds nothing after REPLY_QUEUED; one that does not adds
 * REPLY_FAILED or REPLY_BOUNCED, for a person to act on.
 */
public enum EventKind {
    CREATED, MESSAGE_RECEIVED, REPLY_QUEUED, REPLY_WITHHELD, STATUS_CHANGED, SEVERITY_CHANGED, REOPENED,
    /** A reply will not be sent: refused for good by the mail server, or given up after retrying. */
    REPLY_FAILED,
    /** A reply was sent, and the recipient's mail server sent it back. */
    REPLY_BOUNCED,
    /** An operator had a failed or bounced reply sent again. */
    REPLY_RETRIED,
    /** An SLA clock reached its target: the note says whether in time or late. */
    CLOCK_MET,
    /** An SLA clock's due time moved with the ticket's severity: the old and the new. */
    CLOCK_MOVED,
    /** An SLA clock used up the plan's warning share of its time: the note says how much is left. */
    SLA_WARNING,
    /** An SLA clock ran out before its target was reached. */
    SLA_BREACHED,
    /** The ticket went to an engineer: the old and the new assignee's name. */
    ASSIGNED,
    /** The customer phoned in about a Severity 1 or 2 ticket: the new value names the caller, the note what was said. */
    ESCALATED,
    /** An engineer answered the customer: the answer is in the outbox, the new value names its recipient. */
    ANSWERED,
    /** An engineer kept a note on the ticket that the customer does not see. */
    NOTE_ADDED
}
