package nl.samenredzaam.identity.internal;

import java.time.Clock;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import nl.samenredzaam.api.i18n.Text;
import nl.samenredzaam.api.web.ProblemException;
import nl.samenredzaam.core.platform.PlatformDatabase;
import nl.samenredzaam.identity.internal.password.Argon2id;
import nl.samenredzaam.identity.internal.password.PasswordRules;
import nl.samenredzaam.identity.internal.session.LoginThrottle;
import nl.samenredzaam.identity.internal.session.Secrets;
import nl.samenredzaam.identity.internal.store.UserRepository;
import nl.samenredzaam.identity.internal.store.UserRow;
import nl.samenredzaam.identity.platform.LoginResult;

/**
 * Checks passwords. An unknown user, an offline account (no password) and a disabled account
 * cost the same Argon2id verification as a wrong password (against a dummy hash), and all give
 * the same answer, so neither the answer nor its timing tells whether an account exists.
 * Passwords are never logged, and neither are user names (log lines name user ids only).
 */
final class Authenticator {

    private static final Logger LOG = LoggerFactory.getLogger(Authenticator.class);
    /** Longer input is refused without hashing it (still after the dummy verification). */
    private static final int MAX_INPUT = 1024;
    private static final String UNKNOWN_ADDRESS = "unknown";

    private final PlatformDatabase db;
    private final Argon2id hasher;
    private final PasswordRules rules;
    private final LoginThrottle throttle;
    private final UserRepository users = new UserRepository();
    /**
     * Made on first use, not at start: one Argon2id hash costs about half a second of CPU, which
     * was a sixth of the platform's start-up (docs/performance.md).
     */
    private volatile String dummyHash;

    Authenticator(PlatformDatabase db, Argon2id hasher, PasswordRules rules, Clock clock) {
        this.db = db;
        this.hasher = hasher;
        this.rules = rules;
        this.throttle = new LoginThrottle(db, clock);
    }

    private String dummyHash() {
        String hash = dummyHash;
        if (hash == null) {
            // racing threads may each make one; any of them will do
            hash = hasher.hash(Secrets.random());
            dummyHash = hash;
        }
        return hash;
    }

    LoginResult authenticate(String username, String password, String remoteAddress) {
        String name = AccountFields.normalizeUsername(username);
        String address = remoteAddress == null || remoteAddress.isBlank() ? UNKNOWN_ADDRESS : remoteAddress;
        if (throttle.blocked(name, address)) {
            LOG.warn("Sign-in refused: too many failed attempts for this account or address");
            return LoginResult.failed(LoginResult.Outcome.THROTTLED);
        }
        Optional<UserRow> user = AccountFields.isUsername(name) ? db.global(sql -> users.byUsername(sql, name)) : Optional.empty();
        boolean usable = password != null && password.length() <= MAX_INPUT;
        String stored = user.map(UserRow::passwordHash).orElse(null);
        boolean matches;
        if (stored == null || !usable) {
            hasher.verify(usable ? password : "", dummyHash());
            matches = false;
        } else {
            matches = hasher.verify(password, stored);
        }
        if (matches && !user.get().disabled()) {
            UserRow u = user.get();
            if (hasSecondFactor(u.id())) {
                // the account's failures are cleared only when the code is right too: otherwise a
                // known password would reset the count before every round of code guesses
                rehashIfNeeded(u, stored, password);
                return LoginResult.secondFactor(u.account());
            }
            throttle.succeeded(name);
            rehashIfNeeded(u, stored, password);
            LOG.debug("Sign-in of user {}", u.id());
            return LoginResult.ok(u.account());
        }
        throttle.failed(name, address);
        return LoginResult.failed(LoginResult.Outcome.BAD_CREDENTIALS);
    }

    private void rehashIfNeeded(UserRow u, String stored, String password) {
        if (hasher.needsRehash(stored)) {
            String fresh = hasher.hash(password);
            db.global(sql -> {
                users.setPasswordHash(sql, u.id(), fresh);
                return null;
            });
        }
    }

    boolean hasSecondFactor(long userId) {
        return db.global(sql -> sql.first("select 1 from identity_totp where user_id = :user and confirmed_at is not null",
                r -> true, "user", userId)).isPresent();
    }

    LoginThrottle throttle() {
        return throttle;
    }

    /**
     * Checks the password of a signed-in person before a sensitive change (e.g. removing the second
     * factor): a 400 problem with {@code field} when it is wrong (counted like a failed sign-in),
     * 429 when throttled.
     */
    UserRow requirePassword(long userId, String password, String field) {
        UserRow user = db.global(sql -> users.byId(sql, userId)).orElseThrow(ProblemException::notFound);
        if (user.disabled()) {
            throw ProblemException.forbidden();
        }
        if (throttle.blocked(user.username(), null)) {
            throw new ProblemException(429, "Te veel pogingen; probeer het later opnieuw / too many attempts; try again later");
        }
        boolean usable = password != null && password.length() <= MAX_INPUT;
        boolean matches;
        if (user.passwordHash() == null || !usable) {
            hasher.verify("", dummyHash());
            matches = false;
        } else {
            matches = hasher.verify(password, user.passwordHash());
        }
        if (!matches) {
            throttle.failed(user.username(), null);
            throw ProblemException.invalidField(field, "Het wachtwoord klopt niet. / The password is not right.");
        }
        return user;
    }

    Optional<Text> problem(String password, String username) {
        return rules.problem(password, username);
    }

    /** A new hash for a password that passed the rules. */
    String hash(String password) {
        return hasher.hash(password);
    }

    /** Whether a stored hash was made with other parameters than this authenticator's. */
    boolean needsRehash(String stored) {
        return hasher.needsRehash(stored);
    }

    void changePassword(long userId, String currentPassword, String newPassword) {
        UserRow user = db.global(sql -> users.byId(sql, userId)).orElseThrow(ProblemException::notFound);
        if (user.disabled()) {
            throw ProblemException.forbidden();
        }
        if (throttle.blocked(user.username(), null)) {
            throw new ProblemException(429, "Too many attempts; try again later");
        }
        boolean usable = currentPassword != null && currentPassword.length() <= MAX_INPUT;
        boolean matches;
        if (user.passwordHash() == null || !usable) {
            hasher.verify("", dummyHash());
            matches = false;
        } else {
            matches = hasher.verify(currentPassword, user.passwordHash());
        }
        if (!matches) {
            throttle.failed(user.username(), null);
            throw ProblemException.invalidField("currentPassword",
                    "Het huidige wachtwoord klopt niet. / The current password is not right.");
        }
        rules.problem(newPassword, user.username()).ifPresent(problem -> {
            throw ProblemException.invalidField("newPassword", problem.nl() + " / " + problem.en());
        });
        String fresh = hasher.hash(newPassword);
        db.global(sql -> {
            users.setPasswordHash(sql, userId, fresh);
            return null;
        });
        LOG.info("Password changed for user {}", userId);
    }
}
