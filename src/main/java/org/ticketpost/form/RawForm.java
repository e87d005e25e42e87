package org.ticketpost.form;

import java.util.Map;

/**
 * The template as found in a mail, before any check.
 *
 * @param language the mail's language code
 * @param values   the text after each label found, by field name
 */
public record RawForm(String language, Map<String, String> values) {
    public RawForm {
        values = Map.copyOf(values);
    }
}
