package org.ticketpost.ticket;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The ticket number in a subject, in the configured form such as "[Ticket#1000074]", and in the
 * forms customers type by hand: "[Ticket #1000074]", "Ticket#1000074", "Ticket-Nr. 1000074",
 * "Ticketnummer 1000074", in any case. A number counts only after such a marker, never bare:
 * "Re: 1000074" or "Ticket 1000074" name no ticket.
 */
public final class TicketTag {

    public static final String SLOT = "{number}";

    /** The digits of a ticket number, as {@link TicketNumber} reads them, not part of a longer number. */
    private static final String DIGITS = "\\s*+(\\d{2,18})(?!\\d)";
    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
    /** "Ticket#", "Ticket #", "Ticket-Nr.", "Ticket Nr:", "Ticket No.", "Ticketnummer", "Ticket-Nummer", "Ticket number". */
    private static final Pattern TYPED = Pattern.compile("(?<![\\p{L}\\p{N}])ticket\\s*+(?:#|-?\\s*+(?:nr|no)(?!\\p{L})\\.?"
            + "|-?\\s*+(?:nummer|number)(?!\\p{L}))\\s*+:?" + DIGITS, FLAGS);
    private static final String OPENING = "[(<{";
    private static final String CLOSING = "])>}";

    private final String format;
    private final List<Pattern> patterns;

    public TicketTag(String format) {
        int slot = format.indexOf(SLOT);
        if (slot < 0) {
            throw new IllegalArgumentException("a ticket tag needs " + SLOT + ", e.g. [Ticket#" + SLOT + "], was '" + format + "'");
        }
        this.format = format;
        this.patterns = List.of(configured(format.substring(0, slot).strip(), format.substring(slot + SLOT.length()).strip()),
                TYPED);
    }

    public String of(TicketNumber number) {
        return format.replace(SLOT, number.digits());
    }

    /**
     * The ticket a subject names. A tag whose check digit does not match names no ticket: it is
     * skipped, and a later valid tag in the same subject still counts.
     */
    public Optional<TicketNumber> find(String subject) {
        return read(subject).named();
    }

    /** The digits of a tag whose check digit does not match, when no tag in the subject names a ticket. */
    public Optional<String> mistyped(String subject) {
        return read(subject).mistyped();
    }

    /** Whether the subject already carries this ticket's tag. */
    public boolean isIn(String subject, TicketNumber number) {
        return find(subject).filter(number::equals).isPresent();
    }

    /** What a subject says: the ticket it names, or else the digits of the first tag that failed its check. */
    private record Reading(Optional<TicketNumber> named, Optional<String> mistyped) {
    }

    private Reading read(String subject) {
        Optional<String> mistyped = Optional.empty();
        for (Pattern pattern : patterns) {
            Matcher tag = pattern.matcher(subject);
            while (tag.find()) {
                Optional<TicketNumber> number = TicketNumber.parse(tag.group(1));
                if (number.isPresent()) {
                    return new Reading(number, Optional.empty());
                }
                if (mistyped.isEmpty()) {
                    mistyped = Optional.of(tag.group(1));
                }
            }
        }
        return new Reading(Optional.empty(), mistyped);
    }

    /**
     * The configured form, with spaces allowed where a word meets a sign ("Ticket #"), and its
     * brackets optional when a word remains to mark the number ("Ticket#1000074"); without a word,
     * as in "[{number}]", the brackets are all that set the number apart, so they stay required.
     */
    private static Pattern configured(String prefix, String suffix) {
        String prefixCore = stripped(prefix, OPENING, true);
        String suffixCore = stripped(suffix, CLOSING, false);
        if (!prefixCore.chars().anyMatch(Character::isLetter)) {
            return Pattern.compile(spaced(prefix) + DIGITS + "\\s*+" + spaced(suffix), FLAGS);
        }
        String opening = prefix.substring(0, prefix.length() - prefixCore.length());
        String closing = suffix.substring(suffixCore.length());
        return Pattern.compile("(?<![\\p{L}\\p{N}])" + optional(opening) + spaced(prefixCore) + DIGITS + "\\s*+"
                + spaced(suffixCore) + optional(closing), FLAGS);
    }

    /** The text without the brackets at its start (or end). */
    private static String stripped(String text, String brackets, boolean atStart) {
        int start = 0;
        int end = text.length();
        while (atStart && start < end && brackets.indexOf(text.charAt(start)) >= 0) {
            start++;
        }
        while (!atStart && end > start && brackets.indexOf(text.charAt(end - 1)) >= 0) {
            end--;
        }
        return text.substring(start, end).strip();
    }

    private static String optional(String brackets) {
        return brackets.isEmpty() ? "" : "(?:" + spaced(brackets) + ")?";
    }

    /** The text as a pattern: any spaces where it has spaces, and where a letter or digit meets another sign. */
    private static String spaced(String text) {
        StringBuilder pattern = new StringBuilder();
        boolean space = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean boundary = i > 0 && Character.isLetterOrDigit(c) != Character.isLetterOrDigit(text.charAt(i - 1));
            if (Character.isWhitespace(c) || boundary) {
                if (!space) {
                    pattern.append("\\s*+");
                }
                space = true;
            }
            if (!Character.isWhitespace(c)) {
                pattern.append(Pattern.quote(String.valueOf(c)));
                space = false;
            }
        }
        return pattern.toString();
    }
}
