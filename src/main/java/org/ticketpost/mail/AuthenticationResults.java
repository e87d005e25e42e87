package org.ticketpost.mail;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.ticketpost.intake.AuthenticationResult;

/**
 * Reads an Authentication-Results field (RFC 8601 §2.2): the authserv-id of the server that
 * checked the mail, an optional version, and either "none" or results such as
 * {@code dkim=pass (good signature) header.d=example.com}, each after a semicolon, with comments
 * and quoted strings anywhere. Results may carry a method version ({@code dkim/1}), a
 * {@code reason=} and properties {@code ptype.property=value}; a bare {@code keyword=value}
 * some servers add ({@code action=none}) is passed over.
 *
 * <p>A field that does not follow the grammar says nothing that can be relied on: it is
 * unreadable as a whole, as is one of a version other than 1, whose meaning this reader cannot
 * know, and one without an authserv-id (whose first word is already a result).
 */
final class AuthenticationResults {

    /** One field as read. */
    record Field(String authservId, List<AuthenticationResult> results) {
    }

    /** What "none" says: the server checked nothing. */
    private static final AuthenticationResult NO_RESULT = new AuthenticationResult("none", "none", Map.of());

    private AuthenticationResults() {
    }

    static Optional<Field> read(String value) {
        FieldCursor in = new FieldCursor(value);
        Optional<String> authservId = in.value(";").filter(id -> !id.contains("="));
        if (authservId.isEmpty()) {
            return Optional.empty();
        }
        if (!in.atEnd() && !in.next(';')) {
            Optional<String> version = in.value(";");
            if (!version.equals(Optional.of("1"))) {
                return Optional.empty();
            }
        }
        List<AuthenticationResult> results = new ArrayList<>();
        while (in.take(';')) {
            if (in.atEnd() || in.next(';')) {
                continue;   // an empty result, as a trailing semicolon leaves
            }
            Optional<AuthenticationResult> result = result(in);
            if (result.isEmpty()) {
                return Optional.empty();
            }
            if (result.get() != NO_RESULT) {
                results.add(result.get());
            }
        }
        return in.atEnd() ? Optional.of(new Field(authservId.get(), results)) : Optional.empty();
    }

    /** "none", or method[/version]=result, then reason= and ptype.property= pairs up to the next semicolon. */
    private static Optional<AuthenticationResult> result(FieldCursor in) {
        Optional<String> method = in.value(";=/.");
        if (method.isEmpty()) {
            return Optional.empty();
        }
        if (method.get().equalsIgnoreCase("none") && (in.atEnd() || in.next(';'))) {
            return Optional.of(NO_RESULT);
        }
        if (in.take('/') && in.value(";=").isEmpty()) {
            return Optional.empty();
        }
        Optional<String> result = in.take('=') ? in.value(";") : Optional.empty();
        if (result.isEmpty()) {
            return Optional.empty();
        }
        Map<String, String> properties = new LinkedHashMap<>();
        while (!in.atEnd() && !in.next(';')) {
            Optional<String> name = in.value(";=.");
            String key = name.orElse("");
            if (in.take('.')) {
                key = key + "." + in.value(";=").orElse("");
            }
            if (name.isEmpty() || key.endsWith(".") || !in.take('=')) {
                return Optional.empty();
            }
            Optional<String> propertyValue = in.value(";");
            if (propertyValue.isEmpty() && !in.next(';') && !in.atEnd()) {
                return Optional.empty();
            }
            if (key.contains(".")) {
                properties.putIfAbsent(key.toLowerCase(Locale.ROOT), propertyValue.orElse(""));
            }
        }
        return Optional.of(new AuthenticationResult(method.get(), result.get(), properties));
    }
}
