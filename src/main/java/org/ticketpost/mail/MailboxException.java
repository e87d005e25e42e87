package org.ticketpost.mail;

/**
 * The mailbox cannot be used now: the server is unreachable, refused the login, or the
 * connection broke. The reader connects again after a pause; nothing was acknowledged.
 */
final class MailboxException extends Exception {

    private final boolean loginRefused;

    MailboxException(String message, boolean loginRefused, Throwable cause) {
        super(message, cause);
        this.loginRefused = loginRefused;
    }

    MailboxException(String message, Throwable cause) {
        this(message, false, cause);
    }

    /** The server refused the user or password: waiting helps only once the operator has mended them. */
    boolean loginRefused() {
        return loginRefused;
    }
}
