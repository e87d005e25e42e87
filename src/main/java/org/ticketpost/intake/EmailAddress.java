package org.ticketpost.intake;

import java.util.Locale;
import java.util.Objects;

/**
 * A mailbox: its address, in lower case so that two spellings of one mailbox are equal,
 * and the display name it came with (possibly empty).
 */
public record EmailAddress(String address, String name) {

    public EmailAddress {
        Objects.requireNonNull(address, "address");
        address = address.strip().toLowerCase(Locale.ROOT);
        name = name == null ? "" : name.strip();
    }

    public static EmailAddress of(String address) {
        return new EmailAddress(address, "");
    }

    /** The part after the @, or empty for a local address. */
    public String domain() {
        int at = address.lastIndexOf('@');
        return at < 0 ? "" : address.substring(at + 1);
    }

    public boolean hasDomain() {
        return !domain().isEmpty();
    }

    public String localPart() {
        int at = address.lastIndexOf('@');
        return at < 0 ? address : address.substring(0, at);
    }

    /**
     * The mailbox without its tag: jane+support@example.com is jane@example.com, where most mail
     * servers deliver it. A quoted local part is left as it is.
     */
    public String withoutTag() {
        String local = localPart();
        int plus = local.indexOf('+');
        return plus <= 0 || local.startsWith("\"") || !hasDomain() ? address : local.substring(0, plus) + "@" + domain();
    }

    /** "Jane Doe <jane@example.com>", or the bare address when there is no name. */
    @Override
    public String toString() {
        return name.isEmpty() ? address : name + " <" + address + ">";
    }
}
