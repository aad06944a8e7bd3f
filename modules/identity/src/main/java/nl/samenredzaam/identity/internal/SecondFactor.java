package nl.samenredzaam.identity.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import nl.samenredzaam.api.data.Sql;
import nl.samenredzaam.api.web.ProblemException;
import nl.samenredzaam.core.platform.PlatformDatabase;
import nl.samenredzaam.identity.internal.session.LoginThrottle;
import nl.samenredzaam.identity.internal.session.SecretBox;
import nl.samenredzaam.identity.internal.session.Secrets;
import nl.samenredzaam.identity.internal.session.Totp;
import nl.samenredzaam.identity.internal.store.UserRepository;
import nl.samenredzaam.identity.internal.store.UserRow;
import nl.samenredzaam.identity.platform.LoginResult;
import nl.samenredzaam.identity.platform.SecurityPolicy;
import nl.samenredzaam.identity.platform.TotpEnrolment;

/**
 * The second factor: TOTP (RFC 6238) with recovery codes. The TOTP secret must be read to check
 * codes: it is stored sealed with AES-256-GCM when the platform has a key ({@link SecretBox}), as is
 * otherwise. Recovery codes only as SHA-256 (they are random, 60 bits, and every
 * guess is throttled like a sign-in). A code is accepted once: the step it belongs to is stored, and
 * a code of that step or an earlier one is refused afterwards, on every node (conditional update).
 */
final class SecondFactor {

    static final String ISSUER = "Samenredzaam";
    private static final Logger LOG = LoggerFactory.getLogger(SecondFactor.class);
    private static final String RECOVERY_ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789";
    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

    private final PlatformDatabase db;
    private final Clock clock;
    private final Authenticator passwords;
    private final SecretBox box;
    private final UserRepository users = new UserRepository();

    SecondFactor(PlatformDatabase db, Clock clock, Authenticator passwords, SecretBox box) {
        this.db = db;
        this.clock = clock;
        this.passwords = passwords;
        this.box = box;
    }

    boolean has(long userId) {
        return passwords.hasSecondFactor(userId);
    }

    TotpEnrolment start(long userId) {
        UserRow user = enabledUser(userId);
        if (has(userId)) {
            throw ProblemException.conflict("Tweestapsverificatie staat al aan / two-step verification is already on");
        }
        String secret = Totp.newSecret();
        Instant now = clock.instant();
        db.global(sql -> {
            sql.update("delete from identity_totp where user_id = :user", "user", userId);
            sql.update("insert into identity_totp (user_id, secret, confirmed_at, last_step, created_at) "
                    + "values (:user, :secret, null, 0, :now)", "user", userId, "secret", box.seal(secret, userId), "now", now);
            return null;
        });
        return new TotpEnrolment(Totp.grouped(secret), Totp.uri(ISSUER, user.username(), secret));
    }

    /** For the demo: a fixed, documented secret, confirmed at once. Never used outside {@code --demo}. */
    void enrolFixed(long userId, String secret) {
        Instant now = clock.instant();
        db.global(sql -> {
            if (sql.first("select 1 from identity_totp where user_id = :user", r -> true, "user", userId).isEmpty()) {
                sql.update("insert into identity_totp (user_id, secret, confirmed_at, last_step, created_at) "
                        + "values (:user, :secret, :now, 0, :now)", "user", userId, "secret", box.seal(secret, userId), "now", now);
            }
            return null;
        });
    }

    List<String> confirm(long userId, String code) {
        enabledUser(userId);
        Pending pending = db.global(sql -> sql.first("select secret, last_step, confirmed_at from identity_totp where user_id = :user",
                r -> new Pending(r.getString(1), r.getLong(2), r.getTimestamp(3) != null), "user", userId))
                .filter(p -> !p.confirmed())
                .map(p -> new Pending(box.open(p.secret(), userId).orElse(null), p.lastStep(), false))
                .filter(p -> p.secret() != null)
                .orElseThrow(() -> ProblemException.conflict("Er wordt geen tweestapsverificatie ingesteld / nothing is being set up"));
        OptionalLong step = Totp.verify(pending.secret(), code, clock.instant(), pending.lastStep());
        if (step.isEmpty()) {
            throw ProblemException.invalidField("code", "Deze code klopt niet. Kijk of de tijd op uw telefoon goed staat en probeer "
                    + "de nieuwste code. / This code is not right. Check the time on your phone and try the newest code.");
        }
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < SecurityPolicy.RECOVERY_CODES; i++) {
            codes.add(recoveryCode());
        }
        Instant now = clock.instant();
        db.global(sql -> {
            sql.update("update identity_totp set confirmed_at = :now, last_step = :step where user_id = :user", "now", now,
                    "step", step.getAsLong(), "user", userId);
            sql.update("delete from identity_recovery_code where user_id = :user", "user", userId);
            for (String c : codes) {
                sql.update("insert into identity_recovery_code (user_id, code_hash) values (:user, :hash)", "user", userId,
                        "hash", Secrets.sha256(normalizeRecovery(c)));
            }
            return null;
        });
        LOG.info("Second factor confirmed for user {}", userId);
        return codes;
    }

    void disable(long userId, String password) {
        passwords.requirePassword(userId, password, "password");
        remove(userId);
    }

    /** Removes the second factor without a password (an admin's reset for a lost phone). */
    void remove(long userId) {
        db.global(sql -> {
            sql.update("delete from identity_recovery_code where user_id = :user", "user", userId);
            sql.update("delete from identity_totp where user_id = :user", "user", userId);
            return null;
        });
        LOG.info("Second factor removed for user {}", userId);
    }

    String begin(long userId) {
        String challenge = Secrets.random();
        Instant now = clock.instant();
        db.global(sql -> {
            sql.update("delete from identity_login_challenge where expires_at <= :now", "now", now);
            sql.update("insert into identity_login_challenge (id_hash, user_id, created_at, expires_at) values (:hash, :user, :now, :end)",
                    "hash", Secrets.sha256(challenge), "user", userId, "now", now,
                    "end", now.plus(SecurityPolicy.SECOND_FACTOR_CHALLENGE_VALIDITY));
            return null;
        });
        return challenge;
    }

    /** The account of a pending sign-in, while it waits for its code. */
    Optional<UserRow> pending(String challenge) {
        if (!Secrets.plausible(challenge, "")) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Optional<Long> userId = db.global(sql -> sql.first("select user_id from identity_login_challenge where id_hash = :hash "
                + "and expires_at > :now", r -> r.getLong(1), "hash", Secrets.sha256(challenge), "now", now));
        return userId.flatMap(id -> db.global(sql -> users.byId(sql, id))).filter(u -> !u.disabled());
    }

    LoginResult complete(String challenge, String code, String remoteAddress) {
        Optional<UserRow> user = pending(challenge);
        if (user.isEmpty()) {
            return LoginResult.failed(LoginResult.Outcome.BAD_CREDENTIALS);
        }
        LoginResult result = check(user.get(), code, remoteAddress);
        if (result.outcome() == LoginResult.Outcome.OK) {
            db.global(sql -> sql.update("delete from identity_login_challenge where id_hash = :hash", "hash", Secrets.sha256(challenge)));
        }
        return result;
    }

    LoginResult verify(long userId, String code, String remoteAddress) {
        Optional<UserRow> user = db.global(sql -> users.byId(sql, userId)).filter(u -> !u.disabled());
        if (user.isEmpty()) {
            return LoginResult.failed(LoginResult.Outcome.BAD_CREDENTIALS);
        }
        return check(user.get(), code, remoteAddress);
    }

    private LoginResult check(UserRow user, String code, String remoteAddress) {
        LoginThrottle throttle = passwords.throttle();
        String address = remoteAddress == null || remoteAddress.isBlank() ? "unknown" : remoteAddress;
        if (throttle.blocked(user.username(), address)) {
            return LoginResult.failed(LoginResult.Outcome.THROTTLED);
        }
        if (code != null && code.length() <= 64 && (totp(user.id(), code) || recovery(user.id(), code))) {
            throttle.succeeded(user.username());
            return LoginResult.ok(user.account());
        }
        throttle.failed(user.username(), address);
        return LoginResult.failed(LoginResult.Outcome.BAD_CREDENTIALS);
    }

    private boolean totp(long userId, String code) {
        Instant now = clock.instant();
        return db.global(sql -> {
            Optional<Pending> row = sql.first("select secret, last_step, confirmed_at from identity_totp where user_id = :user",
                    r -> new Pending(r.getString(1), r.getLong(2), r.getTimestamp(3) != null), "user", userId);
            if (row.isEmpty() || !row.get().confirmed()) {
                return false;
            }
            Optional<String> secret = box.open(row.get().secret(), userId);
            if (secret.isEmpty()) {
                LOG.warn("The second factor of user {} cannot be read: was it stored with another {}?", userId, SecretBox.ENV);
                return false;
            }
            OptionalLong step = Totp.verify(secret.get(), code, now, row.get().lastStep());
            return step.isPresent() && useStep(sql, userId, step.getAsLong());
        });
    }

    private static boolean useStep(Sql sql, long userId, long step) {
        return sql.update("update identity_totp set last_step = :step where user_id = :user and last_step < :step", "step", step,
                "user", userId) == 1;
    }

    private boolean recovery(long userId, String code) {
        String normalized = normalizeRecovery(code);
        if (normalized.length() != 12) {
            return false;
        }
        Instant now = clock.instant();
        boolean used = db.global(sql -> sql.update("update identity_recovery_code set used_at = :now where user_id = :user "
                + "and code_hash = :hash and used_at is null", "now", now, "user", userId, "hash", Secrets.sha256(normalized)) == 1);
        if (used) {
            LOG.info("Recovery code used by user {}", userId);
        }
        return used;
    }

    /** Recovery codes left unused. */
    int recoveryCodesLeft(long userId) {
        return db.global(sql -> sql.first("select count(*) from identity_recovery_code where user_id = :user and used_at is null",
                r -> r.getInt(1), "user", userId)).orElse(0);
    }

    private UserRow enabledUser(long userId) {
        UserRow user = db.global(sql -> users.byId(sql, userId)).orElseThrow(ProblemException::notFound);
        if (user.disabled()) {
            throw ProblemException.forbidden();
        }
        return user;
    }

    private static String recoveryCode() {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            if (i > 0 && i % 4 == 0) {
                out.append('-');
            }
            out.append(RECOVERY_ALPHABET.charAt(RANDOM.nextInt(RECOVERY_ALPHABET.length())));
        }
        return out.toString();
    }

    static String normalizeRecovery(String code) {
        return code.replace("-", "").replace(" ", "").toLowerCase(Locale.ROOT);
    }

    private record Pending(String secret, long lastStep, boolean confirmed) {
        @Override
        public String toString() {
            return "Pending[secret hidden]";
        }
    }
}
