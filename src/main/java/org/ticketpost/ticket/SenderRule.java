package org.ticketpost.ticket;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Who may open tickets with a support key: one address (jane@example.com), everyone at a
 * domain (example.com or @example.com), or at a domain and its subdomains (*.example.com).
 */
public record SenderRule(String rule) {

    /** The longest address a mail server passes on (RFC 5321). */
    private static final int LENGTH = 254;
    private static final Pattern ADDRESS = Pattern.compile("[^@\\s]+@[a-z0-9.-]+\\.[a-z]{2,}|[^@\\s]+@[a-z0-9-]+");
    private static final Pattern DOMAIN = Pattern.compile("(\\*\\.)?([a-z0-9]([a-z0-9-]*[a-z0-9])?\\.)+[a-z]{2,}");

    public SenderRule {
        if (!ADDRESS.matcher(rule).matches() && !DOMAIN.matcher(rule).matches()) {
            throw new IllegalArgumentException("not an address or a domain: " + rule);
        }
    }

    /** The rule an operator wrote, or empty when it is neither an address nor a domain. */
    public static Optional<SenderRule> parse(String text) {
        String rule = text.strip().toLowerCase(Locale.ROOT);
        if (rule.startsWith("@")) {
            rule = rule.substring(1);
        }
        return rule.length() <= LENGTH && (ADDRESS.matcher(rule).matches() || DOMAIN.matcher(rule).matches())
                ? Optional.of(new SenderRule(rule))
                : Optional.empty();
    }

    public boolean allows(String address) {
        String sender = address.strip().toLowerCase(Locale.ROOT);
        if (rule.contains("@")) {
            return sender.equals(rule);
        }
        String domain = sender.substring(sender.lastIndexOf('@') + 1);
        if (rule.startsWith("*.")) {
            String parent = rule.substring(2);
            return domain.equals(parent) || domain.endsWith("." + parent);
        }
        return domain.equals(rule);
    }

    @Override
    public String toString() {
        return rule;
    }
}
