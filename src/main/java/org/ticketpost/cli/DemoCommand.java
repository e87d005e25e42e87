package org.ticketpost.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.apache.commons.io.file.PathUtils;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "demo", mixinStandardHelpOptions = true,
        header = "Shows Ticketpost at work on an embedded mail server, with nothing to set up.",
        description = {"Starts a mail server on free localhost ports (SMTP and IMAP, mail kept in memory),",
                "and Ticketpost serving its support@example.com mailbox on a database of its own.",
                "A sample customer writes in, receives the confirmation with the ticket number, and",
                "replies onto the ticket. Then it runs until Ctrl-C, for mails of your own."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
                "1:the sample mail did not come through as it should (the log says why)",
                "75:a part did not start (the message names it)",
                "78:the configuration is wrong",
                "130:stopped by Ctrl-C"})
public final class DemoCommand implements Callable<Integer> {

    /** A running demo, as the command drives it. */
    public interface Run extends AutoCloseable {
        /** The sample customer's mail and reply; whether both came through. */
        boolean playSample() throws InterruptedException;

        void showAddresses();

        @Override
        void close();
    }

    /** Starts a demo on a data folder, printing to the given writer. */
    @FunctionalInterface
    public interface Starter {
        Run start(Path data, PrintWriter out);
    }

    @Spec
    CommandSpec spec;

    @Option(names = "--data", paramLabel = "DIR",
            description = "Keep the demo's database and files in DIR (default: a new temporary folder, removed at the end).")
    Path data;

    private final Starter starter;

    public DemoCommand(Starter starter) {
        this.starter = starter;
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        Path folder = data != null ? Files.createDirectories(data) : Files.createTempDirectory("ticketpost-demo-");
        Run demo;
        try {
            demo = starter.start(folder.toAbsolutePath(), out);
        } catch (RuntimeException e) {
            spec.commandLine().getErr().println("ticketpost demo: " + e.getMessage());
            removeUnlessKept(folder);
            return ExitCodes.TEMPORARY_FAILURE;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            demo.close();
            removeUnlessKept(folder);
        }, "ticketpost-demo-stop"));
        boolean played = demo.playSample();
        demo.showAddresses();
        if (!played) {
            return ExitCodes.INTERNAL_ERROR;
        }
        new CountDownLatch(1).await();   // until Ctrl-C: the shutdown hook stops the demo
        return ExitCodes.OK;
    }

    /**
     * Removes the temporary folder. H2 closes its database in a shutdown hook of its own, beside
     * this one, and may still write there while the folder is removed: then it is removed again.
     */
    private void removeUnlessKept(Path folder) {
        if (data != null) {
            return;
        }
        IOException failure = null;
        for (int attempt = 0; attempt < 20 && Files.exists(folder); attempt++) {
            try {
                PathUtils.deleteDirectory(folder);
            } catch (IOException e) {
                failure = e;
                sleep();
            }
        }
        if (Files.exists(folder)) {
            spec.commandLine().getErr().println("ticketpost demo: " + folder + " could not be removed: "
                    + (failure == null ? "" : failure.getMessage()));
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
