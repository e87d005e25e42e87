package org.ticketpost.mail;

/**
 * A mail in the mailbox, as a round sees it before reading it.
 *
 * @param uid       how the intake ledger names it: the IMAP UID as digits, or the POP3 UIDL
 * @param uidNumber the IMAP UID; 0 for POP3, whose UIDLs have no order
 */
record WaitingMail(String uid, long uidNumber) {
}
