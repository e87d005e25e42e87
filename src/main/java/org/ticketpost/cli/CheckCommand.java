package org.ticketpost.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import java.util.concurrent.Callable;
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
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"Shows what Ticketpost understands of a mail, storing nothing. Where there is a database,",
                "the support key is checked against the registry too.",
                "Exit code 0: a ticket would be opened; 1: the mail has problems; 2: the file is not a readable mail."})
public final class CheckCommand implements Callable<Integer> {

    static final int VALID = 0;
    static final int PROBLEMS = 1;
    static final int UNREADABLE = 2;

    @Parameters(paramLabel = "FILE.eml", description = "the mail, as an RFC 822 file")
    Path file;

    @Option(names = "--json", description = "print the result as JSON")
    boolean json;

    @Spec
    CommandSpec spec;

    private final MailParser parser;
    private final RequestCheck requests;
    private final SupportTemplate template;
    private final KeyRegistry keys;

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
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        InboundMail mail;
        try (InputStream in = Files.newInputStream(file)) {
            mail = parser.parse(in, AttachmentSink.COUNTING);
        } catch (NoSuchFileException e) {
            err.println(file + ": no such file");
            return UNREADABLE;
        } catch (IOException e) {
            err.println(file + ": cannot be read: " + e.getMessage());
            return UNREADABLE;
        } catch (UnreadableMailException e) {
            err.println(file + ": not a readable mail: " + e.getMessage());
            return UNREADABLE;
        }
        FilledForm form = withKeyProblems(requests.check(mail), mail, err);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(CheckReport.json(mail, form, template));
        } else {
            out.print(CheckReport.text(file.getFileName().toString(), mail, form, template));
        }
        out.flush();
        return form.isValid() && !mail.isAutomatic() ? VALID : PROBLEMS;   // automatic mail opens no ticket
    }

    private FilledForm withKeyProblems(FilledForm form, InboundMail mail, PrintWriter err) {
        Optional<String> none = keys.missing().said("the support key is not checked against the registry");
        if (none.isPresent()) {
            err.println("ticketpost check: " + none.get());
            return form;
        }
        try {
            LocalDate today = LocalDate.now(keys.zone());
            return form.withProblems(keys.database().inTransaction(stores ->
                    keys.check().check(form, mail.from(), stores.keys(), today).problems()));
        } catch (StoreException e) {
            err.println("ticketpost check: the support key was not checked: " + e.getMessage());
            return form;
        }
    }
}
