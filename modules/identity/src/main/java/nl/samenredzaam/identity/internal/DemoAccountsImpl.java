package nl.samenredzaam.identity.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import nl.samenredzaam.api.initiative.Initiative;
import nl.samenredzaam.api.module.Role;
import nl.samenredzaam.core.platform.PlatformDatabase;
import nl.samenredzaam.identity.internal.store.MembershipRepository;
import nl.samenredzaam.identity.internal.store.UserRepository;
import nl.samenredzaam.identity.internal.store.UserRow;

/**
 * The fictional accounts of the demo initiative, all with the documented password
 * {@value #PASSWORD}. Idempotent: existing accounts are kept, missing roles are added.
 */
final class DemoAccountsImpl {

    /** The demo password (documented in the README); only used with {@code --demo}. */
    static final String PASSWORD = "lindeholt-demo";
    /**
     * {@link #PASSWORD} hashed once with {@code Argon2id.OWASP.hash}, for every demo account. The
     * password is published, so neither a salt per account nor a fresh one protects anything, and one
     * Argon2id hash at start cost about half a second of CPU on the first {@code --demo} start
     * (docs/performance.md). {@code DemoAccountsTest} checks that it verifies and has today's
     * parameters; when they change, a new hash is made at start until this one is replaced.
     */
    static final String PASSWORD_HASH = "$argon2id$v=19$m=19456,t=2,p=1$GNNnxs2oOdA7xXx8F3d+vg$VA2f3nvygMkryssDtM/cGvZ6izuzsnzBw6wzxtj8t28";

    /**
     * The second demo admin has a second factor with a documented secret, so the demo's audit log can
     * be read. The first ({@code beheerder}) has none: scripts and tests sign in with only its
     * password, and a demo user sees what an admin without two-step verification sees.
     */
    static final String SECOND_FACTOR_USER = "beheerder2";
    /**
     * The demo admin's TOTP secret, documented in the README (enter it in an authenticator app, or
     * run {@code oathtool --totp -b LINDEHOLTDEMOBEHEERDERTOTPCODES2}). Public, so only for the demo.
     */
    static final String DEMO_TOTP_SECRET = "LINDEHOLTDEMOBEHEERDERTOTPCODES2";

    /** A demo person. */
    record DemoPerson(String username, String displayName, String email, Role role) {
    }

    static final List<DemoPerson> PEOPLE = List.of(
            new DemoPerson("coordinator", "Ria Jansen (coördinator)", "ria.jansen@lindeholt.example", Role.COORDINATOR),
            new DemoPerson("resident", "Gerrit de Boer (inwoner)", "gerrit.deboer@lindeholt.example", Role.RESIDENT),
            new DemoPerson("resident2", "Truus Bakker-Visser (inwoner)", null, Role.RESIDENT),
            new DemoPerson("volunteer", "Sanne Meijer (vrijwilliger)", "sanne.meijer@lindeholt.example", Role.VOLUNTEER),
            new DemoPerson("volunteer2", "Youssef El Amrani (vrijwilliger)", "youssef.elamrani@lindeholt.example", Role.VOLUNTEER),
            new DemoPerson("professional", "Marieke Smit (wijkverpleegkundige)", "marieke.smit@lindeholt.example", Role.PROFESSIONAL),
            new DemoPerson("referrer", "Pieter van Dijk (huisarts)", "praktijk.vandijk@lindeholt.example", Role.REFERRER),
            new DemoPerson("beheerder", "Henk Mulder (beheerder)", "henk.mulder@lindeholt.example", Role.ADMIN),
            new DemoPerson("beheerder2", "Anouk Visser (beheerder, tweestaps)", "anouk.visser@lindeholt.example", Role.ADMIN));

    private final PlatformDatabase db;
    private final Clock clock;
    private final Authenticator passwords;
    private final SecondFactor secondFactor;
    private final UserRepository users = new UserRepository();
    private final MembershipRepository memberships = new MembershipRepository();

    DemoAccountsImpl(PlatformDatabase db, Clock clock, Authenticator passwords, SecondFactor secondFactor) {
        this.db = db;
        this.clock = clock;
        this.passwords = passwords;
        this.secondFactor = secondFactor;
    }

    Map<String, Long> ensure(Initiative initiative) {
        Map<String, Long> ids = new LinkedHashMap<>();
        Instant now = clock.instant();
        // One Argon2id hash for every demo account (see PASSWORD_HASH); made here only when the
        // parameters have changed since it was written.
        String[] hash = new String[1];
        for (DemoPerson person : PEOPLE) {
            long id = db.global(sql -> users.byUsername(sql, person.username())).map(UserRow::id)
                    .orElseGet(() -> {
                        if (hash[0] == null) {
                            hash[0] = passwords.needsRehash(PASSWORD_HASH) ? passwords.hash(PASSWORD) : PASSWORD_HASH;
                        }
                        return create(person, hash[0], now);
                    });
            db.transaction(initiative.id(), sql -> memberships.add(sql, id, person.role(), now));
            if (person.username().equals(SECOND_FACTOR_USER)) {
                secondFactor.enrolFixed(id, DEMO_TOTP_SECRET);
            }
            ids.put(person.username(), id);
        }
        return ids;
    }

    private long create(DemoPerson person, String hash, Instant now) {
        return db.global(sql -> users.insert(sql, person.username(), person.displayName(), person.email(), hash, false, false,
                now, null));
    }
}
