package org.ticketpost.mail;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import org.ticketpost.config.Settings;

/**
 * The mailbox serve reads, as mailbox.url and the settings beside it name it.
 *
 * @param protocol    IMAP or POP3
 * @param security    how the connection is protected: TLS from the first byte (imaps://, pop3s://),
 *                    STARTTLS before the login (imap://, pop3://), or none (?starttls=off)
 * @param user        the login, percent-decoded from the URL
 * @param password    never shown by a toString, a log line or an error message
 * @param folder      the IMAP folder read; INBOX for POP3
 * @param pollEvery   how often a mailbox without IDLE (and every POP3 mailbox) is asked for new mail
 * @param acknowledge what is done with a mail on the server once it is committed
 * @param doneFolder  where {@link Acknowledge#MOVE} puts it
 * @param errorFolder where a mail goes that is not a mail, or that kept failing (IMAP)
 * @param attempts    how often a mail is tried before it goes to the error folder
 * @param backlogAge  mail that had waited longer than this when the mailbox was first read is taken in without automatic replies
 * @param timeout     how long connecting, and each read of the server, may take
 */
public record MailboxSettings(Protocol protocol, SmtpSettings.Security security, String host, int port, String user,
        Password password, String folder, Duration pollEvery, Acknowledge acknowledge, String doneFolder, String errorFolder,
        int attempts, Duration backlogAge, Duration timeout) {

    public enum Protocol { IMAP, POP3 }

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
    private static final int LONGEST_NAME = 500;

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
        Parsed parsed;
        try {
            parsed = parse(url.get());
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
        if (parsed.protocol() == Protocol.POP3 && acknowledge.orElse(Acknowledge.SEEN) == Acknowledge.MOVE) {
            wrong = true;
            settings.problem(settings.named("mailbox.acknowledge") + " move needs an IMAP mailbox: POP3 has no folders");
        }
        if (parsed.protocol() == Protocol.IMAP) {
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
        return Optional.of(new MailboxSettings(parsed.protocol(), parsed.security(), parsed.host(), parsed.port(), parsed.user(),
                new Password(password.get()), parsed.folder(), poll, acknowledge.get(), doneFolder, errorFolder, attempts, backlog,
                timeout));
    }

    private static Optional<Acknowledge> acknowledge(String text) {
        try {
            return Optional.of(Acknowledge.valueOf(text.strip().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** A mailbox URL read apart from the other settings. */
    record Parsed(Protocol protocol, SmtpSettings.Security security, String host, int port, String user, String folder) {
        String shown() {
            return MailboxSettings.shown(protocol, security, host, port, user, folder);
        }
    }

    /**
     * Reads imap://, imaps://, pop3:// or pop3s://user@host[:port][/folder][?starttls=off].
     *
     * @throws IllegalArgumentException saying what is wrong, without repeating a password the URL may hold
     */
    static Parsed parse(String url) {
        String shown = "'" + url.strip().replaceFirst("//[^/?#@]*:[^/?#@]*@", "//…@") + "'";
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(shown + " is no URL: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        Protocol protocol = switch (scheme) {
            case "imap", "imaps" -> Protocol.IMAP;
            case "pop3", "pop3s" -> Protocol.POP3;
            default -> throw new IllegalArgumentException(shown + " must start with imaps://, imap://, pop3s:// or pop3://");
        };
        boolean tls = scheme.endsWith("s");
        String userInfo = uri.getRawUserInfo();
        if (userInfo != null && userInfo.contains(":")) {
            throw new IllegalArgumentException(shown + " must not hold a password: give it as mailbox.password");
        }
        if (uri.getHost() == null) {
            throw new IllegalArgumentException(shown + " names no host, or no port as a number: imaps://support%40example.com@imap.example.com");
        }
        if (userInfo == null || userInfo.isEmpty()) {
            throw new IllegalArgumentException(shown + " names no user: imaps://support%40example.com@imap.example.com/INBOX");
        }
        int port = uri.getPort() < 0 ? defaultPort(protocol, tls) : uri.getPort();
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException(shown + ": the port must be from 1 to 65535, was " + port);
        }
        if (uri.getRawFragment() != null) {
            throw new IllegalArgumentException(shown + " must not have a #fragment");
        }
        String folder = folder(uri.getRawPath(), shown);
        if (protocol == Protocol.POP3 && !folder.equals("INBOX")) {
            throw new IllegalArgumentException(shown + ": POP3 reads INBOX alone and has no folder '" + folder + "'");
        }
        if (tls && uri.getRawQuery() != null) {
            throw new IllegalArgumentException(shown + ": " + scheme + ":// speaks TLS from the start and takes no parameters");
        }
        SmtpSettings.Security security = tls ? SmtpSettings.Security.TLS : SmtpSettings.starttls(uri.getRawQuery(), shown);
        String host = uri.getHost().startsWith("[") ? uri.getHost().substring(1, uri.getHost().length() - 1) : uri.getHost();
        Parsed parsed = new Parsed(protocol, security, host, port, decode(userInfo), folder);
        if (parsed.shown().length() > LONGEST_NAME) {
            throw new IllegalArgumentException(shown + " is longer than " + LONGEST_NAME + " characters");
        }
        return parsed;
    }

    private static String folder(String rawPath, String shown) {
        if (rawPath == null || rawPath.isEmpty() || rawPath.equals("/")) {
            return "INBOX";
        }
        String folder = decode(rawPath.substring(1));
        if (folder.isBlank()) {
            throw new IllegalArgumentException(shown + " names an empty folder");
        }
        return folder.equalsIgnoreCase("INBOX") ? "INBOX" : folder;   // RFC 3501: INBOX in any case is the inbox
    }

    private static String decode(String text) {
        return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private static int defaultPort(Protocol protocol, boolean tls) {
        if (protocol == Protocol.IMAP) {
            return tls ? 993 : 143;
        }
        return tls ? 995 : 110;
    }

    /** The mailbox as a log line and the service's parts name it: imaps://support%40example.com@imap.example.com/INBOX. */
    public String shown() {
        return shown(protocol, security, host, port, user, folder);
    }

    /**
     * The mailbox as the intake ledger knows it: the user's folder on that host, however it is
     * reached, so that moving from imap:// to imaps:// does not make its mails new again.
     */
    String ledgerName() {
        return protocol.name().toLowerCase(Locale.ROOT) + "://" + encode(user, "") + "@" + hostShown(host).toLowerCase(Locale.ROOT) + "/"
                + folder;
    }

    private static String shown(Protocol protocol, SmtpSettings.Security security, String host, int port, String user,
            String folder) {
        String scheme = protocol.name().toLowerCase(Locale.ROOT) + (security == SmtpSettings.Security.TLS ? "s" : "");
        boolean defaultPort = port == defaultPort(protocol, security == SmtpSettings.Security.TLS);
        return scheme + "://" + encode(user, "") + "@" + hostShown(host) + (defaultPort ? "" : ":" + port) + "/" + encode(folder, "/")
                + (security == SmtpSettings.Security.NONE ? "?starttls=off" : "");
    }

    private static String hostShown(String host) {
        return host.contains(":") ? "[" + host + "]" : host;
    }

    /** What a URL's user or path may not hold as it is: @, :, /, ?, #, %, and blanks, but for the characters kept. */
    private static String encode(String text, String kept) {
        StringBuilder out = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if (c > ' ' && c < 0x7f && ("@:/?#%[]".indexOf(c) < 0 || kept.indexOf(c) >= 0)) {
                out.append(c);
            } else {
                out.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return out.toString();
    }

    @Override
    public String toString() {
        return "MailboxSettings[" + shown() + ", acknowledge=" + acknowledge + ", poll=" + pollEvery + "]";
    }
}
