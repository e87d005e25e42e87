package org.ticketpost.ticket;

import java.time.Duration;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Which tickets to list, the escalated first, then the nearest SLA due time, then the newest, and which page of them: by default the open ones,
 * {@value #DEFAULT_LIMIT} at a time. Each filter that is given narrows the list.
 *
 * @param statuses  the statuses to list; by default those still to be worked on
 * @param severity  only tickets of this severity, 1 to 4
 * @param product   only tickets for this product, ignoring case
 * @param component only tickets for this component, ignoring case
 * @param customer  only tickets of customers whose name contains this, ignoring case
 * @param assignee  only tickets assigned to the engineer of this name, as {@link Engineer#normalName} gives it
 * @param escalated only tickets the customer escalated by phone
 * @param breached  only tickets with a breached SLA clock
 * @param dueWithin only tickets with a running SLA clock due within this time, or overdue
 * @param limit     at most this many, 1 to {@value #MAX_LIMIT}
 * @param offset    after skipping this many
 */
public record TicketQuery(Set<Status> statuses, OptionalInt severity, Optional<String> product, Optional<String> component,
        Optional<String> customer, Optional<String> assignee, boolean escalated, boolean breached, Optional<Duration> dueWithin, int limit, int offset) {

    public static final int DEFAULT_LIMIT = 200;
    public static final int MAX_LIMIT = 10_000;

    public TicketQuery {
        if (statuses.isEmpty()) {
            throw new IllegalArgumentException("a ticket list needs at least one status");
        }
        statuses = Set.copyOf(statuses);
        if (severity.isPresent() && (severity.getAsInt() < 1 || severity.getAsInt() > 4)) {
            throw new IllegalArgumentException("severity is 1 to 4, was " + severity.getAsInt());
        }
        if (dueWithin.isPresent() && dueWithin.get().isNegative()) {
            throw new IllegalArgumentException("due within a time of zero or more, was " + dueWithin.get());
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit is 1 to " + MAX_LIMIT + ", was " + limit);
        }
        if (offset < 0) {
            throw new IllegalArgumentException("offset is 0 or more, was " + offset);
        }
        product = product.map(String::strip).filter(text -> !text.isEmpty());
        component = component.map(String::strip).filter(text -> !text.isEmpty());
        customer = customer.map(String::strip).filter(text -> !text.isEmpty());
        assignee = assignee.map(Engineer::normalName).filter(text -> !text.isEmpty());
    }

    /** The open tickets, the first page. */
    public static TicketQuery open() {
        Set<Status> open = EnumSet.noneOf(Status.class);
        Arrays.stream(Status.values()).filter(Status::isOpen).forEach(open::add);
        return new TicketQuery(open, OptionalInt.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), false, false, Optional.empty(), DEFAULT_LIMIT, 0);
    }

    public TicketQuery withStatuses(Set<Status> only) {
        return new TicketQuery(only, severity, product, component, customer, assignee, escalated, breached, dueWithin, limit, offset);
    }

    public TicketQuery withSeverity(int only) {
        return new TicketQuery(statuses, OptionalInt.of(only), product, component, customer, assignee, escalated, breached, dueWithin, limit, offset);
    }

    public TicketQuery withProduct(String only) {
        return new TicketQuery(statuses, severity, Optional.of(only), component, customer, assignee, escalated, breached, dueWithin, limit, offset);
    }

    public TicketQuery withComponent(String only) {
        return new TicketQuery(statuses, severity, product, Optional.of(only), customer, assignee, escalated, breached, dueWithin, limit, offset);
    }

    public TicketQuery withCustomer(String nameContains) {
        return new TicketQuery(statuses, severity, product, component, Optional.of(nameContains), assignee, escalated, breached, dueWithin, limit, offset);
    }

    /** @param engineer the name as typed: names are the same in any case */
    public TicketQuery withAssignee(String engineer) {
        return new TicketQuery(statuses, severity, product, component, customer, Optional.of(engineer), escalated, breached, dueWithin,
                limit, offset);
    }

    public TicketQuery escalatedOnly() {
        return new TicketQuery(statuses, severity, product, component, customer, assignee, true, breached, dueWithin, limit, offset);
    }

    public TicketQuery breachedOnly() {
        return new TicketQuery(statuses, severity, product, component, customer, assignee, escalated, true, dueWithin, limit, offset);
    }

    public TicketQuery dueWithin(Duration time) {
        return new TicketQuery(statuses, severity, product, component, customer, assignee, escalated, breached, Optional.of(time), limit, offset);
    }

    public TicketQuery page(int newLimit, int newOffset) {
        return new TicketQuery(statuses, severity, product, component, customer, assignee, escalated, breached, dueWithin, newLimit, newOffset);
    }
}
