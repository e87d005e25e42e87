package org.ticketpost.config;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.ticketpost.ticket.KeyData;

/**
 * A file of support keys: a header line naming the columns key, customer, plan, allow and
 * (optionally) valid_until; allow holds addresses and domains separated by spaces or ";".
 */
public final class SupportKeyCsv {

    /** The keys read, or every mistake with its line number. */
    public record Contents(List<KeyData> keys, List<String> problems) {
    }

    private static final List<String> REQUIRED = List.of("key", "customer", "plan", "allow");

    private SupportKeyCsv() {
    }

    public static Contents read(Reader csv, Pattern keyFormat, Collection<String> plans) throws IOException {
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true)
                .setIgnoreEmptyLines(true).setIgnoreSurroundingSpaces(true).get();
        List<KeyData> keys = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        try (CSVParser parser = CSVParser.builder().setReader(csv).setFormat(format).get()) {
            Map<String, Integer> header = parser.getHeaderMap();
            List<String> missing = REQUIRED.stream().filter(column -> !header.containsKey(column)).toList();
            if (!missing.isEmpty()) {
                return new Contents(List.of(), List.of("line 1: the header lacks the column(s) " + String.join(", ", missing)
                        + " (expected: key,customer,plan,allow,valid_until)"));
            }
            Map<String, Long> lineByKey = new HashMap<>();
            for (CSVRecord row : parser) {
                long line = parser.getCurrentLineNumber();
                KeyData.Reading reading = KeyData.read(row.get("key"), row.get("customer"), row.get("plan"),
                        Arrays.asList(row.get("allow").split("[;\\s]+")),
                        row.isMapped("valid_until") && row.isSet("valid_until") ? row.get("valid_until") : "",
                        keyFormat, plans);
                reading.problems().forEach(problem -> problems.add("line " + line + ": " + problem));
                reading.data().ifPresent(data -> {
                    Long first = lineByKey.putIfAbsent(data.key(), line);
                    if (first != null) {
                        problems.add("line " + line + ": key " + data.key() + " is already on line " + first);
                    } else {
                        keys.add(data);
                    }
                });
            }
        } catch (IllegalStateException | UncheckedIOException e) {
            problems.add("the file is not valid CSV: " + e.getMessage());
        }
        return new Contents(keys, problems);
    }
}
