package org.ticketpost.testing;

import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/** A mailbox's INBOX as its owner reads it: over IMAP on the test's mail server, with the owner's password. */
public final class ImapInbox {

    private ImapInbox() {
    }

    /** The mails, oldest first, each copied so that it stays readable after the folder is closed. */
    public static List<MimeMessage> read(int imapPort, String user, String password) throws MessagingException {
        Store store = Session.getInstance(new Properties()).getStore("imap");
        store.connect("127.0.0.1", imapPort, user, password);
        try {
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            List<MimeMessage> mails = new ArrayList<>();
            for (Message message : inbox.getMessages()) {
                mails.add(new MimeMessage((MimeMessage) message));
            }
            inbox.close(false);
            return mails;
        } finally {
            store.close();
        }
    }
}
