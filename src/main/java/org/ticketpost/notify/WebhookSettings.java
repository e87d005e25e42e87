package org.ticketpost.notify;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import org.ticketpost.config.Settings;
import org.ticketpost.reply.OutboxPolicy;

/**
 * Where SLA alerts (and later other events) are posted, and how: webhook.url, the shared
 * webhook.secret that signs each call, webhook.timeout and webhook.max-age. The secret is never
 * shown: not by {@link #toString()}, not in a mistake's message.
 */
public record WebhookSettings(URI url, String secret, Duration timeout, Duration maxAge) {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_MAX_AGE = Duration.ofHours(24);

    /** Shorter is guessable; a generated secret (openssl rand -hex 32) is far longer. */
    static final int SHORTEST_SECRET = 16;

    /** Calls sent per pass: a pass holds them for their timeout each, at most. */
    private static final int BATCH = 10;

    /** The wait after a first failed call, doubled for each further one up to the longest. */
    private static final Duration FIRST_DELAY = Duration.ofSeconds(30);
    private static final Duration LONGEST_DELAY = Duration.ofMinutes(30);

    /** The webhook settings; none where webhook.url is unset. Mistakes go to the settings' list. */
    public static Optional<WebhookSettings> read(Settings settings) {
        Optional<String> given = settings.optional("webhook.url");
        Optional<String> secret = settings.optional("webhook.secret");
        Duration timeout = settings.duration("webhook.timeout", DEFAULT_TIMEOUT);
        Duration maxAge = settings.duration("webhook.max-age", DEFAULT_MAX_AGE);
        if (given.isEmpty()) {
            return Optional.empty();
        }
        Optional<URI> url = url(given.get());
        if (url.isEmpty()) {
            // not repeated: a URL may carry a token
            settings.problem(settings.named("webhook.url") + " must be an http:// or https:// URL with a host");
        }
        if (secret.isEmpty()) {
            settings.problem(settings.named("webhook.url") + " is set but webhook.secret is not: set the shared secret that signs "
                    + "each call, in " + Settings.envName("webhook.secret") + " rather than in a file");
        } else if (secret.get().length() < SHORTEST_SECRET) {
            settings.problem(settings.named("webhook.secret") + " must be at least " + SHORTEST_SECRET + " characters, was "
                    + secret.get().length());
        }
        if (url.isEmpty() || secret.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new WebhookSettings(url.get(), secret.get(), timeout, maxAge));
    }

    private static Optional<URI> url(String given) {
        try {
            URI url = new URI(given);
            String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && url.getHost() != null ? Optional.of(url) : Optional.empty();
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    /** The URL without its user, query and fragment, which may carry a token: for the log. */
    public String shown() {
        return url.getScheme() + "://" + url.getHost() + (url.getPort() < 0 ? "" : ":" + url.getPort())
                + (url.getRawPath() == null ? "" : url.getRawPath());
    }

    /**
     * Retries at 30 s, 1, 2, 4 … minutes, then every half hour, until webhook.max-age after the
     * event; the outbox's policy, whose attempts are not counted here, only the age. A pass holds
     * its calls for longer than it can take.
     */
    OutboxPolicy policy() {
        Duration longestDelay = maxAge.compareTo(LONGEST_DELAY) < 0 ? maxAge : LONGEST_DELAY;
        Duration firstDelay = longestDelay.compareTo(FIRST_DELAY) < 0 ? longestDelay : FIRST_DELAY;
        return new OutboxPolicy(BATCH, timeout.multipliedBy(BATCH + 1).plusMinutes(1), firstDelay, longestDelay,
                Integer.MAX_VALUE, maxAge);
    }

    @Override
    public String toString() {
        return "WebhookSettings[url=" + shown() + ", secret=(hidden), timeout=" + timeout + ", maxAge=" + maxAge + "]";
    }
}
