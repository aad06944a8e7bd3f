package nl.samenredzaam.identity.internal;

import java.io.PrintStream;
import java.time.Clock;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import nl.samenredzaam.api.i18n.Text;
import nl.samenredzaam.core.platform.DataAccessException;
import nl.samenredzaam.core.platform.PlatformDatabase;
import nl.samenredzaam.identity.internal.session.Secrets;
import nl.samenredzaam.identity.internal.store.UserRepository;

/**
 * Creates the first platform operator, {@value #USERNAME}, when there is none: with the password
 * from {@value #ENV}, or else with a random one that is printed once to standard output (never
 * through the logger: no password may appear in a log line).
 *
 * <p>The operator belongs to no initiative. Their e-mail address, for a password reset and the notices
 * after a changed password or second factor (the platform's own mail), comes from {@value #EMAIL_ENV}:
 * set at every start when it differs, since there is no page to change it yet. An address that does not
 * look like one is refused with an error in the log, and the stored one is kept.
 */
final class FirstOperator {

    static final String USERNAME = "admin";
    static final String ENV = "SAMENREDZAAM_ADMIN_PASSWORD";
    static final String EMAIL_ENV = "SAMENREDZAAM_ADMIN_EMAIL";
    static final int GENERATED_LENGTH = 20;
    private static final Logger LOG = LoggerFactory.getLogger(FirstOperator.class);

    private final PlatformDatabase db;
    private final Clock clock;
    private final Authenticator passwords;
    private final UserRepository users = new UserRepository();

    FirstOperator(PlatformDatabase db, Clock clock, Authenticator passwords) {
        this.db = db;
        this.clock = clock;
        this.passwords = passwords;
    }

    /**
     * Ensures the operator account exists.
     *
     * @param configured the password from {@value #ENV}, or {@code null}
     * @param console    where a generated password is shown
     * @return whether the account was created now
     * @throws IllegalStateException when the configured password breaks the rules
     */
    boolean ensure(String configured, PrintStream console) {
        return ensure(configured, null, console);
    }

    /**
     * Ensures the operator account exists and has the configured e-mail address.
     *
     * @param configured      the password from {@value #ENV}, or {@code null}
     * @param configuredEmail the address from {@value #EMAIL_ENV}, or {@code null} to leave it as it is
     * @param console         where a generated password is shown
     * @return whether the account was created now
     * @throws IllegalStateException when the configured password breaks the rules
     */
    boolean ensure(String configured, String configuredEmail, PrintStream console) {
        boolean created = create(configured, console);
        setEmail(configuredEmail);
        return created;
    }

    /**
     * The quick part of {@link #ensure(String, String, PrintStream)}, for the start: when the operator
     * exists, sets the address and returns {@code null}; otherwise checks the configured password now
     * (a bad one stops the identity service, as before) and returns the rest, whose Argon2id hash costs
     * about 0.2 s at a first start, to run on a thread of its own ({@link FirstOperatorStart}).
     *
     * @throws IllegalStateException when the configured password breaks the rules
     */
    Runnable prepare(String configured, String configuredEmail, PrintStream console) {
        if (exists()) {
            setEmail(configuredEmail);
            return null;
        }
        if (configured != null && !configured.isEmpty()) {
            requireValid(configured);
        }
        return () -> ensure(configured, configuredEmail, console);
    }

    private void requireValid(String configured) {
        Optional<Text> problem = passwords.problem(configured, USERNAME);
        if (problem.isPresent()) {
            LOG.error("{} does not meet the password rules ({}); the identity service does not start. "
                    + "Set a better password or leave it empty to get a generated one.", ENV, problem.get().en());
            throw new IllegalStateException(ENV + " does not meet the password rules: " + problem.get().en());
        }
    }

    private void setEmail(String configuredEmail) {
        if (configuredEmail == null || configuredEmail.isBlank()) {
            return;
        }
        String email = configuredEmail.trim();
        if (email.length() > 254 || !email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            LOG.error("{} is not an e-mail address; the address of '{}' is left as it is", EMAIL_ENV, USERNAME);
            return;
        }
        int changed = db.global(sql -> sql.update("update identity_user set email = :email where username = :username "
                + "and operator = true and (email is null or email <> :email)", "email", email, "username", USERNAME));
        if (changed > 0) {
            LOG.info("E-mail address of operator account '{}' set from {}", USERNAME, EMAIL_ENV);
        }
    }

    private boolean create(String configured, PrintStream console) {
        if (exists()) {
            return false;
        }
        boolean generate = configured == null || configured.isEmpty();
        if (!generate) {
            requireValid(configured);
        }
        String password = generate ? Secrets.password(GENERATED_LENGTH) : configured;
        String hash = passwords.hash(password);
        try {
            db.global(sql -> users.insert(sql, USERNAME, "Platformbeheerder", null, hash, true, false, clock.instant(), null));
        } catch (DataAccessException e) {
            if (exists()) {
                return false; // another node was first
            }
            throw e;
        }
        LOG.info("First operator account '{}' created", USERNAME);
        if (generate) {
            console.println();
            console.println("Beheerdersaccount '" + USERNAME + "' aangemaakt met wachtwoord: " + password);
            console.println("Bewaar dit wachtwoord nu: het wordt niet nog eens getoond.");
            console.println("Operator account '" + USERNAME + "' created with password: " + password);
            console.println("Store this password now: it will not be shown again.");
            console.println();
            console.flush();
        }
        return true;
    }

    private boolean exists() {
        return db.global(sql -> users.byUsername(sql, USERNAME)).isPresent();
    }
}
