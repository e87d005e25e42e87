package org.ticketpost.lmtp;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.ticketpost.config.Settings;

/**
 * Where and how Ticketpost takes mail over LMTP, from config/ticketpost.properties.
 *
 * @param maxSize        the largest mail taken, in bytes: advertised as SIZE and enforced
 * @param maxConnections connections served at once; one more is told to try again later
 * @param timeout        how long a client may keep silent, waiting for a command or in the middle of a mail
 * @param recipients     the addresses mail is taken for, in lower case; empty: any address the mail server names
 * @param spool          the folder a mail too large for memory waits in until it has come whole
 */
public record LmtpSettings(InetAddress host, int port, long maxSize, int maxConnections, Duration timeout,
        Set<String> recipients, Path spool) {

    public static final long DEFAULT_MAX_SIZE = 50L * 1024 * 1024;
    public static final int DEFAULT_MAX_CONNECTIONS = 20;
    /** RFC 5321 4.5.3.2.7: a server waits five minutes for the next command. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(5);
    private static final String DEFAULT_HOST = "127.0.0.1";

    public LmtpSettings {
        recipients = Set.copyOf(recipients);
    }

    /**
     * The listener the settings ask for: none while lmtp.port is empty. Each mistake goes to the
     * settings' problems, so that the operator sees them all at once.
     *
     * @param spool where mails wait while they come in
     */
    public static Optional<LmtpSettings> read(Settings settings, Path spool) {
        int port = settings.number("lmtp.port", 0, 1, 65535);
        long maxSize = settings.bytes("lmtp.max-size", DEFAULT_MAX_SIZE);
        if (maxSize < 1024) {
            settings.problem(settings.named("lmtp.max-size") + " must be at least 1KB, was '" + settings.text("lmtp.max-size", "")
                    + "'");
        }
        int maxConnections = settings.number("lmtp.max-connections", DEFAULT_MAX_CONNECTIONS, 1, 1000);
        Duration timeout = settings.duration("lmtp.timeout", DEFAULT_TIMEOUT);
        if (timeout.compareTo(Duration.ofHours(1)) > 0) {
            settings.problem(settings.named("lmtp.timeout") + " must be at most PT1H, was " + timeout);
        }
        Set<String> recipients = recipients(settings);
        if (port == 0) {   // not set, or wrong and named among the problems
            return Optional.empty();
        }
        return host(settings).map(host -> new LmtpSettings(host, port, maxSize, maxConnections, timeout, recipients,
                spool));
    }

    /** host:port, as the log and the operator name the listener. */
    public String shown() {
        String address = host.getHostAddress();
        return (address.contains(":") ? "[" + address + "]" : address) + ":" + port;
    }

    /** Whether mail for this address is taken here. */
    public boolean accepts(String recipient) {
        return recipients.isEmpty() || recipients.contains(recipient.toLowerCase(Locale.ROOT));
    }

    private static Optional<InetAddress> host(Settings settings) {
        String host = settings.text("lmtp.host", DEFAULT_HOST);
        try {
            return Optional.of(InetAddress.getByName(host));
        } catch (UnknownHostException e) {
            settings.problem(settings.named("lmtp.host") + " must be an address of this machine such as 127.0.0.1, was '" + host
                    + "'");
            return Optional.empty();
        }
    }

    private static Set<String> recipients(Settings settings) {
        Set<String> recipients = Arrays.stream(settings.text("lmtp.recipients", "").split("[,;\\s]+"))
                .filter(address -> !address.isEmpty())
                .map(address -> address.toLowerCase(Locale.ROOT))
                .collect(Collectors.toSet());
        for (String address : recipients) {
            if (!address.matches("[^@<>\\s]+@[^@<>\\s]+")) {
                settings.problem(settings.named("lmtp.recipients") + " must list e-mail addresses, was '" + address + "'");
            }
        }
        return recipients;
    }
}
