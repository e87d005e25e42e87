package org.ticketpost.form;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** Finds the value of a fixed list that a customer meant: "debian", "Red Hat", "groupware-server", "RHEL 8.6". */
final class ChoiceMatch {

    private static final Pattern REMARK = Pattern.compile("\\(.*?\\)");

    private final Map<String, String> canonicalByKey = new HashMap<>();
    private final boolean versions;

    ChoiceMatch(List<String> values, Map<String, List<String>> synonyms, boolean versions) {
        for (String value : values) {
            canonicalByKey.put(key(value), value);
        }
        synonyms.forEach((value, names) -> {
            if (!values.contains(value)) {
                throw new IllegalArgumentException("synonyms for '" + value + "', which is not one of " + values);
            }
            names.forEach(name -> canonicalByKey.put(key(name), value));
        });
        this.versions = versions;
    }

    Optional<String> read(String text) {
        String exact = canonicalByKey.get(key(text));
        if (exact != null || !versions) {
            return Optional.ofNullable(exact);
        }
        String withoutRemark = REMARK.matcher(text).replaceAll(" ");
        int digit = 0;
        while (digit < withoutRemark.length() && !Character.isDigit(withoutRemark.charAt(digit))) {
            digit++;
        }
        return Optional.ofNullable(canonicalByKey.get(key(withoutRemark.substring(0, digit))));
    }

    /** Letters and digits only, in lower case: "Groupware-Server" and "groupware server" are one. */
    private static String key(String text) {
        StringBuilder key = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            if (Character.isLetterOrDigit(codePoint)) {
                key.appendCodePoint(Character.toLowerCase(codePoint));
            }
            i += Character.charCount(codePoint);
        }
        return key.toString();
    }
}
