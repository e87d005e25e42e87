package org.ticketpost.form;

import java.nio.CharBuffer;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * Words, each with a set of marks (bits), that can be asked about a word inside a longer
 * text without cutting it out first and without regard to case: telling a mail's language
 * looks up every word of it, and finding labels every word before a colon.
 */
final class WordTable {

    private final char[][] words;
    private final int[] marks;
    private final int mask;
    private int shortest = Integer.MAX_VALUE;
    private int longest;

    /** Each word of the collection at index i carries the mark 1 << i. */
    WordTable(List<? extends Collection<String>> wordsByMark) {
        int count = wordsByMark.stream().mapToInt(Collection::size).sum();
        int size = Integer.highestOneBit(Math.max(4, count * 4) - 1) << 1;
        this.words = new char[size][];
        this.marks = new int[size];
        this.mask = size - 1;
        for (int mark = 0; mark < wordsByMark.size(); mark++) {
            for (String word : wordsByMark.get(mark)) {
                char[] chars = word.toLowerCase(Locale.ROOT).toCharArray();
                int slot = hash(CharBuffer.wrap(chars), 0, chars.length) & mask;
                while (words[slot] != null && !Arrays.equals(words[slot], chars)) {
                    slot = (slot + 1) & mask;
                }
                words[slot] = chars;
                marks[slot] |= 1 << mark;
                shortest = Math.min(shortest, chars.length);
                longest = Math.max(longest, chars.length);
            }
        }
    }

    /** The marks of text[start, end), or 0 when it is none of the words. */
    int marks(CharSequence text, int start, int end) {
        if (end - start < shortest || end - start > longest) {
            return 0;
        }
        int slot = hash(text, start, end) & mask;
        for (char[] word = words[slot]; word != null; word = words[slot = (slot + 1) & mask]) {
            if (matches(word, text, start, end)) {
                return marks[slot];
            }
        }
        return 0;
    }

    private static boolean matches(char[] word, CharSequence text, int start, int end) {
        if (word.length != end - start) {
            return false;
        }
        for (int i = 0; i < word.length; i++) {
            if (word[i] != lower(text.charAt(start + i))) {
                return false;
            }
        }
        return true;
    }

    /** Lower case, the common ASCII letters without the look-up in the Unicode tables. */
    private static char lower(char c) {
        if (c < 128) {
            return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
        }
        return Character.toLowerCase(c);
    }

    private static int hash(CharSequence text, int start, int end) {
        int hash = 0;
        for (int i = start; i < end; i++) {
            hash = 31 * hash + lower(text.charAt(i));
        }
        return hash ^ (hash >>> 16);
    }
}
