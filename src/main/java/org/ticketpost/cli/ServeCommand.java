package org.ticketpost.cli;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.ticketpost.config.ConfigException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "serve", mixinStandardHelpOptions = true,
        header = "Runs Ticketpost as a service until it is stopped (SIGTERM, Ctrl-C).",
        description = {"Sends the replies in the outbox through the mail server smtp.url names,",
                "takes in the mail of the mailbox mailbox.url names, takes mail over LMTP on",
                "lmtp.host:lmtp.port where lmtp.port is set, answers GET /health and GET /metrics",
                "on http.host:http.port (an empty http.port: not at all), and logs at INFO unless",
                "log.level says otherwise. The other commands keep working while it runs, on",
                "PostgreSQL and on the embedded database alike."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
                "75:a part did not start: the database is unavailable, http.port is taken, or the like (the message names it)",
                "78:the configuration is wrong, or a registered support key names a plan config/sla-plans.yaml does not hold",
                "143:stopped by SIGTERM, after the mail in hand was finished"})
public final class ServeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    private final Runnable start;

    /** @param start starts the service's parts, each stopped again by the JVM's shutdown */
    public ServeCommand(Runnable start) {
        this.start = start;
    }

    @Override
    public Integer call() throws InterruptedException {
        try {
            start.run();
        } catch (ConfigException e) {
            e.messages().forEach(message -> spec.commandLine().getErr().println("ticketpost serve: " + message));
            return ExitCodes.CONFIG_ERROR;
        } catch (RuntimeException e) {
            spec.commandLine().getErr().println("ticketpost serve: " + e.getMessage());
            return ExitCodes.TEMPORARY_FAILURE;
        }
        new CountDownLatch(1).await();   // until the JVM ends: its shutdown stops the parts
        return ExitCodes.OK;
    }
}
