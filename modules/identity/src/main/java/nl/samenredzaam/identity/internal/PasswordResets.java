package nl.samenredzaam.identity.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import nl.samenredzaam.api.mail.Mailer;
import nl.samenredzaam.api.web.ProblemException;
import nl.samenredzaam.core.platform.PlatformDatabase;
import nl.samenredzaam.identity.internal.session.Secrets;
import nl.samenredzaam.identity.internal.store.MembershipRepository;
import nl.samenredzaam.identity.internal.store.UserRepository;
import nl.samenredzaam.identity.internal.store.UserRow;
import nl.samenredzaam.identity.platform.MailTemplate;
import nl.samenredzaam.identity.platform.SecurityPolicy;

/**
 * Password reset by e-mail. A request never says whether the account exists. The link is valid
 * for {@link SecurityPolicy#PASSWORD_RESET_VALIDITY}, works once, and a newer link replaces older
 * ones. The mail goes through the outbox of the account's first initiative, or, for an account in no
 * initiative (a platform operator), as the platform's own mail. At most {@value #MAX_PER_HOUR} mails per
 * account per hour, so the form cannot be used to
 * flood someone's mailbox. Setting the new password ends every session of the account and revokes
 * its API tokens: a reset is also what people do when they fear someone else knows their password,
 * and a token made by that someone must not outlive it (scripts get a new token in a minute).
 */
final class PasswordResets {

    static final int MAX_PER_HOUR = 3;
    private static final int MAX_INPUT = 254;
    private static final Logger LOG = LoggerFactory.getLogger(PasswordResets.class);

    private final PlatformDatabase db;
    private final Clock clock;
    private final Authenticator passwords;
    private final Mailer mailer;
    private final UserRepository users = new UserRepository();
    private final MembershipRepository memberships = new MembershipRepository();

    PasswordResets(PlatformDatabase db, Clock clock, Authenticator passwords, Mailer mailer) {
        this.db = db;
        this.clock = clock;
        this.passwords = passwords;
        this.mailer = mailer;
    }

    void request(String usernameOrEmail, MailTemplate template) {
        if (usernameOrEmail == null || usernameOrEmail.isBlank() || usernameOrEmail.length() > MAX_INPUT) {
            return;
        }
        String input = usernameOrEmail.trim().toLowerCase(Locale.ROOT);
        Instant now = clock.instant();
        List<UserRow> found = db.global(sql -> sql.list("select " + "u.id, u.username, u.display_name, u.email, u.password_hash, "
                + "u.operator, u.offline, u.disabled from identity_user u where u.username = :input or lower(u.email) = :input "
                + "order by u.id", r -> new UserRow(r.getLong(1), r.getString(2), r.getString(3), r.getString(4), r.getString(5),
                        r.getBoolean(6), r.getBoolean(7), r.getBoolean(8)), "input", input));
        for (UserRow user : found.subList(0, Math.min(found.size(), 5))) {
            if (user.disabled() || user.email() == null) {
                continue;
            }
            List<Long> initiatives = db.global(sql -> memberships.initiatives(sql, user.id()));
            int recent = db.global(sql -> sql.first("select count(*) from identity_password_reset where user_id = :user "
                    + "and created_at > :since", r -> r.getInt(1), "user", user.id(), "since", now.minus(Duration.ofHours(1)))).orElse(0);
            if (recent >= MAX_PER_HOUR) {
                LOG.info("Password reset for user {} not sent: limit per hour reached", user.id());
                continue;
            }
            String token = Secrets.random();
            boolean platformOnly = initiatives.isEmpty();
            db.global(sql -> {
                sql.update("update identity_password_reset set used_at = :now where user_id = :user and used_at is null",
                        "now", now, "user", user.id());
                sql.update("insert into identity_password_reset (token_hash, user_id, created_at, expires_at) "
                        + "values (:hash, :user, :now, :expires)", "hash", Secrets.sha256(token), "user", user.id(), "now", now,
                        "expires", now.plus(SecurityPolicy.PASSWORD_RESET_VALIDITY));
                if (platformOnly) {
                    // no initiative (a platform operator): the platform's own mail, in the token's transaction
                    mailer.send(sql, template.mail(user.email(), user.displayName(), token));
                }
                return null;
            });
            if (!platformOnly) {
                db.transaction(initiatives.get(0), sql -> {
                    mailer.send(sql, template.mail(user.email(), user.displayName(), token));
                    return null;
                });
            }
            LOG.info("Password reset mail queued for user {}", user.id());
        }
    }

    Optional<UserRow> account(String token) {
        if (!Secrets.plausible(token, "")) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        return db.global(sql -> sql.first("select user_id from identity_password_reset where token_hash = :hash and used_at is null "
                + "and expires_at > :now", r -> r.getLong(1), "hash", Secrets.sha256(token), "now", now))
                .flatMap(id -> db.global(sql -> users.byId(sql, id))).filter(u -> !u.disabled());
    }

    void reset(String token, String newPassword) {
        UserRow user = account(token).orElseThrow(PasswordResets::gone);
        passwords.problem(newPassword, user.username()).ifPresent(p -> {
            throw ProblemException.invalidField("newPassword", p.nl() + " / " + p.en());
        });
        String hash = passwords.hash(newPassword);
        Instant now = clock.instant();
        boolean done = db.global(sql -> {
            int used = sql.update("update identity_password_reset set used_at = :now where token_hash = :hash and used_at is null "
                    + "and expires_at > :now", "now", now, "hash", Secrets.sha256(token));
            if (used != 1) {
                return false;
            }
            users.setPasswordHash(sql, user.id(), hash);
            sql.update("delete from identity_session where user_id = :user", "user", user.id());
            sql.update("update identity_token set revoked_at = :now where user_id = :user and revoked_at is null", "now", now,
                    "user", user.id());
            sql.update("delete from identity_login_challenge where user_id = :user", "user", user.id());
            return true;
        });
        if (!done) {
            throw gone();
        }
        passwords.throttle().succeeded(user.username());
        LOG.info("Password reset by e-mail for user {}", user.id());
    }

    static ProblemException gone() {
        return new ProblemException(410, "Deze link werkt niet meer: hij is al gebruikt of verlopen. Vraag een nieuwe aan. "
                + "/ This link no longer works: it was used or has expired. Ask for a new one.");
    }
}
