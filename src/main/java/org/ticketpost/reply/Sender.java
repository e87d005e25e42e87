package org.ticketpost.reply;

/** Who Ticketpost's mails come from, e.g. "Example Support" <support@example.com>. */
public record Sender(String address, String name) {

    /** The domain for Message-IDs of our own mails. */
    public String domain() {
        return address.substring(address.lastIndexOf('@') + 1);
    }
}
