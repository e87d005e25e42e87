package org.ticketpost.mail;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ticketpost.intake.EmailAddress;

/** The mailboxes of an address field (From, To, Cc, Reply-To), as far as they can be answered. */
final class Mailboxes {

    /** The longest address a mail server passes on (RFC 5321); a longer one cannot be answered. */
    private static final int ADDRESS_LENGTH = 254;
    private static final Pattern ANGLE_ADDRESS = Pattern.compile("<([^\\s<>\",;:()]+@[^\\s<>\",;:()]+)>");
    private static final Pattern BARE_ADDRESS = Pattern.compile("[^\\s<>\",;:()]+@[^\\s<>\",;:()]+");
    /** A mailbox of the sending host, such as "MAILER-DAEMON" or a cron job's "root". */
    private static final Pattern LOCAL_MAILBOX = Pattern.compile("[^\\s<>\",;:()@\\[\\]]+");

    private Mailboxes() {
    }

    /**
     * The mailboxes in an unfolded field value, with the members of groups. A mailbox without
     * domain counts only when the field names no other: in "Doe, Jane <jane@example.com>"
     * (an unquoted comma) "Doe" is a stray word, in "From: MAILER-DAEMON" the only sender.
     */
    static List<EmailAddress> in(String value) {
        List<EmailAddress> found = withDomain(value);
        if (found.isEmpty()) {
            found = local(value);
        }
        return found.stream().filter(mailbox -> mailbox.address().length() <= ADDRESS_LENGTH).toList();
    }

    private static List<EmailAddress> withDomain(String value) {
        List<EmailAddress> found = new ArrayList<>();
        try {
            for (InternetAddress address : InternetAddress.parseHeader(value, false)) {
                if (address.isGroup()) {
                    add(found, address.getGroup(false));
                } else {
                    add(found, address);
                }
            }
        } catch (AddressException e) {
            found.clear();
        }
        if (found.isEmpty()) {
            // unparseable: the addresses in angle brackets, which a garbled display name cannot fake, else any
            found = matches(ANGLE_ADDRESS, value);
            if (found.isEmpty()) {
                found = matches(BARE_ADDRESS, value);
            }
        }
        return found;
    }

    /** Every match of the pattern, or of its group 1 where it has one, as an address. */
    private static List<EmailAddress> matches(Pattern address, String value) {
        List<EmailAddress> found = new ArrayList<>();
        Matcher matcher = address.matcher(value);
        while (matcher.find()) {
            found.add(EmailAddress.of(matcher.group(matcher.groupCount())));
        }
        return found;
    }

    /** Jakarta Mail leaves a name encoded when it cannot decode it (e.g. base64 with surplus padding); mime4j is more lenient. */
    private static String name(InternetAddress address) {
        String personal = address.getPersonal();
        return HeaderText.oneLine(personal != null && personal.contains("=?") ? EncodedWords.decode(personal, TextDecoding.FALLBACK) : personal);
    }

    private static List<EmailAddress> local(String value) {
        try {
            List<EmailAddress> found = new ArrayList<>();
            for (InternetAddress address : InternetAddress.parseHeader(value, false)) {
                if (!address.isGroup() && address.getAddress() != null && LOCAL_MAILBOX.matcher(address.getAddress()).matches()) {
                    found.add(new EmailAddress(address.getAddress(), name(address)));
                }
            }
            return found;
        } catch (AddressException e) {
            return List.of();
        }
    }

    private static void add(List<EmailAddress> found, InternetAddress... addresses) {
        for (InternetAddress address : addresses) {
            // lenient parsing passes "Jane <jane@example.com" whole: no mailbox that could be answered
            if (address.getAddress() != null && BARE_ADDRESS.matcher(address.getAddress()).matches()) {
                found.add(new EmailAddress(address.getAddress(), name(address)));
            }
        }
    }
}
