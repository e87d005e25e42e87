package org.ticketpost.desk;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.ticketpost.config.SupportKeyCsv;
import org.ticketpost.ticket.KeyData;
import org.ticketpost.ticket.SupportKey;
import org.ticketpost.ticket.UnitOfWork;

/**
 * The registry of support keys, which decides who may open tickets for which customer. Every
 * operation runs in one transaction and returns what it read there; a failing database throws
 * {@link org.ticketpost.ticket.StoreException}.
 */
public final class KeyRegistry {

    /** A key as an operator types it in; {@link #add} checks every value. */
    public record NewKey(String key, String customer, String plan, List<String> allow, Optional<String> validUntil) {
        public NewKey {
            allow = List.copyOf(allow);
        }
    }

    /** What an import did: the keys of the file that were new, and those that were known and updated. */
    public record Imported(int added, int updated) {
        public int keys() {
            return added + updated;
        }
    }

    private final UnitOfWork database;
    private final MissingDatabase missing;
    private final Pattern keyFormat;
    private final Collection<String> plans;
    private final Clock clock;
    private final ZoneId zone;

    /**
     * @param keyFormat the support template's key format
     * @param plans     the plans of config/sla-plans.yaml
     * @param zone      the zone in which a key's last day ends
     */
    public KeyRegistry(UnitOfWork database, MissingDatabase missing, Pattern keyFormat, Collection<String> plans, Clock clock,
            ZoneId zone) {
        this.database = database;
        this.missing = missing;
        this.keyFormat = keyFormat;
        this.plans = List.copyOf(plans);
        this.clock = clock;
        this.zone = zone;
    }

    /** Registers a new key; a known one is refused, as only an import updates keys. */
    public KeyView add(NewKey key) throws Refused {
        KeyData data = checked(KeyData.read(key.key(), key.customer(), key.plan(), key.allow(), key.validUntil().orElse(null),
                keyFormat, plans));
        Instant now = clock.instant();
        Optional<KeyView> added = database.inTransaction(stores -> {
            if (stores.keys().find(data.key()).isPresent()) {
                return Optional.empty();
            }
            SupportKey supportKey = new SupportKey(data.key(), data.customer(), data.plan(), data.senders(),
                    data.validUntil().orElse(null), now);
            stores.keys().add(supportKey);
            return Optional.of(KeyView.of(supportKey, today(now)));
        });
        return added.orElseThrow(() -> new Refused(new Refusal.AlreadyRegistered(data.key())));
    }

    /**
     * Adds the new keys of a CSV file and updates the known ones, or, when any line is wrong,
     * imports nothing and names every wrong line.
     */
    public Imported importCsv(byte[] csv) throws Refused {
        SupportKeyCsv.Contents contents;
        try {
            contents = SupportKeyCsv.read(csv, keyFormat, plans);
        } catch (IOException e) {
            throw new UncheckedIOException("bytes in memory are always readable", e);
        }
        if (!contents.problems().isEmpty()) {
            throw new Refused(new Refusal.NothingImported(contents.problems()));
        }
        Instant now = clock.instant();
        return database.inTransaction(stores -> {
            int added = 0;
            for (KeyData data : contents.keys()) {
                Optional<SupportKey> known = stores.keys().find(data.key());
                if (known.isPresent()) {
                    known.get().update(data.customer(), data.plan(), data.senders(), data.validUntil().orElse(null), now);
                } else {
                    stores.keys().add(new SupportKey(data.key(), data.customer(), data.plan(), data.senders(),
                            data.validUntil().orElse(null), now));
                    added++;
                }
            }
            return new Imported(added, contents.keys().size() - added);
        });
    }

    /** Every key, by key. */
    public List<KeyView> list() throws Refused {
        missing.require();   // reading never creates the database: without one, no key was added
        LocalDate today = today(clock.instant());
        return database.inTransaction(stores -> stores.keys().all().stream().map(key -> KeyView.of(key, today)).toList());
    }

    /**
     * The registered keys, disabled ones too, that name a plan config/sla-plans.yaml does not hold
     * (any more): by plan, each plan's keys by key. Their tickets would have no targets.
     */
    public Map<String, List<String>> keysOfUnknownPlans() {
        return database.inTransaction(stores -> stores.keys().all().stream()
                .filter(supportKey -> !plans.contains(supportKey.plan()))
                .collect(Collectors.groupingBy(SupportKey::plan, TreeMap::new,
                        Collectors.mapping(SupportKey::key, Collectors.toList()))));
    }

    /** @param key as typed: case and surrounding blanks do not matter */
    public KeyView show(String key) throws Refused {
        return change(key, supportKey -> { });
    }

    /** Stops the key from opening tickets; it stays registered, and its tickets stay as they are. */
    public KeyView disable(String key) throws Refused {
        Instant now = clock.instant();
        return change(key, supportKey -> supportKey.disable(now));
    }

    /** Lets a disabled key open tickets again. */
    public KeyView enable(String key) throws Refused {
        Instant now = clock.instant();
        return change(key, supportKey -> supportKey.enable(now));
    }

    private KeyView change(String key, Consumer<SupportKey> change) throws Refused {
        missing.require();   // reading never creates the database: without one, no key was added
        String normal = key.strip().toUpperCase(Locale.ROOT);
        LocalDate today = today(clock.instant());
        Optional<KeyView> found = database.inTransaction(stores -> stores.keys().find(normal).map(supportKey -> {
            change.accept(supportKey);
            return KeyView.of(supportKey, today);
        }));
        return found.orElseThrow(() -> new Refused(new Refusal.UnknownKey(normal)));
    }

    private LocalDate today(Instant now) {
        return LocalDate.ofInstant(now, zone);
    }

    private static KeyData checked(KeyData.Reading reading) throws Refused {
        if (reading.data().isEmpty()) {
            throw new Refused(new Refusal.Invalid(reading.problems()));
        }
        return reading.data().get();
    }
}
