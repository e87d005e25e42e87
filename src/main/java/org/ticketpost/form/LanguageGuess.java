package org.ticketpost.form;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Tells the language of a mail from its words, the way a reader would at a glance.
 * Labels only tip the balance: customers often fill in an English template in German.
 */
final class LanguageGuess {

    private final Map<String, LanguageHints> languages;

    LanguageGuess(Map<String, LanguageHints> languages) {
        this.languages = languages;
    }

    String of(String text, List<LabelScanner.Occurrence> labels) {
        Map<String, Integer> score = new HashMap<>();
        int from = 0;
        for (LabelScanner.Occurrence label : labels) {
            countWords(text, from, label.labelStart(), score);
            label.entry().language().ifPresent(language -> score.merge(language, 1, Integer::sum));
            from = Math.max(from, label.valueStart());
        }
        countWords(text, from, text.length(), score);
        String best = SupportTemplate.DEFAULT_LANGUAGE;
        for (Map.Entry<String, Integer> candidate : score.entrySet()) {
            if (candidate.getValue() > score.getOrDefault(best, 0)) {
                best = candidate.getKey();
            }
        }
        return best;
    }

    private void countWords(String text, int from, int to, Map<String, Integer> score) {
        int i = from;
        while (i < to) {
            while (i < to && !Character.isLetter(text.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < to && Character.isLetter(text.charAt(i))) {
                i++;
            }
            if (i > start && i - start <= 12) {
                String word = text.substring(start, i).toLowerCase(Locale.ROOT);
                for (Map.Entry<String, LanguageHints> language : languages.entrySet()) {
                    if (language.getValue().words().contains(word)) {
                        score.merge(language.getKey(), 1, Integer::sum);
                    }
                }
            }
        }
    }
}
