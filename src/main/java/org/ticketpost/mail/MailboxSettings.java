package org.ticketpost.mail;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import org.ticketpost.config.Settings;

/**
 * The mailbox serve reads, as mailbox.url and the settings beside it name it.
 *
 * @param url         the mailbox: protocol, server, user and folder
 * @param password    never shown by a toString, a log line or an error message
 * @param pollEvery   how often a mailbox without IDLE (and every POP3 mailbox) is asked for new mail
 * @param acknowledge what is done with a mail on the server once it is committed
 * @param doneFolder  where {@link Acknowledge#MOVE} puts it
 * @param errorFolder where a mail goes that is not a mail, or that kept failing (IMAP)
 * @param attempts    how often a mail is tried before it goes to the error folder
 * @param backlogAge  mail that had waited longer than this when the mailbox was first read is taken in without automatic replies
 * @param timeout     how long connecting, and each read of the server, may take
 */
public record MailboxSettings(MailboxUrl url, Password password, Duration pollEvery, Acknowledge acknowledge, String doneFolder,
        String errorFolder, int attempts, Duration backlogAge, Duration timeout) {

    /** What acknowledging a committed mail means on the server. Nothing is deleted unless the operator says so. */
    public enum Acknowledge {
        /** IMAP: the \Seen flag; POP3: the mail stays, and the ledger remembers it. */
        SEEN,
        /** IMAP only: into the done folder. */
        MOVE,
        /** Deleted (IMAP: expunged; POP3: deleted at the end of the session). */
        DELETE
    }

    /** The mailbox's password: Angus needs the text, nothing else may show it. */
    public record Password(String text) {
        @Override
        public String toString() {
            return "******";
        }
    }

    public static final Duration DEFAULT_POLL = Duration.ofMinutes(1);
    public static final Duration DEFAULT_BACKLOG_AGE = Duration.ofDays(1);
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(1);
    public static final int DEFAULT_ATTEMPTS = 5;

    /**
     * Reads mailbox.* from the settings, recording every mistake there, none of them showing the password.
     *
     * @return empty where mailbox.url is empty (no mailbox is read) or wrong
     */
    public static Optional<MailboxSettings> from(Settings settings) {
        Optional<String> url = settings.optional("mailbox.url");
        Optional<String> password = settings.optional("mailbox.password");
        Duration poll = settings.duration("mailbox.poll-interval", DEFAULT_POLL);
        Duration backlog = settings.duration("mailbox.backlog-age", DEFAULT_BACKLOG_AGE);
        Duration timeout = settings.duration("mailbox.timeout", DEFAULT_TIMEOUT);
        int attempts = settings.number("mailbox.attempts", DEFAULT_ATTEMPTS, 1, 100);
        String acknowledgeText = settings.text("mailbox.acknowledge", "seen");
        String doneFolder = settings.text("mailbox.done-folder", "Ticketpost-Done");
        String errorFolder = settings.text("mailbox.error-folder", "Ticketpost-Errors");
        Optional<Acknowledge> acknowledge = acknowledge(acknowledgeText);
        if (acknowledge.isEmpty()) {
            settings.problem(settings.named("mailbox.acknowledge") + " must be seen, move or delete, was '" + acknowledgeText + "'");
        }
        if (timeout.compareTo(Duration.ofSeconds(1)) < 0 || timeout.compareTo(Duration.ofMinutes(10)) > 0) {
            settings.problem(settings.named("mailbox.timeout") + " must be between PT1S and PT10M, was " + timeout);
        }
        if (url.isEmpty()) {
            return Optional.empty();
        }
        MailboxUrl parsed;
        try {
            parsed = MailboxUrl.parse(url.get());
        } catch (IllegalArgumentException e) {
            settings.problem(settings.named("mailbox.url") + ": " + e.getMessage());
            return Optional.empty();
        }
        boolean wrong = acknowledge.isEmpty();
        if (password.isEmpty()) {
            wrong = true;
            settings.problem(settings.named("mailbox.password") + " is missing: the mailbox " + parsed.shown()
                    + " needs the password of " + parsed.user() + " (keep it in " + Settings.envName("mailbox.password") + ")");
        }
        if (parsed.protocol() == MailboxUrl.Protocol.POP3 && acknowledge.orElse(Acknowledge.SEEN) == Acknowledge.MOVE) {
            wrong = true;
            settings.problem(settings.named("mailbox.acknowledge") + " move needs an IMAP mailbox: POP3 has no folders");
        }
        if (parsed.protocol() == MailboxUrl.Protocol.IMAP) {
            if (errorFolder.equals(parsed.folder())) {
                wrong = true;
                settings.problem(settings.named("mailbox.error-folder") + " must not be the folder read, " + parsed.folder());
            }
            if (acknowledge.orElse(Acknowledge.SEEN) == Acknowledge.MOVE && doneFolder.equals(parsed.folder())) {
                wrong = true;
                settings.problem(settings.named("mailbox.done-folder") + " must not be the folder read, " + parsed.folder());
            }
        }
        if (wrong) {
            return Optional.empty();
        }
        return Optional.of(new MailboxSettings(parsed, new Password(password.get()), poll, acknowledge.get(), doneFolder, errorFolder,
                attempts, backlog, timeout));
    }

    private static Optional<Acknowledge> acknowledge(String text) {
        try {
            return Optional.of(Acknowledge.valueOf(text.strip().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The mailbox as a log line and the service's parts name it, without a password. */
    public String shown() {
        return url.shown();
    }

    @Override
    public String toString() {
        return "MailboxSettings[" + shown() + ", acknowledge=" + acknowledge + ", poll=" + pollEvery + "]";
    }
}
