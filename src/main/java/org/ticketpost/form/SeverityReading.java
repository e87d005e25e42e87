package org.ticketpost.form;

import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Reads a severity as customers write it: "2", "Sev 2", "2 - Medium", "Severity 1 – High", "Hoch". */
final class SeverityReading {


    /** "1 or 2", "2/3", "3-4": two levels where one belongs. */
    private static final Pattern TWO_LEVELS = Pattern.compile("(?iu)\\D*?(\\d)\\s*(?:or|oder|to|bis|/|-|–)\\s*(\\d)(?!\\d).*");

    private final Pattern severity;
    private final Map<String, Integer> levelByName = new HashMap<>();
    private final int highest;

    /**
     * @param levels the names of each level
     * @param words  the field's labels and aliases, which customers repeat before the value ("Severity 2", "Prio 1");
     *               "S1" and "P1" are read too
     */
    SeverityReading(Map<Integer, List<String>> levels, Collection<String> words) {
        levels.forEach((level, names) -> names.forEach(name -> levelByName.put(name.toLowerCase(Locale.ROOT), level)));
        this.highest = levels.keySet().stream().mapToInt(Integer::intValue).max().orElse(0);
        String prefixes = words.stream().sorted(Comparator.comparingInt(String::length).reversed())
                .map(Pattern::quote).collect(Collectors.joining("|"));
        this.severity = Pattern.compile("(?iu)(?:(?:" + prefixes + ")(?!\\p{L})\\.?\\s*[:#]?\\s*|[sp](?=\\d))?"
                + "(\\d{1,3})?\\s*[-–—:/,(\\[=]*\\s*(\\p{L}*).*");
    }

    /** The level, or empty when the text names none, names one out of range, or contradicts itself ("1 - Low", "1 or 2"). */
    Optional<Integer> read(String text) {
        Matcher severity = this.severity.matcher(text.strip());
        if (!severity.matches() || namesTwoLevels(text.strip())) {
            return Optional.empty();
        }
        Integer byNumber = severity.group(1) == null ? null : Integer.valueOf(severity.group(1));
        Integer byName = levelByName.get(severity.group(2).toLowerCase(Locale.ROOT));
        if (byNumber == null) {
            return Optional.ofNullable(byName);
        }
        if (byNumber < 1 || byNumber > highest || (byName != null && !byName.equals(byNumber))) {
            return Optional.empty();
        }
        return Optional.of(byNumber);
    }

    private boolean namesTwoLevels(String text) {
        Matcher two = TWO_LEVELS.matcher(text);
        return two.matches() && !two.group(1).equals(two.group(2))
                && Integer.parseInt(two.group(2)) >= 1 && Integer.parseInt(two.group(2)) <= highest;
    }
}
