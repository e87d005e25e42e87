package org.ticketpost.form;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Finds the customer's own text in a mail: quoted replies ("> " lines, "On … wrote:"
 * blocks, Outlook's original-message blocks) and the signature after "-- " are not
 * part of any field.
 */
public final class QuoteStripper {

    private static final Pattern SIGNATURE = Pattern.compile("-- ?");
    private static final String BARE_SIGNATURE = "--";
    /** "On Mon, 16 Nov 2026, Jane <jane@example.com> wrote:", "Am 16.11.2026 schrieb Jane <jane@example.com>:". */
    private static final Pattern ATTRIBUTION = Pattern.compile(
            "(?i)\\s*(on\\s.*\\swrote|am\\s.*\\sschrieb(\\s.*)?|le\\s.*\\sa écrit|el\\s.*\\sescribió|op\\s.*\\sschreef)\\s*:\\s*");
    private static final String[] WROTE = {"wrote", "schrieb", "crit", "escribi", "schreef"};
    private static final Pattern ATTRIBUTION_START = Pattern.compile("(?i)\\s*(on|am)\\s.*");
    private static final Pattern ATTRIBUTION_END = Pattern.compile("(?i).*(wrote|schrieb)(\\s.*)?:\\s*");
    /** An address, a year or a time: what tells an attribution from "On the server, I wrote:" or "am 16.11. schrieb uns ein Kunde:". */
    private static final Pattern ATTRIBUTION_DETAIL = Pattern.compile(".*(@|\\d{4}|\\d:\\d\\d).*");
    private static final Pattern ORIGINAL_MESSAGE = Pattern.compile(
            "(?i)\\s*-{2,}\\s*(original message|original-nachricht|ursprüngliche nachricht)\\s*-{2,}\\s*");
    private static final Pattern RULE = Pattern.compile("\\s*_{8,}\\s*");
    private static final Pattern HEADER_FROM = Pattern.compile("(?i)\\s*\\*?(from|von)\\s*:\\*?\\s.+");
    private static final Pattern HEADER_SENT = Pattern.compile("(?i)\\s*\\*?(sent|gesendet|date|datum)\\s*:\\*?\\s.+");
    /**
     * Longer lines are no attribution. The patterns above backtrack once per "wrote" in a line,
     * each time to its end: a 3 MB line repeating the word took minutes. Real attributions,
     * with a long name and address, stay under 200 characters.
     */
    static final int ATTRIBUTION_LENGTH_LIMIT = 300;

    private QuoteStripper() {
    }

    /** The text above the first quotation or signature, without quoted lines. */
    public static String ownText(String text) {
        return ownText(text, line -> Optional.empty());
    }

    /**
     * The same, knowing the template. A bare "--" line (a signature delimiter that lost its
     * space, or a line of a pasted log), an unmarked "On … wrote:" and an Outlook header block
     * (or headers pasted into a field) end the own text only when no template field follows
     * that the text above lacks: such a cut would lose what the customer wrote, while a quoted
     * template repeats fields the customer already gave.
     *
     * @param fieldLabelled the field whose label starts a line, if any
     */
    public static String ownText(String text, Function<String, Optional<String>> fieldLabelled) {
        Lines lines = new Lines(text.indexOf('\r') < 0 ? text : text.replace("\r\n", "\n").replace('\r', '\n'));
        FirstLabels firstLabels = new FirstLabels(lines, fieldLabelled);
        StringBuilder own = null;   // made when a line is left out; until then the own text is a prefix of the text
        int line = 0;
        for (; line < lines.count(); line++) {
            char first = lines.firstVisible(line);
            int dropped = first == '>' ? 1 : 0;
            if (first != '>' && mayEndOwnText(first) && endsOwnText(lines, line, firstLabels)) {
                break;
            }
            int attribution = "OoAaLlEe".indexOf(first) >= 0 ? attributionLength(lines, line) : 0;
            if (attribution > 0) {
                if (startsQuote(lines, line + attribution)) {
                    dropped = attribution;   // interleaved reply: drop the attribution, keep the answers
                } else if (!firstLabels.after(line)) {
                    break;   // top-posted reply: what follows is the quoted mail, without markers
                }
            }
            if (dropped > 0 && own == null) {
                own = new StringBuilder(lines.text().substring(0, lines.start(line)));
            } else if (dropped == 0 && own != null) {
                own.append(lines.get(line)).append('\n');
            }
            line += Math.max(0, dropped - 1);
        }
        String result = own != null ? own.toString() : lines.text().substring(0, lines.start(Math.min(line, lines.count())));
        return withoutTrailingRules(result.strip());
    }

    /** Only a line starting like "-- ", "-----Original Message-----" or "From:" can end the own text. */
    private static boolean mayEndOwnText(char first) {
        return first == '-' || first == '_' || first == '*' || first == 'F' || first == 'V' || first == 'f' || first == 'v';
    }

    private static boolean endsOwnText(Lines lines, int i, FirstLabels firstLabels) {
        String line = lines.get(i);
        if (line.equals(BARE_SIGNATURE) || isOutlookHeader(lines, i)) {
            return !firstLabels.after(i);
        }
        return SIGNATURE.matcher(line).matches() || ORIGINAL_MESSAGE.matcher(line).matches();
    }

    /** Where template fields are first labelled, in lines outside "> " quotes: read once, and only when asked. */
    private static final class FirstLabels {
        private final Lines lines;
        private final Function<String, Optional<String>> fieldLabelled;
        private int lastFirst = -2;   // not read yet

        FirstLabels(Lines lines, Function<String, Optional<String>> fieldLabelled) {
            this.lines = lines;
            this.fieldLabelled = fieldLabelled;
        }

        /** Whether a line after line i labels a field that no line before it does. */
        boolean after(int i) {
            if (lastFirst == -2) {
                Set<String> seen = new HashSet<>();
                lastFirst = -1;
                for (int line = 0; line < lines.count(); line++) {
                    if (lines.firstVisible(line) != '>' && fieldLabelled.apply(lines.get(line)).filter(seen::add).isPresent()) {
                        lastFirst = line;
                    }
                }
            }
            return lastFirst > i;
        }
    }

    /** Number of lines of an "On … wrote:" attribution starting at line i (it may be wrapped), or 0. */
    private static int attributionLength(Lines lines, int i) {
        if (!lines.mentionsWriting(i) && (i + 1 >= lines.count() || !lines.mentionsWriting(i + 1))) {
            return 0;
        }
        String line = lines.get(i);
        if (line.length() > ATTRIBUTION_LENGTH_LIMIT) {
            return 0;
        }
        if (isAttribution(line)) {
            return 1;
        }
        boolean wrapped = i + 1 < lines.count()
                && lines.get(i + 1).length() <= ATTRIBUTION_LENGTH_LIMIT
                && ATTRIBUTION_START.matcher(line).matches()
                && ATTRIBUTION_END.matcher(lines.get(i + 1)).matches()
                && isAttribution(line + " " + lines.get(i + 1));
        return wrapped ? 2 : 0;
    }

    private static boolean isAttribution(String line) {
        return ATTRIBUTION.matcher(line).matches() && ATTRIBUTION_DETAIL.matcher(line).matches();
    }

    private static boolean startsQuote(Lines lines, int from) {
        for (int i = from; i < lines.count(); i++) {
            char first = lines.firstVisible(i);
            if (first != ' ') {
                return first == '>';
            }
        }
        return true;
    }

    /** Outlook quotes the original below a rule or a blank line as "From: … Sent: …" without markers. */
    private static boolean isOutlookHeader(Lines lines, int i) {
        if (!HEADER_FROM.matcher(lines.get(i)).matches()) {
            return false;
        }
        boolean afterBreak = i == 0 || lines.firstVisible(i - 1) == ' ' || RULE.matcher(lines.get(i - 1)).matches();
        if (!afterBreak) {
            return false;
        }
        for (int next = i + 1; next < Math.min(lines.count(), i + 4); next++) {
            if (HEADER_SENT.matcher(lines.get(next)).matches()) {
                return true;
            }
        }
        return false;
    }

    /** The lines of a text by their offsets, each cut out only when it is looked at. */
    private static final class Lines {
        private final String text;
        private final int[] starts;

        Lines(String text) {
            this.text = text;
            int[] found = new int[64];
            int count = 1;
            for (int i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
                if (count + 1 >= found.length) {
                    found = Arrays.copyOf(found, found.length * 2);
                }
                found[count++] = i + 1;
            }
            found[count] = text.length() + 1;
            starts = Arrays.copyOf(found, count + 1);
        }

        String text() {
            return text;
        }

        int count() {
            return starts.length - 1;
        }

        int start(int line) {
            return Math.min(starts[line], text.length());
        }

        String get(int line) {
            return text.substring(starts[line], starts[line + 1] - 1);
        }

        /** The cheap test before the regular expressions: every attribution says that someone wrote. */
        boolean mentionsWriting(int line) {
            String words = get(line);
            for (String verb : WROTE) {
                if (words.contains(verb)) {
                    return true;
                }
            }
            return false;
        }

        /** The first character of a line that is not a space, or a space for an empty line. */
        char firstVisible(int line) {
            for (int i = starts[line]; i < starts[line + 1] - 1; i++) {
                if (!Character.isWhitespace(text.charAt(i))) {
                    return text.charAt(i);
                }
            }
            return ' ';
        }
    }

    /** Outlook's rule above the quoted mail stays behind when the quote is cut. */
    private static String withoutTrailingRules(String text) {
        int end = text.length();   // cut once at the end: cutting line by line copied the text once per rule
        int lastLine = text.lastIndexOf('\n', end - 1) + 1;
        while (end > 0 && RULE.matcher(text.subSequence(lastLine, end)).matches()) {
            end = lastLine;
            while (end > 0 && Character.isWhitespace(text.charAt(end - 1))) {
                end--;
            }
            lastLine = text.lastIndexOf('\n', end - 1) + 1;
        }
        return text.substring(0, end);
    }

}
