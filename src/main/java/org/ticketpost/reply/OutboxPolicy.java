package org.ticketpost.reply;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * How the outbox is sent and retried.
 *
 * @param batchSize   how many due mails one pass takes at a time
 * @param lease       how long the mails a pass took are held for it unless renewed ({@link OutboxRunner}
 *                    renews it every third of it while the pass lasts): a sender that ends without
 *                    recording them has them sent again this long after its last renewal
 * @param firstDelay  the wait after a first failed attempt; it doubles with each further one …
 * @param maxDelay    … up to this
 * @param maxAttempts a mail is given up after this many failed attempts …
 * @param maxAge      … or when its next attempt would come later than this after it was written (or an
 *                    operator had it sent again)
 */
public record OutboxPolicy(int batchSize, Duration lease, Duration firstDelay, Duration maxDelay, int maxAttempts,
        Duration maxAge) {

    /**
     * Retries at 1, 2, 4, … minutes, then hourly, for two days: long enough for a mail server's
     * weekend outage to be mended, short enough that an answer still makes sense to the customer.
     */
    public static final OutboxPolicy DEFAULT = new OutboxPolicy(10, Duration.ofMinutes(1), Duration.ofMinutes(1),
            Duration.ofHours(1), 60, Duration.ofDays(2));

    public OutboxPolicy {
        require(batchSize >= 1, "batchSize must be at least 1, was " + batchSize);
        require(positive(lease), "lease must be positive, was " + lease);
        require(positive(firstDelay), "firstDelay must be positive, was " + firstDelay);
        require(maxDelay.compareTo(firstDelay) >= 0, "maxDelay must not be shorter than firstDelay " + firstDelay + ", was " + maxDelay);
        require(maxAttempts >= 1, "maxAttempts must be at least 1, was " + maxAttempts);
        require(positive(maxAge), "maxAge must be positive, was " + maxAge);
    }

    /** The wait after the given number of failed attempts: firstDelay, doubled for each further one, at most maxDelay. */
    public Duration delayAfter(int failedAttempts) {
        if (failedAttempts < 1) {
            throw new IllegalArgumentException("failedAttempts must be at least 1, was " + failedAttempts);
        }
        int doublings = failedAttempts - 1;
        // compared by division, so that many attempts cannot overflow the multiplication
        if (doublings >= 62 || firstDelay.compareTo(maxDelay.dividedBy(1L << doublings)) > 0) {
            return maxDelay;
        }
        return firstDelay.multipliedBy(1L << doublings);
    }

    /**
     * When to try a mail again after its latest attempt failed for a reason that may pass; empty
     * when it is to be given up.
     *
     * @param failedAttempts the attempts that failed, the latest one included
     */
    public Optional<Instant> nextAttempt(int failedAttempts, Instant written, Instant now) {
        if (failedAttempts >= maxAttempts) {
            return Optional.empty();
        }
        Instant next = now.plus(delayAfter(failedAttempts));
        return next.isAfter(written.plus(maxAge)) ? Optional.empty() : Optional.of(next);
    }

    private static boolean positive(Duration duration) {
        return !duration.isNegative() && !duration.isZero();
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
