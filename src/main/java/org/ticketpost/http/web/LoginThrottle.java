package org.ticketpost.http.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Failed logins counted per engineer's name and per client address: after {@value #LIMIT}
 * failures within {@link #WINDOW} either one is refused until the oldest failure is that old.
 * A guesser gets a few tries an hour, an engineer who mistyped waits a while.
 */
final class LoginThrottle {

    static final int LIMIT = 5;
    static final Duration WINDOW = Duration.ofMinutes(15);
    /** Names and addresses with failures kept before the stale ones are dropped: a flood of names does not fill the memory. */
    private static final int KEPT = 10_000;

    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();
    private final Clock clock;

    LoginThrottle(Clock clock) {
        this.clock = clock;
    }

    /** How long the name or the address has to wait before it may try again; none when it may now. */
    Optional<Duration> waitFor(String name, String address) {
        Instant now = clock.instant();
        Optional<Duration> byName = waitFor(nameKey(name), now);
        Optional<Duration> byAddress = waitFor(addressKey(address), now);
        return byName.isPresent() && byAddress.isPresent()
                ? Optional.of(byName.get().compareTo(byAddress.get()) > 0 ? byName.get() : byAddress.get())
                : byName.or(() -> byAddress);
    }

    void failed(String name, String address) {
        Instant now = clock.instant();
        record(nameKey(name), now);
        record(addressKey(address), now);
    }

    /** The right password clears its name's failures; the address keeps its own, against guessing many names. */
    void succeeded(String name) {
        failures.remove(nameKey(name));
    }

    private Optional<Duration> waitFor(String key, Instant now) {
        Deque<Instant> times = failures.get(key);
        if (times == null) {
            return Optional.empty();
        }
        synchronized (times) {
            times.removeIf(time -> !time.isAfter(now.minus(WINDOW)));
            return times.size() < LIMIT ? Optional.empty() : Optional.of(Duration.between(now.minus(WINDOW), times.peekFirst()));
        }
    }

    private void record(String key, Instant now) {
        if (failures.size() > KEPT) {
            failures.values().removeIf(times -> {
                synchronized (times) {
                    return times.isEmpty() || !times.peekLast().isAfter(now.minus(WINDOW));
                }
            });
        }
        Deque<Instant> times = failures.computeIfAbsent(key, any -> new ArrayDeque<>());
        synchronized (times) {
            times.removeIf(time -> !time.isAfter(now.minus(WINDOW)));
            times.addLast(now);
        }
    }

    private static String nameKey(String name) {
        return "name:" + (name == null ? "" : name.strip().toLowerCase(Locale.ROOT));
    }

    private static String addressKey(String address) {
        return "address:" + address;
    }
}
