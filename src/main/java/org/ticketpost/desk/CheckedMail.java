package org.ticketpost.desk;

import java.nio.file.Path;
import org.ticketpost.form.FilledForm;
import org.ticketpost.intake.InboundMail;

/** What a check made of a mail, storing nothing. */
public sealed interface CheckedMail {

    /**
     * The mail as read, and its request as checked.
     *
     * @param form its fields, with the support key's problems among the others where the registry was asked
     */
    record Read(InboundMail mail, FilledForm form, KeyLookup keys) implements CheckedMail {

        /** Whether intake would open a ticket for it: a valid request that no machine sent. */
        public boolean wouldOpenTicket() {
            return form.isValid() && !mail.isAutomatic();
        }
    }

    /** Not a mail that can be read: empty, binary, without a header section. */
    record NotAMail(String reason) implements CheckedMail {
    }

    /** Reading the input failed. */
    record NotRead(String reason) implements CheckedMail {
    }

    /** Whether the support key was checked against the registry, and if not, why. */
    sealed interface KeyLookup {

        record Done() implements KeyLookup {
        }

        /** The caller asked not to, e.g. because the registry failed for an earlier mail. */
        record NotAsked() implements KeyLookup {
        }

        /** There is no database yet, and a check never creates one. */
        record NoDatabase(Path file) implements KeyLookup {
        }

        /** The database failed. */
        record Failed(String cause) implements KeyLookup {
        }
    }
}
