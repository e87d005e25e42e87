package org.ticketpost.http.api;

import java.time.Duration;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.ticketpost.desk.LengthOfTime;
import org.ticketpost.ticket.Status;
import org.ticketpost.ticket.TicketQuery;

/**
 * The query parameters of GET /api/tickets, read into a {@link TicketQuery}: the filters and the
 * page of tickets list, in the same forms, and the statuses, products and components a ticket
 * query knows besides. A parameter the list does not know, or a value out of its range, is a
 * {@link BadRequest}, not left out: a mistyped filter would otherwise list tickets it meant to hide.
 */
final class TicketListParameters {

    /** The range of offset, as the command line's: far beyond any list a person pages through. */
    static final int MAX_OFFSET = 1_000_000;

    static final Set<String> NAMES = Set.of("status", "severity", "product", "component", "customer", "breached", "due-within",
            "limit", "offset");

    private static final Map<String, Status> STATUSES = statuses();

    private TicketListParameters() {
    }

    static TicketQuery read(Map<String, List<String>> parameters) throws BadRequest {
        Set<String> unknown = new TreeSet<>(parameters.keySet());
        unknown.removeAll(NAMES);
        if (!unknown.isEmpty()) {
            throw new BadRequest("unknown query parameter(s) " + String.join(", ", unknown) + "; known are "
                    + NAMES.stream().sorted().collect(Collectors.joining(", ")));
        }
        TicketQuery query = TicketQuery.open();
        if (parameters.containsKey("status")) {
            query = query.withStatuses(statuses(parameters.get("status")));
        }
        String severity = single(parameters, "severity");
        if (severity != null) {
            query = query.withSeverity(whole("severity", severity, 1, 4));
        }
        String product = single(parameters, "product");
        if (product != null) {
            query = query.withProduct(product);
        }
        String component = single(parameters, "component");
        if (component != null) {
            query = query.withComponent(component);
        }
        String customer = single(parameters, "customer");
        if (customer != null) {
            query = query.withCustomer(customer);
        }
        String breached = single(parameters, "breached");
        if (breached != null && yes("breached", breached)) {
            query = query.breachedOnly();
        }
        String dueWithin = single(parameters, "due-within");
        if (dueWithin != null) {
            query = query.dueWithin(time("due-within", dueWithin));
        }
        String limit = single(parameters, "limit");
        String offset = single(parameters, "offset");
        return query.page(limit == null ? query.limit() : whole("limit", limit, 1, TicketQuery.MAX_LIMIT),
                offset == null ? query.offset() : whole("offset", offset, 0, MAX_OFFSET));
    }

    private static String single(Map<String, List<String>> parameters, String name) throws BadRequest {
        List<String> values = parameters.get(name);
        if (values == null || values.isEmpty()) {
            return null;
        }
        if (values.size() > 1) {
            throw new BadRequest(name + " is given " + values.size() + " times; give it once");
        }
        return values.get(0);
    }

    /** "open", "waiting", …; several as status=open&status=waiting or status=open,waiting. */
    private static Set<Status> statuses(List<String> values) throws BadRequest {
        Set<Status> statuses = EnumSet.noneOf(Status.class);
        for (String value : values) {
            for (String word : value.split(",")) {
                Status status = STATUSES.get(word.strip().toLowerCase(Locale.ROOT));
                if (status == null) {
                    throw new BadRequest("status must be one of " + String.join(", ", STATUSES.keySet()) + ", was '" + word + "'");
                }
                statuses.add(status);
            }
        }
        return statuses;
    }

    private static int whole(String name, String value, int lowest, int highest) throws BadRequest {
        try {
            int number = Integer.parseInt(value.strip());
            if (number >= lowest && number <= highest) {
                return number;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new BadRequest(name + " must be a whole number from " + lowest + " to " + highest + ", was '" + value + "'");
    }

    /** "breached" alone, "true" or "false". */
    private static boolean yes(String name, String value) throws BadRequest {
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "", "true" -> true;
            case "false" -> false;
            default -> throw new BadRequest(name + " must be true or false, was '" + value + "'");
        };
    }

    /** As tickets list --due-within takes it: 30m, 2h, 1d, or ISO-8601 (PT2H). */
    private static Duration time(String name, String value) throws BadRequest {
        return LengthOfTime.parse(value)
                .orElseThrow(() -> new BadRequest(name + " must be " + LengthOfTime.EXPECTED + ", was '" + value + "'"));
    }

    /** The words of a status in a query: its label's first word, "waiting" for waiting for customer. */
    private static Map<String, Status> statuses() {
        Map<String, Status> words = new LinkedHashMap<>();
        for (Status status : Status.values()) {
            words.put(status.label().split(" ")[0], status);
        }
        return words;
    }
}
