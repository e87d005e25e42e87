package org.ticketpost.form;

import java.util.List;
import java.util.Map;

/**
 * Tells the language of a mail from the customer's own words (the text outside the labels),
 * the way a reader would at a glance. Labels only break a tie: customers often copy the
 * labels of the English template and write everything else in German.
 */
final class LanguageGuess {

    /** The first words of a mail tell its language; reading a whole log file for it would only cost time. */
    private static final int WORDS_READ = 120;

    private final List<String> languages;
    private final WordTable words;

    LanguageGuess(Map<String, LanguageHints> hints) {
        this.languages = List.copyOf(hints.keySet());
        this.words = new WordTable(languages.stream().map(language -> hints.get(language).words()).toList());
    }

    String of(String text, List<LabelScanner.Occurrence> labels) {
        Tally tally = new Tally(languages.size());
        int from = 0;
        for (LabelScanner.Occurrence label : labels) {
            countWords(text, from, label.labelStart(), tally);
            label.entry().language().ifPresent(language -> tally.labels[languages.indexOf(language)]++);
            from = Math.max(from, label.valueStart());
        }
        countWords(text, from, text.length(), tally);
        int best = languages.indexOf(SupportTemplate.DEFAULT_LANGUAGE);
        for (int language = 0; language < languages.size(); language++) {
            if (tally.ranksAbove(language, best)) {
                best = language;
            }
        }
        return languages.get(best);
    }

    private void countWords(String text, int from, int to, Tally tally) {
        int i = from;
        while (i < to && tally.wordsLeft > 0) {
            while (i < to && !Character.isLetter(text.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < to && Character.isLetter(text.charAt(i))) {
                i++;
            }
            if (i > start) {
                tally.wordsLeft--;
            }
            int marks = i > start ? words.marks(text, start, i) : 0;
            for (int language = 0; marks != 0; language++, marks >>>= 1) {
                tally.words[language] += marks & 1;
            }
        }
    }

    /** The words and the labels of each language found so far, and how many more words are worth reading. */
    private static final class Tally {
        final int[] words;
        final int[] labels;
        int wordsLeft = WORDS_READ;

        Tally(int languages) {
            words = new int[languages];
            labels = new int[languages];
        }

        /** More of the customer's words, or as many and more labels. */
        boolean ranksAbove(int language, int other) {
            return words[language] != words[other] ? words[language] > words[other] : labels[language] > labels[other];
        }
    }
}
