package org.ticketpost.form;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A support template as understood and checked.
 *
 * @param language the mail's language code
 * @param values   by field name, in template order: the normalised value where it is valid,
 *                 the customer's text where it is not; fields given no value are absent
 * @param problems one per field that is missing or wrong; empty when the request can become a ticket
 */
public record FilledForm(String language, Map<String, String> values, List<Problem> problems) {

    public FilledForm {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        problems = List.copyOf(problems);
    }

    public boolean isValid() {
        return problems.isEmpty();
    }

    public Optional<String> value(String field) {
        return Optional.ofNullable(values.get(field));
    }

    /** The same form with further problems, e.g. those the key registry found. */
    public FilledForm withProblems(List<Problem> more) {
        List<Problem> all = new ArrayList<>(problems);
        all.addAll(more);
        return new FilledForm(language, values, all);
    }
}
