package org.ticketpost.intake;

import org.ticketpost.form.FilledForm;
import org.ticketpost.form.FormCheck;
import org.ticketpost.form.FormReader;

/** Understands the support request in a mail: reads the template out of its text and checks every field. */
public final class RequestCheck {

    private final FormReader reader;
    private final FormCheck check;

    public RequestCheck(FormReader reader, FormCheck check) {
        this.reader = reader;
        this.check = check;
    }

    public FilledForm check(InboundMail mail) {
        return check.check(reader.read(mail.text()));
    }
}
