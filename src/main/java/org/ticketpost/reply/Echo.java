package org.ticketpost.reply;

import java.util.List;
import org.ticketpost.form.FieldSpec;

/**
 * What an answer repeats of the mail it answers, cut to what a customer needs to recognise and
 * correct it. A rejection goes to whatever address the mail named: cut short, it cannot carry a
 * stranger's long text (an advertisement, say) to someone else in Ticketpost's name.
 */
final class Echo {

    /** Enough to recognise one's mail by. */
    static final int SUBJECT_LENGTH = 100;
    static final int NAME_LENGTH = 60;
    /** A value of one line: a key, a host name, a choice; longer is no value a customer meant. */
    static final int VALUE_LENGTH = 120;
    /** A text of several lines (steps, behaviour, a package list): its beginning, to recognise it by. */
    static final int TEXT_LENGTH = 400;
    static final int TEXT_LINES = 8;

    private Echo() {
    }

    /** The value as the template carries it back: whole, or its beginning and "…". */
    static String value(FieldSpec field, String value) {
        if (!field.multiline()) {
            return cut(value, VALUE_LENGTH);
        }
        List<String> lines = List.of(value.split("\n", -1));
        String kept = lines.size() <= TEXT_LINES ? value : String.join("\n", lines.subList(0, TEXT_LINES));
        String cut = cut(kept, TEXT_LENGTH);
        return cut.equals(kept) && kept.length() < value.length() ? kept + "…" : cut;
    }

    static boolean isCut(FieldSpec field, String value) {
        return !value(field, value).equals(value);
    }

    /** The text, or its first length - 1 characters and "…". */
    static String cut(String text, int length) {
        return text.codePointCount(0, text.length()) <= length ? text
                : text.substring(0, text.offsetByCodePoints(0, length - 1)) + "…";
    }
}
