package org.ticketpost.http.web;

import io.javalin.http.Context;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.ticketpost.ticket.Status;
import org.ticketpost.ticket.TicketQuery;

/**
 * The list's filters, as the form below its heading sends them in the address: what
 * `ticketpost tickets list` takes as options. A value that is no filter is named and left out.
 */
record TicketFilter(String status, String severity, String product, String component, String customer, String assignee,
        boolean escalated, boolean breached, String dueWithin, List<String> problems) {

    /** The due-within choices the form offers, in hours. */
    static final List<String> DUE_WITHIN_HOURS = List.of("1", "4", "8", "24");

    static TicketFilter from(Context context) {
        return new TicketFilter(param(context, "status"), param(context, "severity"), param(context, "product"),
                param(context, "component"), param(context, "customer"), param(context, "assignee"),
                "on".equals(context.queryParam("escalated")), "on".equals(context.queryParam("breached")),
                param(context, "due"), new ArrayList<>());
    }

    TicketQuery query() {
        TicketQuery query = TicketQuery.open();
        if (status.equals("all")) {
            query = query.withStatuses(EnumSet.allOf(Status.class));
        } else if (!status.isEmpty()) {
            Optional<Status> only = statusNamed(status);
            if (only.isPresent()) {
                query = query.withStatuses(EnumSet.of(only.get()));
            } else {
                problems.add("status '" + status + "' is none of the statuses");
            }
        }
        if (!severity.isEmpty()) {
            if (severity.matches("[1-4]")) {
                query = query.withSeverity(Integer.parseInt(severity));
            } else {
                problems.add("severity must be 1 to 4, was '" + severity + "'");
            }
        }
        query = product.isEmpty() ? query : query.withProduct(product);
        query = component.isEmpty() ? query : query.withComponent(component);
        query = customer.isEmpty() ? query : query.withCustomer(customer);
        query = assignee.isEmpty() ? query : query.withAssignee(assignee);
        query = escalated ? query.escalatedOnly() : query;
        query = breached ? query.breachedOnly() : query;
        if (!dueWithin.isEmpty()) {
            if (DUE_WITHIN_HOURS.contains(dueWithin)) {
                query = query.dueWithin(Duration.ofHours(Integer.parseInt(dueWithin)));
            } else {
                problems.add("due within must be one of " + String.join(", ", DUE_WITHIN_HOURS) + " hours, was '" + dueWithin + "'");
            }
        }
        return query;
    }

    private static Optional<Status> statusNamed(String name) {
        return EnumSet.allOf(Status.class).stream().filter(status -> status.name().equalsIgnoreCase(name)).findFirst();
    }

    private static String param(Context context, String name) {
        String value = context.queryParam(name);
        return value == null ? "" : value.strip();
    }
}
