package org.ticketpost.form;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Tells the language of a mail from its words, the way a reader would at a glance.
 * Labels only tip the balance: customers often fill in an English template in German.
 */
final class LanguageGuess {

    /** The first words of a mail tell its language; reading a whole log file for it would only cost time. */
    private static final int WORDS_READ = 200;
    private static final int LONGEST_WORD = 14;

    private final List<String> languages;
    private final WordTable words;

    LanguageGuess(Map<String, LanguageHints> hints) {
        this.languages = List.copyOf(hints.keySet());
        this.words = new WordTable(languages.stream().map(language -> hints.get(language).words()).toList());
    }

    String of(String text, List<LabelScanner.Occurrence> labels) {
        Map<String, Integer> score = new HashMap<>();
        int[] wordsLeft = {WORDS_READ};
        int from = 0;
        for (LabelScanner.Occurrence label : labels) {
            countWords(text, from, label.labelStart(), score, wordsLeft);
            label.entry().language().ifPresent(language -> score.merge(language, 1, Integer::sum));
            from = Math.max(from, label.valueStart());
        }
        countWords(text, from, text.length(), score, wordsLeft);
        String best = SupportTemplate.DEFAULT_LANGUAGE;
        for (Map.Entry<String, Integer> candidate : score.entrySet()) {
            if (candidate.getValue() > score.getOrDefault(best, 0)) {
                best = candidate.getKey();
            }
        }
        return best;
    }

    private void countWords(String text, int from, int to, Map<String, Integer> score, int[] wordsLeft) {
        int i = from;
        while (i < to && wordsLeft[0] > 0) {
            while (i < to && !Character.isLetter(text.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < to && Character.isLetter(text.charAt(i))) {
                i++;
            }
            if (i > start) {
                wordsLeft[0]--;
            }
            int marks = i > start && i - start <= LONGEST_WORD ? words.marks(text, start, i) : 0;
            for (int language = 0; marks != 0; language++, marks >>>= 1) {
                if ((marks & 1) != 0) {
                    score.merge(languages.get(language), 1, Integer::sum);
                }
            }
        }
    }
}
