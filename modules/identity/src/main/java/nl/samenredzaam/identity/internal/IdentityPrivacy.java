package nl.samenredzaam.identity.internal;

import java.time.Instant;
import java.time.Period;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Component;

import nl.samenredzaam.api.data.Rows;
import nl.samenredzaam.api.data.Sql;
import nl.samenredzaam.api.i18n.Text;
import nl.samenredzaam.api.privacy.Erasure;
import nl.samenredzaam.api.privacy.Person;
import nl.samenredzaam.api.privacy.PrivacyContributor;

/**
 * Identity's part of a privacy request: the account, its roles in this initiative, sessions, API
 * tokens, two-step verification (whether it is on, never the secret), invitations sent to the
 * person's address, and the person's consent history here (the platform's consent register).
 *
 * <p>Every statement is limited to the initiative: account-wide data is only exported for a member
 * of this initiative, and only erased when the person is a member of no other initiative (then the
 * account is anonymised: no name, no e-mail, no password, no sessions, tokens or second factor;
 * its number stays, because the audit log must keep a pseudonymous reference to who did what, NEN 7513).
 */
@Component(service = PrivacyContributor.class)
public final class IdentityPrivacy implements PrivacyContributor {

    /** The id identity's part goes by in exports and reports. */
    public static final String ID = "identity";
    private static final String MEMBER_HERE = "exists (select 1 from identity_membership m where m.initiative_id = :initiative and m.user_id = :user)";
    private static final String NOWHERE_ELSE = "not exists (select 1 from identity_membership o where o.user_id = :user and o.initiative_id <> :initiative)";

    @Override
    public String moduleId() {
        return ID;
    }

    @Override
    public Map<String, Object> export(Sql sql, Person person) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (person.userId() != null) {
            long user = person.userId();
            sql.first("select u.username, u.display_name, u.email, u.created_at, u.offline, u.disabled, "
                    + "(select count(*) from identity_totp t where t.user_id = u.id and t.confirmed_at is not null) as totp "
                    + "from identity_user u where u.id = :user and " + MEMBER_HERE, r -> {
                        Map<String, Object> account = new LinkedHashMap<>();
                        account.put("username", r.getString("username"));
                        account.put("name", r.getString("display_name"));
                        account.put("email", r.getString("email"));
                        account.put("createdAt", String.valueOf(Rows.instant(r, "created_at")));
                        account.put("withoutInternet", r.getBoolean("offline"));
                        account.put("disabled", r.getBoolean("disabled"));
                        account.put("twoStepVerification", r.getInt("totp") > 0);
                        return account;
                    }, "user", user).ifPresent(account -> out.put("account", account));
            if (out.containsKey("account")) {
                exportAccountData(sql, user, out);
            }
            out.put("consents", ConsentRegister.records(sql, user).stream().map(c -> {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("module", c.moduleId());
                m.put("purpose", c.purposeId());
                m.put("textVersion", c.textVersion());
                m.put("given", c.given());
                m.put("channel", c.channel().name().toLowerCase(java.util.Locale.ROOT));
                m.put("at", String.valueOf(c.at()));
                m.put("recordedBy", c.recordedBy() == user ? "self" : "coordinator " + c.recordedBy());
                m.put("erased", c.anonymised());
                return m;
            }).toList());
        }
        List<Map<String, Object>> invitations = new ArrayList<>();
        if (person.email() != null && !person.email().isBlank()) {
            invitations.addAll(sql.list("select email, display_name, role, sent_at, expires_at, accepted_at, revoked_at from identity_invitation "
                    + "where initiative_id = :initiative and lower(email) = :email order by sent_at", r -> {
                        Map<String, Object> i = new LinkedHashMap<>();
                        i.put("email", r.getString("email"));
                        i.put("name", r.getString("display_name"));
                        i.put("role", r.getString("role"));
                        i.put("sentAt", String.valueOf(Rows.instant(r, "sent_at")));
                        i.put("expiresAt", String.valueOf(Rows.instant(r, "expires_at")));
                        i.put("acceptedAt", String.valueOf(Rows.instant(r, "accepted_at")));
                        i.put("revokedAt", String.valueOf(Rows.instant(r, "revoked_at")));
                        return i;
                    }, "email", person.email().trim().toLowerCase(java.util.Locale.ROOT)));
        }
        out.put("invitations", invitations);
        return out;
    }

    private static void exportAccountData(Sql sql, long user, Map<String, Object> out) {
        out.put("roles", sql.list("select role, created_at from identity_membership where initiative_id = :initiative and user_id = :user "
                + "order by role", r -> Map.of("role", r.getString(1), "since", String.valueOf(Rows.instant(r, "created_at"))), "user", user));
        out.put("sessions", sql.list("select created_at, last_seen_at, expires_at from identity_session where user_id = :user and "
                + MEMBER_HERE + " order by created_at", r -> Map.of("startedAt", String.valueOf(Rows.instant(r, "created_at")),
                        "lastSeenAt", String.valueOf(Rows.instant(r, "last_seen_at")),
                        "endsAt", String.valueOf(Rows.instant(r, "expires_at"))), "user", user));
        out.put("apiTokens", sql.list("select label, created_at, last_used_at, expires_at, revoked_at from identity_token "
                + "where user_id = :user and " + MEMBER_HERE + " order by created_at", r -> {
                    Map<String, Object> t = new LinkedHashMap<>();
                    t.put("label", r.getString("label"));
                    t.put("createdAt", String.valueOf(Rows.instant(r, "created_at")));
                    t.put("lastUsedAt", String.valueOf(Rows.instant(r, "last_used_at")));
                    t.put("expiresAt", String.valueOf(Rows.instant(r, "expires_at")));
                    t.put("revokedAt", String.valueOf(Rows.instant(r, "revoked_at")));
                    return t;
                }, "user", user));
    }

    @Override
    public Erasure erase(Sql sql, Person person) {
        int removed = 0;
        int anonymised = 0;
        List<String> kept = new ArrayList<>();
        if (person.email() != null && !person.email().isBlank()) {
            removed += sql.update("delete from identity_invitation where initiative_id = :initiative and lower(email) = :email",
                    "email", person.email().trim().toLowerCase(java.util.Locale.ROOT));
        }
        if (person.userId() != null) {
            long user = person.userId();
            int consents = sql.update("update identity_consent set anonymised_at = :now, language = null where initiative_id = :initiative "
                    + "and user_id = :user and anonymised_at is null", "user", user, "now", java.time.Instant.now());
            if (consents > 0) {
                anonymised += consents;
                kept.add("De toestemmingen (" + consents + ") blijven als bewijs met alleen het nummer " + user + ", het doel, de "
                        + "tekstversie en de datum; ze tellen niet meer (AVG art. 7: aantonen dat er toestemming was). / The consent "
                        + "records (" + consents + ") stay as proof with only the number " + user + ", the purpose, text version and "
                        + "date; they no longer count (GDPR art. 7: showing that consent was given).");
            }
            boolean member = sql.first("select 1 from identity_membership where initiative_id = :initiative and user_id = :user",
                    r -> true, "user", user).isPresent();
            if (member) {
                removed += sql.update("delete from identity_membership where initiative_id = :initiative and user_id = :user", "user", user);
                boolean elsewhere = sql.first("select 1 from identity_user u where u.id = :user and (u.operator = true or not " + NOWHERE_ELSE + ")",
                        r -> true, "user", user).isPresent();
                if (elsewhere) {
                    kept.add("Het account blijft bestaan, want de persoon is ook lid van een ander initiatief of platformbeheerder; "
                            + "alleen de rollen hier zijn weg. / The account stays because the person is also a member of another "
                            + "initiative or a platform operator; only the roles here are gone.");
                } else {
                    String where = "user_id = :user and " + NOWHERE_ELSE;
                    removed += sql.update("delete from identity_session where " + where, "user", user);
                    removed += sql.update("delete from identity_token where " + where, "user", user);
                    removed += sql.update("delete from identity_recovery_code where " + where, "user", user);
                    removed += sql.update("delete from identity_totp where " + where, "user", user);
                    removed += sql.update("delete from identity_password_reset where " + where, "user", user);
                    removed += sql.update("delete from identity_login_challenge where " + where, "user", user);
                    anonymised += sql.update("update identity_user set username = :anon, display_name = :name, email = null, "
                            + "password_hash = null, disabled = true, offline = false where id = :user and operator = false and "
                            + NOWHERE_ELSE, "user", user, "anon", "verwijderd-" + user, "name", "Verwijderd account " + user);
                }
            }
            kept.add("Het logboek (NEN 7513) houdt alleen het nummer " + user + " van de persoon, zonder naam; het wordt na de "
                    + "bewaartermijn gewist. / The audit log keeps only the number " + user + " of the person, without a name; it is "
                    + "erased after its retention term.");
        }
        return new Erasure(removed, anonymised, kept);
    }

    @Override
    public Text retention() {
        return new Text("Uw account en rollen bewaren we zolang u lid bent. Een sessie duurt hoogstens 12 uur. Links om een wachtwoord "
                + "te herstellen werken 1 uur, uitnodigingen 7 dagen; oude uitnodigingen wissen we na 90 dagen. Het logboek bewaart wie "
                + "welke gegevens bekeek minstens 5 jaar, met alleen een nummer in plaats van uw naam als uw account gewist is. "
                + "Uw toestemmingen (gegeven en ingetrokken) bewaren we als bewijs; na wissen alleen met een nummer.",
                "We keep your account and roles as long as you are a member. A session lasts at most 12 hours. Password reset links work "
                        + "for 1 hour, invitations for 7 days; old invitations are erased after 90 days. The audit log keeps who looked at "
                        + "which data for at least 5 years, with only a number instead of your name once your account is erased. "
                        + "We keep your consents (given and withdrawn) as proof; after erasure with a number only.");
    }

    @Override
    public Period retentionTerm() {
        return Period.ofDays(90);
    }

    /** Removes invitations that ended (used, revoked or expired) more than 90 days ago. */
    @Override
    public int purgeExpired(Sql sql, Instant now) {
        Instant before = now.minus(java.time.Duration.ofDays(90));
        return sql.update("delete from identity_invitation where initiative_id = :initiative and expires_at < :before "
                + "and (accepted_at is null or accepted_at < :before)", "before", before);
    }
}
