package org.ticketpost.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The CPU time each thread of this process used, from Linux's /proc: the JVM's compiler and
 * garbage collector threads as well, which Java's own thread bean does not list. Threads are
 * grouped by name without a trailing number ("lmtp-3" as "lmtp"), so a benchmark can say which
 * part of the service took the cores. Elsewhere than on Linux it reports nothing.
 */
final class ThreadCpu {

    private static final Path TASKS = Path.of("/proc/self/task");
    /** Linux counts CPU time in ticks of 1/100 s on every common configuration (USER_HZ). */
    private static final double TICKS_PER_SECOND = 100;

    private final Map<String, Long> ticksByThread;

    private ThreadCpu(Map<String, Long> ticksByThread) {
        this.ticksByThread = ticksByThread;
    }

    static ThreadCpu now() {
        Map<String, Long> ticks = new HashMap<>();
        if (Files.isDirectory(TASKS)) {
            try (Stream<Path> tasks = Files.list(TASKS)) {
                tasks.forEach(task -> read(task, ticks));
            } catch (IOException e) {
                // the process is ending, or /proc is not mounted: nothing to report
            }
        }
        return new ThreadCpu(ticks);
    }

    /** Keyed by "name/tid": a thread that ended between two readings keeps what it used. */
    private static void read(Path task, Map<String, Long> ticks) {
        try {
            String stat = Files.readString(task.resolve("stat"));
            String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // after the name: state is the first field, utime the 12th and stime the 13th (proc(5))
            ticks.put(name + "/" + task.getFileName(), Long.parseLong(fields[11]) + Long.parseLong(fields[12]));
        } catch (IOException | RuntimeException e) {
            // the thread ended while it was read
        }
    }

    /** The CPU seconds used since {@code before}, by group of threads, most first, those over 0.1 s. */
    String since(ThreadCpu before) {
        Map<String, Double> seconds = new HashMap<>();
        ticksByThread.forEach((thread, ticks) -> {
            long used = ticks - before.ticksByThread.getOrDefault(thread, 0L);
            String group = thread.substring(0, thread.lastIndexOf('/')).replaceAll("[-#:]?\\d*$", "").replaceAll(":.*", "");
            seconds.merge(group, used / TICKS_PER_SECOND, Double::sum);
        });
        return seconds.entrySet().stream().filter(entry -> entry.getValue() >= 0.1)
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .map(entry -> String.format(Locale.ROOT, "%s %.1f s", entry.getKey(), entry.getValue()))
                .collect(Collectors.joining(", ", "CPU by thread: ", ""));
    }
}
