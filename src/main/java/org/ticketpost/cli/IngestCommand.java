package org.ticketpost.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
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
import org.ticketpost.cli.Inputs.Input;
import org.ticketpost.intake.Delivery;
import org.ticketpost.intake.Reception;
import org.ticketpost.ticket.StoreException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "ingest", mixinStandardHelpOptions = true,
        header = "Takes mail in: from standard input, as a mail server's pipe delivers it, or from files and folders.",
        description = {"FILE|DIR: mails, mbox files (every mail in them, named file.mbox#3),",
                "Maildir folders (the mails in new/ and cur/) and folders of such files.",
                "One line per mail goes to stderr."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
                " 0:every mail was accepted: ticket, follow-up, rejection, ignored or duplicate",
                "64:called wrongly: an unknown option, an option out of its range, or no input and a terminal",
                "65:an input is not a mail (a mail server bounces it)",
                "66:a named file or folder does not exist, or a folder holds no mail",
                "75:the database or the disk is unavailable, or the configuration is wrong (the message names every mistake): a mail server keeps the mail and tries again later"})
public final class IngestCommand implements Callable<Integer> {

    /** The range of --threads and of the setting ingest.threads. */
    public static final int MAX_THREADS = 256;

    @Parameters(paramLabel = "FILE|DIR", arity = "0..*",
            description = "mails, mbox files, Maildirs or folders of mails; none: one mail from standard input")
    List<Path> paths = new ArrayList<>();

    @Option(names = "--json", description = "one JSON line per mail: {\"outcome\", \"ticket\", \"problems\", \"file\"}, "
            + "or {\"outcome\": \"not_a_mail\" or \"try_again\", \"reason\", \"file\"}")
    boolean json;

    int threads;

    @Option(names = "--threads", paramLabel = "N", description = "mails taken in at once from files, 1 to " + MAX_THREADS
            + " (default: the setting ingest.threads)")
    void threads(String value) {
        threads = WholeNumber.parse(spec, "--threads", value, 1, MAX_THREADS);
    }

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
            notTakenIn(e.getMessage());
            return ExitCodes.TEMPORARY_FAILURE;
        }
        if (paths.isEmpty()) {
            return ingest(intake, "", "", stdin.get()).exitCode();
        }
        List<Input> files;
        try {
            files = Inputs.of(paths);
        } catch (Inputs.NoMailException e) {
            err().println(e.getMessage());
            return e.exitCode();
        }
        return files.size() == 1 ? ingestFile(intake, files.get(0), false).exitCode() : ingestAll(intake, files);
    }

    /**
     * Takes the files in, several at once. The first failure of the database or the disk stops the
     * run: the mails after it would each wait for the same store in vain. Every file gets a line that
     * says whether it was taken in, so that the rest can be given again, or all of them (a mail
     * already taken in comes back as a duplicate).
     */
    private int ingestAll(Reception intake, List<Input> files) throws InterruptedException {
        long start = System.nanoTime();
        Map<Result, Integer> counts = new EnumMap<>(Result.class);
        AtomicBoolean storeFailed = new AtomicBoolean();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads));
        try {
            List<Future<Result>> results = new ArrayList<>();
            for (Input file : files) {
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
                    String reason = "not tried after the database or the disk failed";
                    report(files.get(i).name(), "not taken in, try again later: " + reason,
                            OutcomeText.json("try_again", reason, files.get(i).name()));
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

    /** @param named whether lines name the input: they do when there are several */
    private Result ingestFile(Reception intake, Input file, boolean named) {
        String name = named ? file.name() : "";
        try (InputStream in = file.open()) {
            return ingest(intake, name, file.name(), in);
        } catch (IOException e) {
            String reason = "cannot be read: " + e.getMessage();
            report(name, reason, OutcomeText.json("try_again", reason, file.name()));
            return Result.FAILED;
        }
    }

    /** @param file the input's name for JSON, empty for standard input */
    private Result ingest(Reception intake, String name, String file, InputStream message) {
        Delivery delivery = intake.deliver(message);
        if (delivery instanceof Delivery.Accepted accepted) {
            report(name, OutcomeText.line(accepted.outcome()), OutcomeText.json(accepted.outcome(), file));
            return Result.ACCEPTED;
        }
        if (delivery instanceof Delivery.NotAMail notAMail) {
            report(name, "not a mail: " + notAMail.reason(), OutcomeText.json("not_a_mail", notAMail.reason(), file));
            return Result.NOT_A_MAIL;
        }
        Delivery.TryLater tryLater = (Delivery.TryLater) delivery;
        report(name, "not taken in, try again later: " + tryLater.cause(), OutcomeText.json("try_again", tryLater.cause(), file));
        return tryLater.storeDown() ? Result.STORE_FAILED : Result.FAILED;
    }

    /** With --json, a line for each input that was not taken in because the store could not be opened. */
    private void notTakenIn(String reason) {
        if (!json) {
            return;
        }
        List<String> names = new ArrayList<>();
        try {
            Inputs.of(paths).forEach(input -> names.add(input.name()));
        } catch (Inputs.NoMailException | IOException e) {
            paths.forEach(path -> names.add(path.toString()));
        }
        if (paths.isEmpty()) {
            names.add("");
        }
        for (String name : names) {
            spec.commandLine().getOut().println(Json.line(OutcomeText.json("try_again", reason, name)));
        }
        spec.commandLine().getOut().flush();
    }

    /** One line on stderr and, with --json, one JSON line on stdout: for every input, whatever became of it. */
    private synchronized void report(String name, String line, Object json) {
        err().println((name.isEmpty() ? "ticketpost ingest: " : name + ": ") + line);
        if (this.json) {
            PrintWriter out = spec.commandLine().getOut();
            out.println(Json.line(json));
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
