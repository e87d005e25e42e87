package org.ticketpost.mail;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** How often Ticketpost's reading agrees with each source's expected results, per aspect. */
final class Agreement {

    /** How many disagreements the report lists per source and aspect. */
    private static final int LISTED = 5;
    private static final int SHOWN = 140;

    private final Map<String, Map<String, Tally>> tallies = new TreeMap<>();

    /** A source and aspect, counted. */
    static final class Tally {
        int compared;
        int agreed;
        final List<String> disagreements = new ArrayList<>();

        double ratio() {
            return compared == 0 ? 1 : (double) agreed / compared;
        }
    }

    void record(CorpusMessage message, String aspect, boolean agrees, Object expected, Object actual) {
        record(message, aspect, agrees, "expected: " + shown(expected) + "\n        actual:   " + shown(actual));
    }

    void record(CorpusMessage message, String aspect, boolean agrees, String detail) {
        Tally tally = tallies.computeIfAbsent(message.source(), any -> new TreeMap<>())
                .computeIfAbsent(aspect, any -> new Tally());
        tally.compared++;
        if (agrees) {
            tally.agreed++;
        } else {
            tally.disagreements.add(message.name() + "\n        " + detail);
        }
    }

    Tally tally(String source, String aspect) {
        return tallies.getOrDefault(source, Map.of()).getOrDefault(aspect, new Tally());
    }

    /** The report with the first few disagreements of each aspect. */
    String report() {
        return report(LISTED);
    }

    /** The report with every disagreement. */
    String fullReport() {
        return report(Integer.MAX_VALUE);
    }

    private String report(int listed) {
        StringBuilder out = new StringBuilder("Agreement with the corpus's expected results\n");
        for (Map.Entry<String, Map<String, Tally>> source : tallies.entrySet()) {
            out.append('\n').append(source.getKey()).append('\n');
            for (Map.Entry<String, Tally> aspect : source.getValue().entrySet()) {
                Tally tally = aspect.getValue();
                out.append(String.format(Locale.ROOT, "  %-16s %4d / %4d  %5.1f %%%n",
                        aspect.getKey(), tally.agreed, tally.compared, 100 * tally.ratio()));
                tally.disagreements.stream().limit(listed).forEach(line -> out.append("      ").append(line).append('\n'));
                if (tally.disagreements.size() > listed) {
                    out.append("      ... and ").append(tally.disagreements.size() - listed)
                            .append(" more (all in target/corpus-report.txt)\n");
                }
            }
        }
        return out.toString();
    }

    private static String shown(Object value) {
        String text = String.valueOf(value).replace("\n", "\u23ce");
        return text.length() <= SHOWN ? text : text.substring(0, SHOWN) + "…";
    }
}
