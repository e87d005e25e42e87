package org.ticketpost.ticket;

/**
 * Where an SLA clock stands. It follows the ticket's status: it runs while the ticket is new or
 * open, is paused while the ticket waits for the customer, and is stopped while the ticket is
 * resolved or closed; the first-response clock is met once the customer is answered.
 */
public enum ClockState {
    RUNNING, PAUSED, MET, STOPPED
}
