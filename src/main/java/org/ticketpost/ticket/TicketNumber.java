package org.ticketpost.ticket;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A ticket number as it is read out on the phone: a sequence number followed by a Damm
 * check digit. Damm detects every single wrong digit and every swap of two neighbouring
 * digits, so a mistyped number is "no such ticket", never another customer's ticket.
 */
public record TicketNumber(long sequence) {

    private static final Pattern DIGITS = Pattern.compile("\\d{2,18}");
    private static final Pattern DIGIT_SEPARATOR = Pattern.compile("(?<=\\d)[\\s-](?=\\d)");
    private static final int[][] DAMM = {
            {0, 3, 1, 7, 5, 9, 8, 6, 4, 2},
            {7, 0, 9, 2, 1, 5, 4, 8, 6, 3},
            {4, 2, 0, 6, 8, 7, 1, 3, 5, 9},
            {1, 7, 5, 0, 9, 8, 3, 4, 2, 6},
            {6, 1, 2, 3, 0, 4, 5, 9, 7, 8},
            {3, 6, 7, 4, 2, 0, 9, 5, 8, 1},
            {5, 8, 6, 9, 7, 2, 0, 1, 3, 4},
            {8, 9, 4, 5, 3, 6, 2, 0, 1, 7},
            {9, 4, 3, 8, 6, 1, 7, 2, 0, 5},
            {2, 5, 8, 1, 4, 3, 6, 7, 9, 0}};

    public TicketNumber {
        if (sequence <= 0) {
            throw new IllegalArgumentException("a ticket sequence is positive: " + sequence);
        }
    }

    /** The number as a person types it; spaces and hyphens between digits are allowed ("100 007"). */
    public static Optional<TicketNumber> parse(String text) {
        String digits = DIGIT_SEPARATOR.matcher(text.strip()).replaceAll("");
        if (!DIGITS.matcher(digits).matches() || interim(digits) != 0) {
            return Optional.empty();
        }
        long sequence = Long.parseLong(digits.substring(0, digits.length() - 1));
        return sequence > 0 ? Optional.of(new TicketNumber(sequence)) : Optional.empty();
    }

    public String digits() {
        String sequenceDigits = Long.toString(sequence);
        return sequenceDigits + interim(sequenceDigits);
    }

    @Override
    public String toString() {
        return digits();
    }

    private static int interim(String digits) {
        int interim = 0;
        for (int i = 0; i < digits.length(); i++) {
            interim = DAMM[interim][digits.charAt(i) - '0'];
        }
        return interim;
    }
}
