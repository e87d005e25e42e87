package org.ticketpost.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.ticketpost.testing.IngestProcess;
import org.ticketpost.testing.Jar;
import org.ticketpost.testing.StoredMails;
import org.ticketpost.testing.TestDatabase;

/**
 * The fault run: the packaged jar takes in a folder of template mails and is killed with
 * SIGKILL at a random moment while it works, several times, then runs to completion. After
 * each kill, every mail it had acknowledged must be stored; at the end, every mail must be
 * stored once. Prints mails acknowledged, tickets stored, lost and duplicated per database.
 *
 * <p>Run with {@code mvn -q -Pfault-ingest package exec:exec} (arguments: mail count, kills,
 * then "h2", "postgresql" or both).
 */
public final class KilledIngestRun {

    private static final Duration LIMIT = Duration.ofMinutes(10);

    private KilledIngestRun() {
    }

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 3_000;
        int kills = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        List<String> kinds = args.length > 2 ? List.of(args).subList(2, args.length) : List.of("h2", "postgresql");
        long seed = System.nanoTime();
        System.out.printf(Locale.ROOT, "%d template mails, %d kills, random seed %d%n", count, kills, seed);
        Random random = new Random(seed);
        for (String kind : kinds) {
            Path work = Files.createTempDirectory("ticketpost-kill");
            try {
                run(TestDatabase.Kind.valueOf(kind.toUpperCase(Locale.ROOT)), work, count, kills, random);
            } finally {
                try (Stream<Path> files = Files.walk(work)) {
                    files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
                }
            }
        }
    }

    private static void run(TestDatabase.Kind kind, Path work, int count, int kills, Random random) throws Exception {
        try (TestDatabase database = TestDatabase.create(kind, work)) {
            Path files = work.resolve("files");
            Map<String, String> env = new HashMap<>(database.env());
            env.put("TICKETPOST_STORAGE_DIR", files.toString());
            Jar.Run key = Jar.run(env, null, "keys", "add", "OXSK-7Q4M-2KD9-X1PZ", "--customer", "Example Corp",
                    "--plan", "advanced", "--allow", "example.com");
            if (key.exitCode() != 0) {
                throw new IllegalStateException(key.err());
            }
            Path inbox = Files.createDirectories(work.resolve("inbox"));
            Map<String, String> messageIds = GeneratedMails.writeRequests(inbox, count);

            int opened = 0;
            int lost = 0;
            long stored = 0;
            for (int kill = 1; kill <= kills; kill++) {
                try (IngestProcess ingest = IngestProcess.start(env, inbox.toString())) {
                    // the moment: while new mails are taken in, after the ones stored before come again as duplicates
                    ingest.awaitAcknowledged((int) stored + 1 + random.nextInt(2 * count / (kills + 2)), LIMIT);
                    boolean killed = ingest.isAlive();
                    ingest.kill();
                    StoredMails afterKill = StoredMails.compare(ingest.acknowledged(), messageIds, database, files);
                    opened += ingest.opened();
                    lost += afterKill.lost();
                    stored = afterKill.tickets();
                    System.out.printf(Locale.ROOT, "%-10s %s %d: %5d acknowledged (%5d new tickets), %5d tickets stored, %d lost, "
                            + "%d stored without their raw mail%n", kind, killed ? "kill" : "ended before kill", kill,
                            afterKill.acknowledged(), ingest.opened(), afterKill.tickets(), afterKill.lost(), afterKill.missingFiles());
                }
            }
            try (IngestProcess ingest = IngestProcess.start(env, inbox.toString())) {
                int exit = ingest.awaitExit(LIMIT);
                StoredMails end = StoredMails.compare(ingest.acknowledged(), messageIds, database, files);
                opened += ingest.opened();
                lost += end.lost();
                System.out.printf(Locale.ROOT, "%-10s completion (exit %d): %5d acknowledged (%5d new tickets), %5d tickets stored%n",
                        kind, exit, end.acknowledged(), ingest.opened(), end.tickets());
                System.out.printf(Locale.ROOT, "%-10s %d mails: %d acknowledged as new tickets, %d tickets stored, %d lost, "
                        + "%d duplicated, %d stored without their raw mail%n",
                        kind, count, opened, end.tickets(), lost, end.duplicated(), end.missingFiles());
            }
        }
    }
}
