package org.ticketpost.form;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** Reads the support template out of a mail's text, as a careful support engineer would. */
public final class FormReader {

    private static final Pattern PUNCTUATION_AND_SPACE = Pattern.compile("[\\p{Punct}\\s]+");

    private final LabelScanner scanner;
    private final LanguageGuess languageGuess;
    private final List<String> closings;

    public FormReader(SupportTemplate template) {
        this.closings = template.languages().values().stream().flatMap(hints -> hints.closings().stream()).toList();
        this.scanner = new LabelScanner(new LabelIndex(template.fields()));
        this.languageGuess = new LanguageGuess(template.languages());
    }

    public RawForm read(String mailText) {
        String text = QuoteStripper.ownText(mailText, this::fieldLabelled);
        List<LabelScanner.Occurrence> labels = scanner.scan(text);
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < labels.size(); i++) {
            LabelScanner.Occurrence label = labels.get(i);
            boolean last = i + 1 == labels.size();
            int end = last ? text.length() : labels.get(i + 1).labelStart();
            if (!label.lineStart()) {
                end = lineEnd(text, label.valueStart(), end);   // a template run together is one paragraph
            }
            String region = text.substring(Math.min(label.valueStart(), end), end);
            if (last) {
                region = beforeClosing(region);
            }
            String value = label.field().multiline() ? block(region) : firstLine(region);
            if (!value.isEmpty()) {
                values.put(label.field().name(), value);
            }
        }
        return new RawForm(languageGuess.of(text, labels), values);
    }

    private Optional<String> fieldLabelled(String line) {
        return scanner.scan(line).stream().filter(LabelScanner.Occurrence::lineStart).findFirst()
                .map(label -> label.field().name());
    }

    private static int lineEnd(String text, int from, int limit) {
        int newline = text.indexOf('\n', from);
        return newline < 0 ? limit : Math.min(newline, limit);
    }

    /** A single-line value: the rest of the label's line, or the next line when that is empty. */
    private static String firstLine(String region) {
        for (int start = 0; start < region.length(); ) {
            int end = region.indexOf('\n', start);
            if (end < 0) {
                end = region.length();
            }
            String line = region.substring(start, end).strip();
            if (!line.isEmpty()) {
                return line;
            }
            start = end + 1;
        }
        return "";
    }

    /** A multi-line value: every line without trailing spaces, and without the blank lines around it. */
    private static String block(String region) {
        if (region.indexOf(" \n") < 0 && region.indexOf("\t\n") < 0) {
            return region.strip();   // the usual case: nothing inside to tidy
        }
        StringBuilder value = new StringBuilder(region.length());
        int keptEnd = 0;   // the value up to its last line that is not blank
        for (int start = 0; start <= region.length(); ) {
            int end = region.indexOf('\n', start);
            if (end < 0) {
                end = region.length();
            }
            int trimmed = end;
            while (trimmed > start && Character.isWhitespace(region.charAt(trimmed - 1))) {
                trimmed--;
            }
            if (trimmed > start) {
                int first = start;
                while (value.length() == 0 && Character.isWhitespace(region.charAt(first))) {
                    first++;
                }
                value.append(region, first, trimmed);
                keptEnd = value.length();
            }
            if (value.length() > 0) {
                value.append('\n');
            }
            start = end + 1;
        }
        value.setLength(keptEnd);
        return value.toString();
    }

    /** The last field ends where the greeting at the end of a mail begins ("Best regards, Jane"). */
    private String beforeClosing(String region) {
        int lineStart = region.indexOf('\n') + 1;   // the label's own line is the value, never a closing
        while (lineStart > 0 && lineStart < region.length()) {
            int lineEnd = region.indexOf('\n', lineStart);
            String line = region.substring(lineStart, lineEnd < 0 ? region.length() : lineEnd).strip();
            if (isClosing(line)) {
                return region.substring(0, lineStart);
            }
            lineStart = lineEnd + 1;
        }
        return region;
    }

    private boolean isClosing(String line) {
        for (String closing : closings) {
            if (line.regionMatches(true, 0, closing, 0, closing.length()) && isSignOff(line.substring(closing.length()))) {
                return true;
            }
        }
        return false;
    }

    /** After "Best regards" comes punctuation and at most a name, not a sentence. */
    private static boolean isSignOff(String rest) {
        if (!rest.isEmpty() && Character.isLetterOrDigit(rest.charAt(0))) {
            return false;   // "Thanksgiving", "Regardsless"
        }
        String words = PUNCTUATION_AND_SPACE.matcher(rest).replaceAll(" ").strip();
        return words.isEmpty() || words.split(" ").length <= 3;
    }
}
