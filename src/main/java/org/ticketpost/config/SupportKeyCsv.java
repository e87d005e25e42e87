package org.ticketpost.config;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CoderResult;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.ticketpost.ticket.KeyData;

/**
 * A file of support keys: a header line naming the columns key, customer, plan, allow and
 * (optionally) valid_until; allow holds addresses and domains separated by spaces or ";".
 * It is read as spreadsheets save it: with or without a byte-order mark, with CRLF line
 * ends, fields in double quotes, and separated by commas or, as German Excel writes it,
 * by semicolons.
 */
public final class SupportKeyCsv {

    /** The keys read, or every mistake with its line number. */
    public record Contents(List<KeyData> keys, List<String> problems) {
    }

    private static final List<String> REQUIRED = List.of("key", "customer", "plan", "allow");
    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private SupportKeyCsv() {
    }

    /** The file's bytes as UTF-8; a file in another encoding is refused, naming the first line that is not UTF-8. */
    public static Contents read(byte[] file, Pattern keyFormat, Collection<String> plans) throws IOException {
        ByteBuffer bytes = ByteBuffer.wrap(file);
        CharBuffer text = CharBuffer.allocate(file.length);
        CoderResult result = StandardCharsets.UTF_8.newDecoder().decode(bytes, text, true);
        if (result.isError()) {
            long line = 1;
            for (int i = 0; i < bytes.position(); i++) {
                line += file[i] == '\n' ? 1 : 0;
            }
            return new Contents(List.of(), List.of("line " + line + ": not UTF-8 text; save the file as CSV in UTF-8"
                    + " (in Excel: \"CSV UTF-8\")"));
        }
        return read(new StringReader(text.flip().toString()), keyFormat, plans);
    }

    public static Contents read(Reader csv, Pattern keyFormat, Collection<String> plans) throws IOException {
        String text = withoutByteOrderMark(readAll(csv));
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(delimiterOf(text)).setHeader().setSkipHeaderRecord(true)
                .setTrim(true).setIgnoreEmptyLines(true).setIgnoreSurroundingSpaces(true).setIgnoreHeaderCase(true).get();
        List<KeyData> keys = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        try (CSVParser parser = CSVParser.builder().setReader(new StringReader(text)).setFormat(format).get()) {
            Map<String, Integer> header = parser.getHeaderMap();
            List<String> missing = REQUIRED.stream().filter(column -> !header.containsKey(column)).toList();
            if (!missing.isEmpty()) {
                return new Contents(List.of(), List.of("line 1: the header lacks the column(s) " + String.join(", ", missing)
                        + " (expected: key,customer,plan,allow,valid_until)"));
            }
            Map<String, Long> lineByKey = new HashMap<>();
            for (CSVRecord row : parser) {
                long line = parser.getCurrentLineNumber();
                Optional<String> shape = wrongShape(row, header.size(), format.getDelimiterString());
                if (shape.isPresent()) {
                    problems.add("line " + line + ": " + shape.get());
                    continue;
                }
                KeyData.Reading reading = KeyData.read(row.get("key"), row.get("customer"), row.get("plan"),
                        Arrays.asList(row.get("allow").split("[;\\s]+")),
                        row.isMapped("valid_until") && row.isSet("valid_until") ? row.get("valid_until") : "",
                        keyFormat, plans);
                if (!reading.problems().isEmpty() && row.size() > header.size()) {
                    // empty cells at the end are taken as a spreadsheet leaves them, unless the values before them are wrong
                    problems.add("line " + line + ": " + tooManyValues(row, header.size(), format.getDelimiterString()));
                    continue;
                }
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
        } catch (IllegalArgumentException | IllegalStateException | UncheckedIOException e) {
            problems.add("the file is not valid CSV: " + e.getMessage());
        }
        return new Contents(keys, problems);
    }

    /**
     * A row with fewer values than the required columns (a line cut short), or with a value
     * beyond the columns the header names (most often a comma inside a value that is not in
     * quotes). Empty cells at the end are left to the caller: spreadsheets leave them.
     */
    private static Optional<String> wrongShape(CSVRecord row, int columns, String delimiter) {
        if (row.stream().skip(columns).anyMatch(value -> !value.isBlank())) {
            return Optional.of(tooManyValues(row, columns, delimiter));
        }
        List<String> missing = REQUIRED.stream().filter(column -> !row.isSet(column)).toList();
        if (!missing.isEmpty()) {
            return Optional.of("only " + row.size() + " of " + columns + " values, no " + String.join(", ", missing));
        }
        return Optional.empty();
    }

    private static String tooManyValues(CSVRecord row, int columns, String delimiter) {
        return row.size() + " values where the header names " + columns + " columns; a value that holds '" + delimiter
                + "' must be in double quotes";
    }

    /** German spreadsheets separate values by semicolons: a header with semicolons and no comma says so. */
    private static char delimiterOf(String text) {
        int end = text.indexOf('\n');
        String header = end < 0 ? text : text.substring(0, end);
        return header.indexOf(';') >= 0 && header.indexOf(',') < 0 ? ';' : ',';
    }

    /** Spreadsheets save "CSV UTF-8" with a byte-order mark, which would otherwise become part of the first column's name. */
    private static String withoutByteOrderMark(String text) {
        return !text.isEmpty() && text.charAt(0) == BYTE_ORDER_MARK ? text.substring(1) : text;
    }

    private static String readAll(Reader reader) throws IOException {
        StringWriter text = new StringWriter();
        reader.transferTo(text);
        return text.toString();
    }
}
