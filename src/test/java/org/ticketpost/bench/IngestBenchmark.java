package org.ticketpost.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.ticketpost.testing.Jar;
import org.ticketpost.testing.TestDatabase;

/**
 * Ingest throughput: the packaged jar takes a folder of template mails into a fresh database,
 * as an operator importing a backlog would, on the embedded H2 and on PostgreSQL, with the
 * JVM's defaults and with the options the README recommends for command-line runs.
 *
 * <p>Run with {@code mvn -q -Pbench-ingest package exec:exec} (arguments: mail count, then
 * "h2", "postgresql" or both).
 */
public final class IngestBenchmark {

    /** Command-line runs are short: the C1 compiler alone spends less time compiling than it saves. */
    static final List<String> COMMAND_LINE_JVM = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

    private static final Pattern SUMMARY = Pattern.compile("(\\d+) mails in ([\\d.]+) s \\((\\d+) mails/s\\): (\\d+) taken in");

    private IngestBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        List<String> kinds = args.length > 1 ? List.of(args).subList(1, args.length) : List.of("h2", "postgresql");
        Path work = Files.createTempDirectory("ticketpost-bench");
        try {
            Path inbox = Files.createDirectories(work.resolve("inbox"));
            GeneratedMails.writeRequests(inbox, count);
            System.out.printf("%d template mails of %d bytes each, %d cores, Java %s%n", count,
                    GeneratedMails.typicalRequest(0).length, Runtime.getRuntime().availableProcessors(),
                    System.getProperty("java.version"));
            for (String kind : kinds) {
                for (List<String> jvm : List.of(List.<String>of(), COMMAND_LINE_JVM)) {
                    run(TestDatabase.Kind.valueOf(kind.toUpperCase(Locale.ROOT)), jvm, work, inbox, count);
                }
            }
        } finally {
            try (Stream<Path> files = Files.walk(work)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    private static void run(TestDatabase.Kind kind, List<String> jvm, Path work, Path inbox, int count)
            throws IOException, InterruptedException {
        Path folder = Files.createTempDirectory(work, kind.name().toLowerCase(Locale.ROOT));
        try (TestDatabase database = TestDatabase.create(kind, folder)) {
            Map<String, String> env = new HashMap<>(database.env());
            env.put("TICKETPOST_STORAGE_DIR", folder.resolve("files").toString());
            Jar.Run key = Jar.run(env, null, "keys", "add", "OXSK-7Q4M-2KD9-X1PZ", "--customer", "Example Corp",
                    "--plan", "advanced", "--allow", "example.com");
            if (key.exitCode() != 0) {
                throw new IllegalStateException(key.err());
            }
            long start = System.nanoTime();
            Jar.Run ingest = Jar.run(jvm, env, null, "ingest", inbox.toString());
            double wall = (System.nanoTime() - start) / 1e9;
            Matcher summary = SUMMARY.matcher(ingest.err());
            if (ingest.exitCode() != 0 || !summary.find()) {
                throw new IllegalStateException("ingest failed (" + ingest.exitCode() + "): " + ingest.err().lines().limit(5).toList());
            }
            long tickets = database.count("select count(*) from ticket");
            System.out.printf(Locale.ROOT, "%-10s %-46s %6d tickets: %4s mails/s while ingesting (%.1f s), %4.0f mails/s with the JVM start (%.1f s)%n",
                    kind, jvm.isEmpty() ? "JVM defaults" : String.join(" ", jvm), tickets, summary.group(3),
                    Double.parseDouble(summary.group(2)), count / wall, wall);
        }
    }
}
