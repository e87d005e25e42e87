package org.ticketpost.mail;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * Where and how Ticketpost hands its mails to the mail server.
 *
 * @param security  how the connection is protected
 * @param user      present: Ticketpost logs in (SMTP AUTH) as this user …
 * @param password  … with this password, which no toString, log line or error message shows
 * @param timeout   how long connecting, and each read and write, may wait for the server
 */
public record SmtpSettings(String host, int port, Security security, Optional<String> user, Optional<String> password,
        Duration timeout) {

    public enum Security {
        /** smtp://: plain SMTP upgraded with STARTTLS before anything else is said; no mail goes where the server does not offer it. */
        STARTTLS,
        /** smtps://: TLS from the first byte. */
        TLS,
        /** smtp://…?starttls=off: no encryption, for a local relay or a test server. */
        NONE
    }

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration LONGEST_TIMEOUT = Duration.ofMinutes(10);

    public SmtpSettings {
        user = user.filter(text -> !text.isBlank());
        password = password.filter(text -> !text.isEmpty());
        if (user.isPresent() != password.isPresent()) {
            throw new IllegalArgumentException(user.isPresent() ? "an SMTP user needs a password" : "an SMTP password needs a user");
        }
        if (timeout.compareTo(Duration.ofSeconds(1)) < 0 || timeout.compareTo(LONGEST_TIMEOUT) > 0) {
            throw new IllegalArgumentException("the SMTP timeout must be between PT1S and " + LONGEST_TIMEOUT + ", was " + timeout);
        }
    }

    /**
     * Reads a mail server's URL: smtp://host[:port] (STARTTLS, required; port 587 unless given),
     * smtps://host[:port] (TLS; port 465 unless given), smtp://host:port?starttls=off (no encryption).
     *
     * @throws IllegalArgumentException saying what is wrong with it, without repeating a password it may hold
     */
    public static SmtpSettings parse(String url, Optional<String> user, Optional<String> password, Duration timeout) {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("no SMTP URL: give the mail server as smtp://host:587 or smtps://host:465");
        }
        String shown = "'" + withoutUserInfo(url.strip()) + "'";
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(shown + " is no URL: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("smtp") && !scheme.equals("smtps")) {
            throw new IllegalArgumentException(shown + " must start with smtp:// or smtps://");
        }
        if (uri.getRawUserInfo() != null || (uri.getRawAuthority() != null && uri.getRawAuthority().contains("@"))) {
            throw new IllegalArgumentException(shown + " must not hold a user or password: give them as settings of their own");
        }
        if (uri.getHost() == null) {
            throw new IllegalArgumentException(shown + " names no host, or no port as a number: smtp://smtp.example.com:587");
        }
        if (uri.getRawPath() != null && !uri.getRawPath().isEmpty() && !uri.getRawPath().equals("/")
                || uri.getRawFragment() != null) {
            throw new IllegalArgumentException(shown + " must end after the host and port (and ?starttls=off)");
        }
        int port = uri.getPort() < 0 ? (scheme.equals("smtps") ? 465 : 587) : uri.getPort();
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException(shown + ": the port must be from 1 to 65535, was " + port);
        }
        Security security = scheme.equals("smtps") ? Security.TLS : starttls(uri.getQuery(), shown);
        if (scheme.equals("smtps") && uri.getQuery() != null) {
            throw new IllegalArgumentException(shown + ": smtps:// speaks TLS from the start and takes no parameters");
        }
        String host = uri.getHost().startsWith("[") ? uri.getHost().substring(1, uri.getHost().length() - 1) : uri.getHost();
        return new SmtpSettings(host, port, security, user, password, timeout);
    }

    /** Reads ?starttls=off or ?starttls=required, the parameter a mail server's URL (SMTP, IMAP, POP3) may have. */
    static Security starttls(String query, String shown) {
        if (query == null || query.isEmpty()) {
            return Security.STARTTLS;
        }
        Security security = Security.STARTTLS;
        for (String parameter : query.split("&")) {
            String[] nameAndValue = parameter.split("=", 2);
            if (!nameAndValue[0].equalsIgnoreCase("starttls")) {
                throw new IllegalArgumentException(shown + ": unknown parameter '" + nameAndValue[0] + "'; the one known is starttls");
            }
            String value = nameAndValue.length < 2 ? "" : nameAndValue[1].toLowerCase(Locale.ROOT);
            if (value.equals("off")) {
                security = Security.NONE;
            } else if (value.equals("required")) {
                security = Security.STARTTLS;
            } else {
                throw new IllegalArgumentException(shown + ": starttls must be 'required' or 'off', was '" + value + "'");
            }
        }
        return security;
    }

    private static String withoutUserInfo(String url) {
        return url.replaceFirst("//[^/?#]*@", "//…@");
    }

    /** Jakarta Mail's name for the protocol. */
    String protocol() {
        return security == Security.TLS ? "smtps" : "smtp";
    }

    /** The server as a log line names it: smtp://smtp.example.com:587 (STARTTLS), with the user, never the password. */
    public String shown() {
        String address = host.contains(":") ? "[" + host + "]" : host;
        return (security == Security.TLS ? "smtps://" : "smtp://") + address + ":" + port
                + (security == Security.NONE ? " (unencrypted)" : security == Security.STARTTLS ? " (STARTTLS)" : " (TLS)")
                + user.map(name -> " as " + name).orElse("");
    }

    @Override
    public String toString() {
        return "SmtpSettings[" + shown() + ", timeout=" + timeout + "]";
    }
}
