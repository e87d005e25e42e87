package org.ticketpost.reply;

/**
 * Who Ticketpost's mails come from, e.g. "Example Support" &lt;support@example.com&gt;, and where
 * their bounces go.
 */
public record Sender(String address, String name, ReturnPath returnPath) {

    /** Bounces go to an address of each mail's own, derived from the sender's: support+bounce-…@example.com. */
    public Sender(String address, String name) {
        this(address, name, ReturnPath.derivedFrom(address));
    }

    /** The domain for Message-IDs of our own mails. */
    public String domain() {
        return address.substring(address.lastIndexOf('@') + 1);
    }
}
