package org.ticketpost.ticket;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The ticket number in a subject, in the configured form such as "[Ticket#1000074]". */
public final class TicketTag {

    public static final String SLOT = "{number}";

    private final String format;
    private final Pattern pattern;

    public TicketTag(String format) {
        int slot = format.indexOf(SLOT);
        if (slot < 0) {
            throw new IllegalArgumentException("a ticket tag needs " + SLOT + ", e.g. [Ticket#" + SLOT + "], was '" + format + "'");
        }
        this.format = format;
        this.pattern = Pattern.compile(Pattern.quote(format.substring(0, slot).strip()) + "\\s*(\\d{2,18})\\s*"
                + Pattern.quote(format.substring(slot + SLOT.length()).strip()), Pattern.CASE_INSENSITIVE);
    }

    public String of(TicketNumber number) {
        return format.replace(SLOT, number.digits());
    }

    /**
     * The ticket a subject names. A tag whose check digit does not match names no ticket: it is
     * skipped, and a later valid tag in the same subject still counts.
     */
    public Optional<TicketNumber> find(String subject) {
        Matcher tag = pattern.matcher(subject);
        while (tag.find()) {
            Optional<TicketNumber> number = TicketNumber.parse(tag.group(1));
            if (number.isPresent()) {
                return number;
            }
        }
        return Optional.empty();
    }

    /** Whether the subject already carries this ticket's tag. */
    public boolean isIn(String subject, TicketNumber number) {
        return find(subject).filter(number::equals).isPresent();
    }
}
