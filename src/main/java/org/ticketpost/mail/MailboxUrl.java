package org.ticketpost.mail;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A mailbox as mailbox.url names it: imaps://support%40example.com@imap.example.com/INBOX.
 *
 * @param security how the connection is protected: TLS from the first byte (imaps://, pop3s://),
 *                 STARTTLS before the login (imap://, pop3://), or none (?starttls=off)
 * @param user     the login, percent-decoded from the URL
 * @param folder   the IMAP folder read; INBOX for POP3
 */
public record MailboxUrl(Protocol protocol, SmtpSettings.Security security, String host, int port, String user, String folder) {

    public enum Protocol { IMAP, POP3 }

    /** The ledger's column holds this many characters. */
    private static final int LONGEST_NAME = 500;

    /**
     * Reads imap://, imaps://, pop3:// or pop3s://user@host[:port][/folder][?starttls=off].
     *
     * @throws IllegalArgumentException saying what is wrong, without repeating a password the URL may hold
     */
    public static MailboxUrl parse(String url) {
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
        MailboxUrl parsed = new MailboxUrl(protocol, security, host, port, decode(userInfo), folder);
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
        String scheme = protocol.name().toLowerCase(Locale.ROOT) + (security == SmtpSettings.Security.TLS ? "s" : "");
        boolean defaultPort = port == defaultPort(protocol, security == SmtpSettings.Security.TLS);
        return scheme + "://" + encode(user, "") + "@" + hostShown(host) + (defaultPort ? "" : ":" + port) + "/" + encode(folder, "/")
                + (security == SmtpSettings.Security.NONE ? "?starttls=off" : "");
    }

    /**
     * The mailbox as the intake ledger knows it: the user's folder on that host, however it is
     * reached, so that moving from imap:// to imaps:// does not make its mails new again.
     */
    String ledgerName() {
        return protocol.name().toLowerCase(Locale.ROOT) + "://" + encode(user, "") + "@" + hostShown(host).toLowerCase(Locale.ROOT) + "/"
                + folder;
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
}
