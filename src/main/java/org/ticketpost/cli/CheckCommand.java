package org.ticketpost.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.ticketpost.cli.Inputs.Input;
import org.ticketpost.desk.CheckedMail;
import org.ticketpost.desk.MailCheck;
import org.ticketpost.form.SupportTemplate;
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

    private final MailCheck check;
    private final SupportTemplate template;
    /** Asked until it is found missing or failing, which is said once. */
    private boolean askRegistry = true;
    private int reports;

    public CheckCommand(MailCheck check, SupportTemplate template) {
        this.check = check;
        this.template = template;
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
        CheckedMail checked;
        try (InputStream in = input.open()) {
            checked = check.check(in, askRegistry);
        } catch (IOException e) {
            return unreadable(input, "cannot be read: " + e.getMessage(), ExitCodes.NO_INPUT);
        }
        if (checked instanceof CheckedMail.NotAMail notAMail) {
            return unreadable(input, "not a readable mail: " + notAMail.reason(), ExitCodes.DATA_ERROR);
        }
        if (checked instanceof CheckedMail.NotRead notRead) {
            return unreadable(input, "cannot be read: " + notRead.reason(), ExitCodes.NO_INPUT);
        }
        CheckedMail.Read read = (CheckedMail.Read) checked;
        sayOnce(read.keys());
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(Json.line(CheckJson.of(input.name(), read.mail(), read.form(), template)));
        } else {
            out.print((reports++ > 0 ? "\n" : "") + CheckReport.text(input.name(), read.mail(), read.form(), template));
        }
        out.flush();
        return read.wouldOpenTicket() ? ExitCodes.OK : ExitCodes.PROBLEMS;
    }

    /** Where the registry could not be asked, that is said once, and it is not asked again. */
    private void sayOnce(CheckedMail.KeyLookup keys) {
        if (keys instanceof CheckedMail.KeyLookup.NoDatabase none) {
            err().println("ticketpost check: "
                    + RefusalText.noDatabase(none.file().toString(), "the support key is not checked against the registry"));
            askRegistry = false;
        } else if (keys instanceof CheckedMail.KeyLookup.Failed failed) {
            err().println("ticketpost check: the support key was not checked: " + failed.cause());
            askRegistry = false;
        }
    }

    /** One line on stderr; with --json, also a line on stdout, so that every input has its line there. */
    private int unreadable(Input input, String reason, int exitCode) {
        err().println(input.name() + ": " + reason);
        if (json) {
            PrintWriter out = spec.commandLine().getOut();
            out.println(Json.line(new CheckJson.Unreadable(input.name(), reason)));
            out.flush();
        }
        return exitCode;
    }

    private PrintWriter err() {
        return spec.commandLine().getErr();
    }
}
