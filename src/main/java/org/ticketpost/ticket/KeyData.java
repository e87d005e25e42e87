package org.ticketpost.ticket;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** The data of a support key as an operator gives it, checked. */
public record KeyData(String key, String customer, String plan, List<SenderRule> senders, Optional<LocalDate> validUntil) {

    /** As long as a customer's name may be, in support_key.customer. */
    public static final int CUSTOMER_LENGTH = 200;

    /** Checked data, or every mistake in it, one sentence each. */
    public record Reading(Optional<KeyData> data, List<String> problems) {
    }

    public KeyData {
        senders = List.copyOf(senders);
    }

    /**
     * Reads the fields as typed.
     *
     * @param format the support template's key format, against the upper-cased key
     * @param plans  the plans of config/sla-plans.yaml
     */
    public static Reading read(String key, String customer, String plan, Collection<String> allow, String validUntil,
            Pattern format, Collection<String> plans) {
        List<String> problems = new ArrayList<>();
        String normalKey = key == null ? "" : key.strip().toUpperCase(Locale.ROOT);
        if (!format.matcher(normalKey).matches()) {
            problems.add("key '" + key + "' does not have the form of a support key (" + format.pattern() + ")");
        }
        String normalCustomer = customer == null ? "" : customer.strip();
        if (normalCustomer.isEmpty()) {
            problems.add("customer is missing");
        } else if (normalCustomer.length() > CUSTOMER_LENGTH) {
            problems.add("customer is longer than " + CUSTOMER_LENGTH + " characters");
        }
        String normalPlan = plan == null ? "" : plan.strip();
        if (!plans.contains(normalPlan)) {
            problems.add("plan '" + normalPlan + "' is not one of " + String.join(", ", plans));
        }
        List<SenderRule> senders = new ArrayList<>();
        for (String rule : allow) {
            if (rule.isBlank()) {
                continue;
            }
            Optional<SenderRule> sender = SenderRule.parse(rule);
            if (sender.isEmpty()) {
                problems.add("'" + rule.strip() + "' is neither an address nor a domain");
            } else if (!senders.contains(sender.get())) {
                senders.add(sender.get());
            }
        }
        if (senders.isEmpty() && problems.stream().noneMatch(problem -> problem.contains("neither an address"))) {
            problems.add("no allowed sender: give at least one address or domain");
        }
        Optional<LocalDate> until = Optional.empty();
        if (validUntil != null && !validUntil.isBlank()) {
            try {
                until = Optional.of(LocalDate.parse(validUntil.strip()));
            } catch (DateTimeParseException e) {
                problems.add("valid-until '" + validUntil.strip() + "' is not a date such as 2027-12-31");
            }
        }
        return problems.isEmpty()
                ? new Reading(Optional.of(new KeyData(normalKey, normalCustomer, normalPlan, senders, until)), problems)
                : new Reading(Optional.empty(), problems);
    }
}
