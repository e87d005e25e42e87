package org.ticketpost.mail;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.net.IDN;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.ticketpost.intake.EmailAddress;

/**
 * The mailboxes of an address field (From, To, Cc, Reply-To), read by the RFC 5322 grammar.
 * A field that does not parse names no mailbox: guessing an address out of it would answer
 * whatever an encoded line break or a garbled name put there, and would let a sender look
 * like someone the mail server saw no proof of.
 */
final class Mailboxes {

    /** The longest address a mail server passes on (RFC 5321); a longer one cannot be answered. */
    private static final int ADDRESS_LENGTH = 254;
    /** A dot-atom (RFC 5322 §3.2.3): a local part that needs no quotes, and a mailbox of the sending host such as "MAILER-DAEMON". */
    private static final Pattern DOT_ATOM = Pattern.compile("[\\w!#$%&'*+/=?^`{|}~-]+(\\.[\\w!#$%&'*+/=?^`{|}~-]+)*",
            Pattern.UNICODE_CHARACTER_CLASS);

    private Mailboxes() {
    }

    /**
     * The mailboxes in an unfolded field value, with the members of groups. A mailbox without
     * domain counts only when the field names no other: in "Doe, Jane <jane@example.com>"
     * (an unquoted comma) "Doe" is a stray word, in "From: MAILER-DAEMON" the only sender.
     */
    static List<EmailAddress> in(String value) {
        List<InternetAddress> parsed = parsed(value);
        List<EmailAddress> found = new ArrayList<>();
        parsed.forEach(address -> withDomain(address).ifPresent(found::add));
        if (found.isEmpty() && parsed.size() == 1) {
            local(parsed.get(0)).ifPresent(found::add);
        }
        return found.stream().filter(mailbox -> mailbox.address().length() <= ADDRESS_LENGTH).toList();
    }

    /** The mailboxes of the field, each group replaced by its members; none when the field breaks the grammar. */
    private static List<InternetAddress> parsed(String value) {
        try {
            List<InternetAddress> mailboxes = new ArrayList<>();
            for (InternetAddress address : InternetAddress.parseHeader(value, true)) {
                mailboxes.addAll(address.isGroup() ? List.of(address.getGroup(true)) : List.of(address));
            }
            return mailboxes;
        } catch (AddressException e) {
            return List.of();
        }
    }

    /** The mailbox when it is local-part@domain with a domain a mail server can look up. */
    private static Optional<EmailAddress> withDomain(InternetAddress address) {
        String spec = address.getAddress() == null ? "" : withoutRoute(address.getAddress());
        int at = spec.lastIndexOf('@');
        if (at <= 0 || !isValid(address)) {
            return Optional.empty();
        }
        return hostName(spec.substring(at + 1))
                .map(domain -> new EmailAddress(localPart(spec.substring(0, at)) + "@" + domain, name(address)));
    }

    private static Optional<EmailAddress> local(InternetAddress address) {
        String spec = address.getAddress();
        return spec != null && DOT_ATOM.matcher(spec).matches() ? Optional.of(new EmailAddress(spec, name(address)))
                : Optional.empty();
    }

    private static boolean isValid(InternetAddress address) {
        try {
            address.validate();
            return true;
        } catch (AddressException e) {
            return false;
        }
    }

    /** The obsolete source route of "<@relay.example:jane@example.com>" names a relay, not the mailbox. */
    private static String withoutRoute(String spec) {
        return spec.startsWith("@") && spec.contains(":") ? spec.substring(spec.indexOf(':') + 1) : spec;
    }

    /**
     * "jane.doe" in quotes is the mailbox jane.doe (RFC 5322 §3.4.1), so it matches the address a
     * support key allows; a local part that needs its quotes keeps them.
     */
    private static String localPart(String local) {
        if (local.length() >= 2 && local.startsWith("\"") && local.endsWith("\"")) {
            String unquoted = local.substring(1, local.length() - 1).replaceAll("\\\\(.)", "$1");
            return DOT_ATOM.matcher(unquoted).matches() ? unquoted : local;
        }
        return local;
    }

    /**
     * The domain in its ASCII form (an IDN "bücher.example" as "xn--bcher-kva.example"), the form
     * support keys name and every mail server delivers to; empty when it is no host name.
     */
    private static Optional<String> hostName(String domain) {
        try {
            return Optional.of(IDN.toASCII(domain, IDN.USE_STD3_ASCII_RULES)).filter(ascii -> !ascii.isEmpty());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Jakarta Mail leaves a name encoded when it cannot decode it (e.g. base64 with surplus padding); mime4j is more lenient. */
    private static String name(InternetAddress address) {
        String personal = address.getPersonal();
        return HeaderText.oneLine(personal != null && personal.contains("=?") ? EncodedWords.decode(personal, TextDecoding.FALLBACK) : personal);
    }
}
