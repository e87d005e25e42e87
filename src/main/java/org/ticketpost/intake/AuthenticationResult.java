package org.ticketpost.intake;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One result a receiving mail server reports in an Authentication-Results field (RFC 8601), such
 * as {@code dkim=pass header.d=example.com}.
 *
 * @param method     the method in lower case: spf, dkim, dmarc, …
 * @param result     the result in lower case: pass, fail, none, …
 * @param properties the properties by {@code ptype.property} in lower case (smtp.mailfrom, header.d, header.from), each value as written
 */
public record AuthenticationResult(String method, String result, Map<String, String> properties) {

    public AuthenticationResult {
        method = method.toLowerCase(Locale.ROOT);
        result = result.toLowerCase(Locale.ROOT);
        properties = Map.copyOf(properties);
    }

    public boolean is(String method, String result) {
        return this.method.equals(method) && this.result.equals(result);
    }

    /** The domain a property names: all of a domain, or the part after the @ of an address; lower case. */
    public Optional<String> domain(String property) {
        return Optional.ofNullable(properties.get(property))
                .map(value -> value.substring(value.lastIndexOf('@') + 1).toLowerCase(Locale.ROOT))
                .map(domain -> domain.endsWith(".") ? domain.substring(0, domain.length() - 1) : domain)
                .filter(domain -> !domain.isEmpty());
    }
}
