package org.ticketpost.desk;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.ticketpost.ticket.Engineer;
import org.ticketpost.ticket.SenderRule;
import org.ticketpost.ticket.UnitOfWork;

/**
 * The support engineers' accounts: who they are, whether they are on call, and how they prove
 * it (an API token for programs, a password for the web page). Every door signs engineers in
 * here. Each operation runs in one transaction; a failing database throws
 * {@link org.ticketpost.ticket.StoreException}. Secrets are hashed outside the transaction, so
 * a slow password hash holds no connection.
 */
public final class Engineers {

    /** Long enough to withstand guessing through the web page; longer than any person types. */
    public static final int PASSWORD_MIN_LENGTH = 12;
    public static final int PASSWORD_MAX_LENGTH = 512;
    private static final int EMAIL_LENGTH = 254;

    /** An engineer as an operator registers them; {@link #add} checks every value. */
    public record NewEngineer(String name, String email, boolean onCall) {
    }

    /** A token just issued: shown to its engineer once, and kept nowhere but as its hash. */
    public record IssuedToken(String name, String token) {
        @Override
        public String toString() {
            return "IssuedToken[name=" + name + "]";   // never the token, wherever this is logged
        }
    }

    private record Account(EngineerView view, Optional<String> passwordHash) {
    }

    private final UnitOfWork database;
    private final MissingDatabase missing;
    private final Clock clock;
    private final SecureRandom random;

    public Engineers(UnitOfWork database, MissingDatabase missing, Clock clock, SecureRandom random) {
        this.database = database;
        this.missing = missing;
        this.clock = clock;
        this.random = random;
    }

    /** Registers an engineer, without token or password yet; a name taken in any case is refused. */
    public EngineerView add(NewEngineer engineer) throws Refused {
        String name = Engineer.normalName(engineer.name());
        List<String> problems = new ArrayList<>();
        if (!Engineer.NAME.matcher(name).matches()) {
            problems.add(nameProblem(engineer.name()));
        }
        Optional<String> email = address(engineer.email());
        if (email.isEmpty()) {
            problems.add("email '" + (engineer.email() == null ? "" : engineer.email().strip()) + "' is not an e-mail address");
        }
        if (!problems.isEmpty()) {
            throw new Refused(new Refusal.Invalid(problems));
        }
        Instant now = clock.instant();
        Optional<EngineerView> added = database.inTransaction(stores -> {
            if (stores.engineers().find(name).isPresent()) {
                return Optional.empty();
            }
            Engineer account = new Engineer(name, email.get(), engineer.onCall(), now);
            stores.engineers().add(account);
            return Optional.of(EngineerView.of(account));
        });
        return added.orElseThrow(() -> new Refused(new Refusal.EngineerExists(name)));
    }

    /** Every engineer, by name. */
    public List<EngineerView> list() throws Refused {
        missing.require();   // reading never creates the database: without one, no engineer was added
        return database.inTransaction(stores -> stores.engineers().all().stream().map(EngineerView::of).toList());
    }

    /** Issues a new API token, which replaces the engineer's old one at once. */
    public IssuedToken newToken(String name) throws Refused {
        String token = ApiToken.issue(random);
        String hash = ApiToken.hash(token);
        Instant now = clock.instant();
        EngineerView engineer = change(name, account -> account.replaceTokenHash(hash, now));
        return new IssuedToken(engineer.name(), token);
    }

    /** Sets the password the engineer signs in to the web page with; a short or overlong one is refused. */
    public EngineerView setPassword(String name, char[] password) throws Refused {
        int length = password.length == 0 ? 0 : Character.codePointCount(password, 0, password.length);
        if (length < PASSWORD_MIN_LENGTH) {
            throw new Refused(new Refusal.Invalid(List.of("a password needs at least " + PASSWORD_MIN_LENGTH + " characters")));
        }
        if (length > PASSWORD_MAX_LENGTH) {
            throw new Refused(new Refusal.Invalid(List.of("a password has at most " + PASSWORD_MAX_LENGTH + " characters")));
        }
        missing.require();   // an unknown name is refused before the slow hash is made
        String hash = PasswordHash.hash(password, random);
        Instant now = clock.instant();
        return change(name, account -> account.replacePasswordHash(hash, now));
    }

    /** Stops the engineer from signing in, by token or by password; the account and its secrets stay. */
    public EngineerView disable(String name) throws Refused {
        Instant now = clock.instant();
        return change(name, account -> account.disable(now));
    }

    public EngineerView enable(String name) throws Refused {
        Instant now = clock.instant();
        return change(name, account -> account.enable(now));
    }

    public EngineerView onCall(String name, boolean onCall) throws Refused {
        Instant now = clock.instant();
        return change(name, account -> account.putOnCall(onCall, now));
    }

    /**
     * The engineer an API token belongs to.
     *
     * @throws Refused with {@link Refusal.Unauthenticated} for a token no engineer has (any more),
     *                 {@link Refusal.Forbidden} for a disabled engineer's
     */
    public EngineerView authenticate(String token) throws Refused {
        missing.require();
        if (token == null || token.isBlank()) {
            throw new Refused(new Refusal.Unauthenticated());
        }
        String hash = ApiToken.hash(token.strip());
        Optional<EngineerView> found = database.inTransaction(stores -> stores.engineers().findByTokenHash(hash).map(EngineerView::of));
        return admitted(found.orElseThrow(() -> new Refused(new Refusal.Unauthenticated())));
    }

    /**
     * The engineer whose name and password these are. An unknown name, or one without a
     * password, costs as much time as a wrong password, and is refused in the same words.
     *
     * @throws Refused with {@link Refusal.Unauthenticated} or, for a disabled engineer's right password, {@link Refusal.Forbidden}
     */
    public EngineerView verifyPassword(String name, char[] password) throws Refused {
        missing.require();
        String normal = Engineer.normalName(name);
        Optional<Account> found = database.inTransaction(stores -> stores.engineers().find(normal)
                .map(account -> new Account(EngineerView.of(account), account.passwordHash())));
        Optional<String> hash = found.flatMap(Account::passwordHash);
        boolean matches = PasswordHash.matches(password, hash.orElse(PasswordHash.NONE));
        if (!matches || hash.isEmpty()) {
            throw new Refused(new Refusal.Unauthenticated());
        }
        return admitted(found.get().view());
    }

    /** Where to tell the engineers on call, by name; disabled ones are not told. */
    public List<String> onCallAddresses() throws Refused {
        missing.require();
        return database.inTransaction(OnCallEngineers::accountAddresses);
    }

    private static EngineerView admitted(EngineerView engineer) throws Refused {
        if (engineer.disabled()) {
            throw new Refused(new Refusal.Forbidden(engineer.name()));
        }
        return engineer;
    }

    private EngineerView change(String name, Consumer<Engineer> change) throws Refused {
        missing.require();   // reading never creates the database: without one, no engineer was added
        String normal = Engineer.normalName(name);
        Optional<EngineerView> found = database.inTransaction(stores -> stores.engineers().find(normal).map(account -> {
            change.accept(account);
            return EngineerView.of(account);
        }));
        return found.orElseThrow(() -> new Refused(new Refusal.UnknownEngineer(normal)));
    }

    private static String nameProblem(String typed) {
        String shown = typed == null ? "" : typed.strip();
        return "name '" + shown + "' must be 1 to 64 letters, digits, dots, dashes or underscores, starting with a letter or digit";
    }

    /** An address as support keys allow it (jane@example.com), in lower case; a bare domain is none. */
    private static Optional<String> address(String typed) {
        if (typed == null || typed.strip().length() > EMAIL_LENGTH) {
            return Optional.empty();
        }
        return SenderRule.parse(typed).map(SenderRule::rule).filter(rule -> rule.contains("@"));
    }
}
