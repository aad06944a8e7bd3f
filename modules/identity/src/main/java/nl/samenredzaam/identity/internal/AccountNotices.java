package nl.samenredzaam.identity.internal;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import nl.samenredzaam.api.data.Database.Work;
import nl.samenredzaam.api.mail.Mail;
import nl.samenredzaam.api.mail.Mailer;
import nl.samenredzaam.core.platform.PlatformDatabase;
import nl.samenredzaam.identity.internal.store.MembershipRepository;
import nl.samenredzaam.identity.internal.store.UserRepository;
import nl.samenredzaam.identity.internal.store.UserRow;

/**
 * Tells a person by e-mail when something changed in how they sign in (ASVS 2.2.3, 2.5.5): the
 * password, or two-step verification on or off. If it was not them, they know to act. Sent to the
 * account's address through the outbox of their first initiative; an account without an initiative (a
 * platform operator) gets it as the platform's own mail, pointing to the platform's administrator rather
 * than an initiative's. An account without an address gets none. A mail that cannot be queued never
 * undoes the change.
 */
final class AccountNotices {

    /** What changed. */
    enum Change {
        PASSWORD("Uw wachtwoord is gewijzigd", "Your password was changed",
                "Het wachtwoord van uw account {user} is zojuist gewijzigd.",
                "The password of your account {user} was changed just now."),
        SECOND_FACTOR_ON("Tweestapsverificatie staat aan", "Two-step verification is on",
                "Voor uw account {user} staat tweestapsverificatie nu aan.",
                "Two-step verification is now on for your account {user}."),
        SECOND_FACTOR_OFF("Tweestapsverificatie staat uit", "Two-step verification is off",
                "Voor uw account {user} staat tweestapsverificatie nu uit.",
                "Two-step verification is now off for your account {user}.");

        final String subjectNl;
        final String subjectEn;
        final String bodyNl;
        final String bodyEn;

        Change(String subjectNl, String subjectEn, String bodyNl, String bodyEn) {
            this.subjectNl = subjectNl;
            this.subjectEn = subjectEn;
            this.bodyNl = bodyNl;
            this.bodyEn = bodyEn;
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(AccountNotices.class);

    private final PlatformDatabase db;
    private final Mailer mailer;
    private final UserRepository users = new UserRepository();
    private final MembershipRepository memberships = new MembershipRepository();

    AccountNotices(PlatformDatabase db, Mailer mailer) {
        this.db = db;
        this.mailer = mailer;
    }

    void tell(long userId, Change change) {
        try {
            UserRow user = db.global(sql -> users.byId(sql, userId)).orElse(null);
            if (user == null || user.email() == null) {
                return;
            }
            List<Long> initiatives = db.global(sql -> memberships.initiatives(sql, userId));
            boolean platformOnly = initiatives.isEmpty();
            String body = "Beste " + user.displayName() + ",\n\n" + change.bodyNl.replace("{user}", user.username())
                    + "\nWas u dit niet? Neem dan meteen contact op met "
                    + (platformOnly ? "de beheerder van het platform" : "de beheerder of coördinator van uw initiatief") + ".\n\n----\n\n"
                    + "Dear " + user.displayName() + ",\n\n" + change.bodyEn.replace("{user}", user.username())
                    + "\nWas this not you? Then contact "
                    + (platformOnly ? "the administrator of the platform" : "the admin or coordinator of your initiative") + " at once.\n";
            Mail mail = new Mail(user.email(), change.subjectNl + " / " + change.subjectEn, body);
            Work<Void> queue = sql -> {
                mailer.send(sql, mail);
                return null;
            };
            if (platformOnly) {
                db.global(queue); // no initiative: the platform's own mail
            } else {
                db.transaction(initiatives.get(0), queue);
            }
        } catch (RuntimeException e) {
            LOG.warn("Notice '{}' for user {} not queued: {}", change, userId, e.getClass().getSimpleName());
        }
    }
}
