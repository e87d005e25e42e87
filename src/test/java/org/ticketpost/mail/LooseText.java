package org.ticketpost.mail;

import java.text.Normalizer;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Compares texts as the corpus README advises: whitespace-insensitive, because every
 * expected body is some other program's normalised output (line wrapping, blank lines,
 * HTML rendering), while the words and their order are what matters. Bodies are compared
 * by their letters and digits only: link targets, rules and list markers are rendering.
 */
final class LooseText {

    /** How alike two long texts must be to count as the same text rendered differently. */
    static final double SAME = 0.9;
    private static final Pattern LINK = Pattern.compile("(?i)(https?://|mailto:|cid:)[^\\s<>\"\\]]+");

    private LooseText() {
    }

    /** The text without any whitespace, Unicode-normalised and without the replacement character. */
    static String squeezed(String text) {
        String normal = Normalizer.normalize(text, Normalizer.Form.NFC);
        StringBuilder out = new StringBuilder(normal.length());
        normal.codePoints()
                .filter(c -> !Character.isWhitespace(c) && !Character.isSpaceChar(c) && c != '\u200b' && c != '\ufeff')
                .forEach(out::appendCodePoint);
        return out.toString();
    }

    /** Whitespace runs as one space, trimmed: for subjects and names. */
    static String collapsed(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFC).replaceAll("[\\s\\u00a0]+", " ").strip();
    }

    /** Only the letters and digits of a text, without the addresses of links. */
    static String words(String text) {
        return squeezed(LINK.matcher(text).replaceAll(" ")).replaceAll("[^\\p{L}\\p{N}]", "");
    }

    static boolean same(String actual, String expected) {
        String a = words(actual);
        String e = words(expected);
        return a.equals(e) || similarity(a, e) >= SAME;
    }

    static boolean contains(String actual, String expected) {
        return words(actual).contains(words(expected));
    }

    /** Dice coefficient of the character trigrams: 1 for equal texts, 0 for texts without a common trigram. */
    static double similarity(String a, String b) {
        if (a.length() < 3 || b.length() < 3) {
            return a.equals(b) ? 1 : 0;
        }
        Set<String> left = trigrams(a);
        Set<String> right = trigrams(b);
        int common = 0;
        for (String trigram : left) {
            if (right.contains(trigram)) {
                common++;
            }
        }
        return 2.0 * common / (left.size() + right.size());
    }

    private static Set<String> trigrams(String text) {
        Set<String> trigrams = new HashSet<>();
        for (int i = 0; i + 3 <= text.length(); i++) {
            trigrams.add(text.substring(i, i + 3));
        }
        return trigrams;
    }
}
