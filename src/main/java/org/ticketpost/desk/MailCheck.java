package org.ticketpost.desk;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import org.ticketpost.form.FilledForm;
import org.ticketpost.intake.AttachmentSink;
import org.ticketpost.intake.InboundMail;
import org.ticketpost.intake.KeyCheck;
import org.ticketpost.intake.MailParser;
import org.ticketpost.intake.RequestCheck;
import org.ticketpost.intake.UnreadableMailException;
import org.ticketpost.ticket.StoreException;
import org.ticketpost.ticket.UnitOfWork;

/**
 * Shows what intake would make of a mail, storing nothing: the mail read, its request checked,
 * its sender's authentication where mail.authserv-id is set, and, where there is a database, its
 * support key checked against the registry. Checking never
 * creates the database, and attachments are only counted.
 */
public final class MailCheck {

    private final MailParser parser;
    private final RequestCheck requests;
    private final KeyCheck keys;
    private final UnitOfWork database;
    private final MissingDatabase missing;
    private final Clock clock;
    private final ZoneId zone;

    /** @param zone the zone in which a support key's last day ends */
    public MailCheck(MailParser parser, RequestCheck requests, KeyCheck keys, UnitOfWork database, MissingDatabase missing,
            Clock clock, ZoneId zone) {
        this.parser = parser;
        this.requests = requests;
        this.keys = keys;
        this.database = database;
        this.missing = missing;
        this.clock = clock;
        this.zone = zone;
    }

    /**
     * @param askRegistry whether to check the support key against the registry; a caller checking
     *                    many mails stops asking once it has failed
     */
    public CheckedMail check(InputStream message, boolean askRegistry) {
        InboundMail mail;
        try {
            mail = parser.parse(message, AttachmentSink.COUNTING);
        } catch (UnreadableMailException e) {
            return new CheckedMail.NotAMail(e.getMessage());
        } catch (IOException e) {
            return new CheckedMail.NotRead(e.getMessage());
        }
        FilledForm read = requests.check(mail);
        FilledForm form = read.withProblems(keys.unauthenticatedSender(mail, read.language()).stream().toList());
        if (!askRegistry) {
            return new CheckedMail.Read(mail, form, new CheckedMail.KeyLookup.NotAsked());
        }
        Optional<java.nio.file.Path> noDatabase = missing.file();
        if (noDatabase.isPresent()) {
            return new CheckedMail.Read(mail, form, new CheckedMail.KeyLookup.NoDatabase(noDatabase.get()));
        }
        LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
        try {
            FilledForm checked = form.withProblems(database.inTransaction(stores ->
                    keys.check(form, mail.from(), stores.keys(), today).problems()));
            return new CheckedMail.Read(mail, checked, new CheckedMail.KeyLookup.Done());
        } catch (StoreException e) {
            return new CheckedMail.Read(mail, form, new CheckedMail.KeyLookup.Failed(e.getMessage()));
        }
    }
}
