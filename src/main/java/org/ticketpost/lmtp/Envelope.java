package org.ticketpost.lmtp;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The argument of MAIL or RCPT: FROM:&lt;address&gt; or TO:&lt;address&gt;, then parameters such as SIZE=1024
 * (RFC 5321 4.1.2). A source route (&lt;@relay:user@example.com&gt;) is dropped, as RFC 5321 C asks.
 *
 * @param parameters keyword in upper case to value, empty for a keyword without one
 */
record Envelope(String address, Map<String, String> parameters) {

    Envelope {
        parameters = Map.copyOf(parameters);
    }

    /** @param keyword "FROM:" or "TO:" */
    static Optional<Envelope> parse(String argument, String keyword) {
        if (!argument.regionMatches(true, 0, keyword, 0, keyword.length())) {
            return Optional.empty();
        }
        String rest = argument.substring(keyword.length()).strip();   // some clients put a space after the colon
        int close = rest.indexOf('>');
        if (!rest.startsWith("<") || close < 0) {
            return Optional.empty();
        }
        String address = rest.substring(1, close);
        if (address.startsWith("@") && address.contains(":")) {
            address = address.substring(address.indexOf(':') + 1);
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String parameter : rest.substring(close + 1).strip().split(" +")) {
            if (parameter.isEmpty()) {
                continue;
            }
            int equals = parameter.indexOf('=');
            String name = (equals < 0 ? parameter : parameter.substring(0, equals)).toUpperCase(Locale.ROOT);
            parameters.put(name, equals < 0 ? "" : parameter.substring(equals + 1));
        }
        return address.contains(" ") ? Optional.empty() : Optional.of(new Envelope(address, parameters));
    }
}
