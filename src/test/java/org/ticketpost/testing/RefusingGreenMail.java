package org.ticketpost.testing;

import com.icegreen.greenmail.Managers;
import com.icegreen.greenmail.mail.MailAddress;
import com.icegreen.greenmail.server.AbstractServer;
import com.icegreen.greenmail.smtp.SmtpManager;
import com.icegreen.greenmail.smtp.SmtpState;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * GreenMail, whose SMTP server answers RCPT TO for the addresses it is told with the reply it is
 * told, as a mail server refuses an unknown user ("550 5.1.1 … User unknown"). Everything else is
 * GreenMail's own: it takes the other recipients' mail, and the tests read what it received.
 * The refusal goes through GreenMail's recipient check, SmtpManager.checkRecipient.
 */
public final class RefusingGreenMail extends GreenMail {

    public RefusingGreenMail(ServerSetup setup) {
        super(setup);
    }

    /** From now on, RCPT TO this address is answered with the reply, e.g. "550 5.1.1 <jane@example.com>: User unknown". */
    public RefusingGreenMail refuse(String address, String reply) {
        refusing().refusals.put(address.toLowerCase(Locale.ROOT), reply);
        return this;
    }

    /** From now on, mail to this address is taken again. */
    public RefusingGreenMail accept(String address) {
        refusing().refusals.remove(address.toLowerCase(Locale.ROOT));
        return this;
    }

    /** Called while GreenMail is built, and again when it is reset: the refusals stay. */
    @Override
    protected Map<String, AbstractServer> createServices(ServerSetup[] config, Managers given) {
        if (!(managers instanceof RefusingManagers)) {
            managers = new RefusingManagers();
        }
        return super.createServices(config, managers);
    }

    private RefusingManagers refusing() {
        return (RefusingManagers) getManagers();
    }

    private static final class RefusingManagers extends Managers {

        private final Map<String, String> refusals = new ConcurrentHashMap<>();
        private final SmtpManager smtp = new SmtpManager(getImapHostManager(), getUserManager()) {
            @Override
            public String checkRecipient(SmtpState state, MailAddress address) {
                return refusals.get(address.getEmail().toLowerCase(Locale.ROOT));
            }
        };

        @Override
        public SmtpManager getSmtpManager() {
            return smtp;
        }
    }
}
