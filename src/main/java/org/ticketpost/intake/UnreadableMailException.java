package org.ticketpost.intake;

/** The input is not a mail that can be read: empty, binary, without a header section, or broken beyond repair. */
public final class UnreadableMailException extends Exception {
    public UnreadableMailException(String reason) {
        super(reason);
    }
}
