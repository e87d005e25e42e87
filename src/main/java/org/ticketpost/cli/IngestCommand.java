package org.ticketpost.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.ticketpost.intake.Outcome;
import org.ticketpost.intake.Reception;
import org.ticketpost.intake.UnreadableMailException;
import org.ticketpost.ticket.StoreConflictException;
import org.ticketpost.ticket.StoreException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = {"Takes mail in: one message from standard input, as a mail server's pipe delivers it,",
                "or the given files and the files in the given folders.",
                "Exit code 0: every mail was accepted (ticket, follow-up, rejection, ignored or duplicate);",
                "65: a mail is not a mail; 66: a file is missing; 75: the database is unavailable, try again later."})
public final class IngestCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FILE|DIR", arity = "0..*", description = "mails (RFC 822 files) or folders of them; none: standard input")
    List<Path> paths = new ArrayList<>();

    @Option(names = "--json", description = "print each outcome as JSON: {\"outcome\", \"ticket\", \"problems\"}")
    boolean json;

    @Option(names = "--threads", paramLabel = "N", description = "mails taken in at once from files (default: ${DEFAULT-VALUE})")
    int threads;

    @Spec
    CommandSpec spec;

    private final Supplier<Reception> reception;
    private final Supplier<InputStream> stdin;
    private final BooleanSupplier stdinIsTerminal;

    /** @param stdinIsTerminal whether standard input is a person's terminal rather than a mail piped in */
    public IngestCommand(Supplier<Reception> reception, Supplier<InputStream> stdin, BooleanSupplier stdinIsTerminal,
            int threads) {
        this.reception = reception;
        this.stdin = stdin;
        this.stdinIsTerminal = stdinIsTerminal;
        this.threads = threads;
    }

    @Override
    public Integer call() throws Exception {
        if (paths.isEmpty() && stdinIsTerminal.getAsBoolean()) {
            err().println("ticketpost ingest: give files or folders, or a mail on standard input (ticketpost ingest < mail.eml)");
            return ExitCodes.USAGE;
        }
        Reception intake;
        try {
            intake = reception.get();
        } catch (StoreException e) {
            err().println("ticketpost ingest: nothing taken in: " + e.getMessage() + "; try again later");
            return ExitCodes.TEMPORARY_FAILURE;
        }
        if (paths.isEmpty()) {
            return ingest(intake, "", stdin.get()).exitCode();
        }
        List<Path> files = new ArrayList<>();
        for (Path path : paths) {
            if (Files.isDirectory(path)) {
                try (Stream<Path> inside = Files.list(path)) {
                    inside.filter(Files::isRegularFile).filter(file -> !file.getFileName().toString().startsWith("."))
                            .sorted().forEach(files::add);
                }
            } else if (Files.isRegularFile(path)) {
                files.add(path);
            } else {
                err().println(path + ": no such file or folder");
                return ExitCodes.NO_INPUT;
            }
        }
        return files.size() == 1 ? ingestFile(intake, files.get(0), false).exitCode() : ingestAll(intake, files);
    }

    /**
     * Takes the files in, several at once. The first failure of the database or the disk stops the
     * run: the mails after it would each wait for the same store in vain. Every file gets a line that
     * says whether it was taken in, so that the rest can be given again, or all of them (a mail
     * already taken in comes back as a duplicate).
     */
    private int ingestAll(Reception intake, List<Path> files) throws InterruptedException {
        long start = System.nanoTime();
        Map<Result, Integer> counts = new EnumMap<>(Result.class);
        AtomicBoolean storeFailed = new AtomicBoolean();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads));
        try {
            List<Future<Result>> results = new ArrayList<>();
            for (Path file : files) {
                results.add(pool.submit(() -> {
                    if (storeFailed.get()) {
                        return Result.NOT_TRIED;
                    }
                    Result result = ingestFile(intake, file, true);
                    if (result == Result.STORE_FAILED) {
                        storeFailed.set(true);
                    }
                    return result;
                }));
            }
            for (int i = 0; i < files.size(); i++) {
                Result result;
                try {
                    result = results.get(i).get();
                } catch (ExecutionException e) {
                    result = Result.FAILED;
                }
                counts.merge(result, 1, Integer::sum);
                if (result == Result.NOT_TRIED) {
                    report(files.get(i).toString(), "not taken in, try again later: not tried after the database or the disk failed", null);
                }
            }
        } finally {
            pool.shutdownNow();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        int notTried = counts.getOrDefault(Result.NOT_TRIED, 0);
        int toTryAgain = notTried + counts.getOrDefault(Result.FAILED, 0) + counts.getOrDefault(Result.STORE_FAILED, 0);
        err().printf(Locale.ROOT, "%d mails in %.1f s (%.0f mails/s): %d taken in, %d not mails, %d to try again%n",
                files.size(), seconds, files.size() / seconds, counts.getOrDefault(Result.ACCEPTED, 0),
                counts.getOrDefault(Result.NOT_A_MAIL, 0), toTryAgain);
        if (storeFailed.get()) {
            err().printf(Locale.ROOT, "stopped at the first failure of the database or the disk, %d mails not tried: "
                    + "give the files not taken in again, or all of them (mails taken in come back as duplicates)%n", notTried);
        }
        return toTryAgain > 0 ? ExitCodes.TEMPORARY_FAILURE
                : counts.containsKey(Result.NOT_A_MAIL) ? ExitCodes.DATA_ERROR : ExitCodes.OK;
    }

    private Result ingestFile(Reception intake, Path file, boolean named) {
        try (InputStream in = Files.newInputStream(file)) {
            return ingest(intake, named ? file.toString() : "", in);
        } catch (IOException e) {
            report(named ? file.toString() : "", "cannot be read: " + e.getMessage(), null);
            return Result.FAILED;
        }
    }

    private Result ingest(Reception intake, String name, InputStream message) {
        try {
            Outcome outcome = intake.receive(message);
            report(name, OutcomeText.line(outcome), OutcomeText.json(outcome));
            return Result.ACCEPTED;
        } catch (UnreadableMailException e) {
            report(name, "not a mail: " + e.getMessage(), null);
            return Result.NOT_A_MAIL;
        } catch (StoreConflictException e) {
            report(name, "not taken in, try again later: " + e.getMessage(), null);
            return Result.FAILED;
        } catch (StoreException | IOException e) {
            report(name, "not taken in, try again later: " + e.getMessage(), null);
            return Result.STORE_FAILED;
        } catch (RuntimeException e) {
            report(name, "not taken in, try again later: internal error: " + e, null);
            return Result.FAILED;
        }
    }

    private synchronized void report(String name, String line, ObjectNode json) {
        err().println((name.isEmpty() ? "ticketpost ingest: " : name + ": ") + line);
        if (this.json && json != null) {
            if (!name.isEmpty()) {
                json.put("file", name);
            }
            PrintWriter out = spec.commandLine().getOut();
            out.println(json.toString());
            out.flush();
        }
    }

    private PrintWriter err() {
        return spec.commandLine().getErr();
    }

    private enum Result {
        ACCEPTED, NOT_A_MAIL,
        /** This mail failed: a conflict, an unreadable file. */
        FAILED,
        /** The database or the disk failed: the mails after it need not be tried. */
        STORE_FAILED,
        NOT_TRIED;

        int exitCode() {
            return switch (this) {
                case ACCEPTED -> ExitCodes.OK;
                case NOT_A_MAIL -> ExitCodes.DATA_ERROR;
                case FAILED, STORE_FAILED, NOT_TRIED -> ExitCodes.TEMPORARY_FAILURE;
            };
        }
    }
}
