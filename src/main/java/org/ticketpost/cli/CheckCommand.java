package org.ticketpost.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.ticketpost.cli.Inputs.Input;
import org.ticketpost.desk.MissingDatabase;
import org.ticketpost.form.FilledForm;
import org.ticketpost.form.SupportTemplate;
import org.ticketpost.intake.AttachmentSink;
import org.ticketpost.intake.InboundMail;
import org.ticketpost.intake.KeyCheck;
import org.ticketpost.intake.MailParser;
import org.ticketpost.intake.RequestCheck;
import org.ticketpost.intake.UnreadableMailException;
import org.ticketpost.ticket.StoreException;
import org.ticketpost.ticket.UnitOfWork;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "check", mixinStandardHelpOptions = true,
        header = "Shows what Ticketpost understands of a mail, storing nothing.",
        description = {"FILE: a mail, an mbox file (every mail in it, named file.mbox#3), a Maildir",
                "folder (the mails in new/ and cur/) or a folder of mails. Where there is a",
                "database, the support key is checked against the registry too; checking",
                "never creates one."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
                " 0:every mail would open a ticket",
                " 1:a mail would open no ticket: it has problems, or it was sent by a machine",
                "64:called wrongly: no file, or an unknown option",
                "65:an input is not a readable mail: empty, binary, an Outlook .msg, no header section",
                "66:a named file or folder does not exist or cannot be read, or a folder holds no mail",
                "78:the configuration is wrong"})
public final class CheckCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "mails, mbox files, Maildirs or folders of mails")
    List<Path> paths = new ArrayList<>();

    @Option(names = "--json", description = "one JSON line per mail; for a file that is not a readable mail "
            + "{\"file\", \"readable\": false, \"reason\"}")
    boolean json;

    @Spec
    CommandSpec spec;

    private final MailParser parser;
    private final RequestCheck requests;
    private final SupportTemplate template;
    private final KeyRegistry keys;
    private Optional<Boolean> registryOpen = Optional.empty();
    private int reports;

    /**
     * The key registry, asked when there is a database: checking a mail never creates one.
     *
     * @param missing the embedded database, when it has not been created yet
     * @param zone    the zone in which a key's last day ends
     */
    public record KeyRegistry(UnitOfWork database, MissingDatabase missing, KeyCheck check, ZoneId zone) {
    }

    public CheckCommand(MailParser parser, RequestCheck requests, SupportTemplate template, KeyRegistry keys) {
        this.parser = parser;
        this.requests = requests;
        this.template = template;
        this.keys = keys;
    }

    @Override
    public Integer call() throws IOException {
        List<Input> inputs;
        try {
            inputs = Inputs.of(paths);
        } catch (Inputs.NoMailException e) {
            err().println(e.getMessage());
            return e.exitCode();
        }
        int exitCode = ExitCodes.OK;
        for (Input input : inputs) {
            exitCode = Math.max(exitCode, check(input));
        }
        return exitCode;
    }

    private int check(Input input) {
        InboundMail mail;
        try (InputStream in = input.open()) {
            mail = parser.parse(in, AttachmentSink.COUNTING);
        } catch (IOException e) {
            return unreadable(input, "cannot be read: " + e.getMessage(), ExitCodes.NO_INPUT);
        } catch (UnreadableMailException e) {
            return unreadable(input, "not a readable mail: " + e.getMessage(), ExitCodes.DATA_ERROR);
        }
        FilledForm form = withKeyProblems(requests.check(mail), mail);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(CheckReport.json(input.name(), mail, form, template));
        } else {
            out.print((reports++ > 0 ? "\n" : "") + CheckReport.text(input.name(), mail, form, template));
        }
        out.flush();
        return form.isValid() && !mail.isAutomatic() ? ExitCodes.OK : ExitCodes.PROBLEMS;   // automatic mail opens no ticket
    }

    /** One line on stderr; with --json, also a line on stdout, so that every input has its line there. */
    private int unreadable(Input input, String reason, int exitCode) {
        err().println(input.name() + ": " + reason);
        if (json) {
            PrintWriter out = spec.commandLine().getOut();
            out.println(CheckReport.unreadable(input.name(), reason));
            out.flush();
        }
        return exitCode;
    }

    private FilledForm withKeyProblems(FilledForm form, InboundMail mail) {
        if (!registryAvailable()) {
            return form;
        }
        try {
            LocalDate today = LocalDate.now(keys.zone());
            return form.withProblems(keys.database().inTransaction(stores ->
                    keys.check().check(form, mail.from(), stores.keys(), today).problems()));
        } catch (StoreException e) {
            err().println("ticketpost check: the support key was not checked: " + e.getMessage());
            registryOpen = Optional.of(false);
            return form;
        }
    }

    /** Whether there is a registry to ask; where there is none, that is said once. */
    private boolean registryAvailable() {
        if (registryOpen.isEmpty()) {
            Optional<String> none = keys.missing().file()
                    .map(file -> RefusalText.noDatabase(file.toString(), "the support key is not checked against the registry"));
            none.ifPresent(line -> err().println("ticketpost check: " + line));
            registryOpen = Optional.of(none.isEmpty());
        }
        return registryOpen.get();
    }

    private PrintWriter err() {
        return spec.commandLine().getErr();
    }
}
