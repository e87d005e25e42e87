package org.ticketpost.ticket;

/** What happened to a ticket, as its history records it. */
public enum EventKind {
    CREATED, MESSAGE_RECEIVED, REPLY_QUEUED, REPLY_WITHHELD, STATUS_CHANGED, SEVERITY_CHANGED, REOPENED
}
