package org.ticketpost.form;

import java.util.List;
import java.util.Set;

/**
 * What tells a language from the text of a mail.
 *
 * @param words    its commonest words, lower case
 * @param closings the phrases that open a mail's closing ("Best regards"), after which no field goes on
 */
public record LanguageHints(Set<String> words, List<String> closings) {
    public LanguageHints {
        words = Set.copyOf(words);
        closings = List.copyOf(closings);
    }
}
