package nl.samenredzaam.identity.internal;

import java.time.Instant;

import nl.samenredzaam.api.data.Sql.Dialect;
import nl.samenredzaam.api.identity.Actor;
import nl.samenredzaam.api.initiative.Initiative;
import nl.samenredzaam.api.module.Role;
import nl.samenredzaam.identity.internal.password.Argon2id;
import nl.samenredzaam.identity.internal.store.MembershipRepository;
import nl.samenredzaam.identity.internal.store.UserRepository;
import nl.samenredzaam.identity.platform.Account;

/**
 * One test's world: the identity service on a real database of one dialect, a clock the test
 * moves, two modules (calendar, wmo-intake), a fresh initiative and helpers to add people.
 */
final class Fixture {

    static final String PASSWORD = "een veilig wachtwoord";
    /** Cheap Argon2id parameters: the cost is tested in Argon2idTest, not here. */
    static final Argon2id CHEAP = new Argon2id(64, 1, 1);

    final TestDatabase database;
    final MutableClock clock = MutableClock.standard();
    final FakeModules modules = new FakeModules().add(FakeModules.calendar()).add(FakeModules.intake());
    /** Mail the service queued, in order. */
    final java.util.List<nl.samenredzaam.api.mail.Mail> mails = new java.util.concurrent.CopyOnWriteArrayList<>();
    final IdentityServiceImpl service;
    final Initiative initiative;

    Fixture(Dialect dialect) {
        this.database = TestDatabase.shared(dialect);
        this.service = new IdentityServiceImpl(database.db, modules, clock, CHEAP, (sql, mail) -> {
            sql.initiativeId(); // scoped to an initiative, as the real outbox needs
            mails.add(mail);
        });
        this.initiative = newInitiative();
    }

    Initiative newInitiative() {
        long id = database.newInitiative();
        return new Initiative(id, "test-" + id, "Test " + id, false);
    }

    /** A person with the password {@link #PASSWORD} and these roles in the fixture's initiative. */
    Account person(Role... roles) {
        return person(initiative, roles);
    }

    Account person(Initiative in, Role... roles) {
        String username = TestDatabase.uniqueName("user");
        long id = database.db.global(sql -> new UserRepository().insert(sql, username, "Persoon " + username,
                username + "@example.org", CHEAP.hash(PASSWORD), false, false, Instant.EPOCH, null));
        for (Role role : roles) {
            database.db.transaction(in.id(), sql -> new MembershipRepository().add(sql, id, role, Instant.EPOCH));
        }
        return new Account(id, username, "Persoon " + username, false);
    }

    /** A platform operator without roles anywhere. */
    Account operator() {
        String username = TestDatabase.uniqueName("operator");
        long id = database.db.global(sql -> new UserRepository().insert(sql, username, "Operator", null, CHEAP.hash(PASSWORD),
                true, false, Instant.EPOCH, null));
        return new Account(id, username, "Operator", true);
    }

    /** Gives the account a confirmed second factor with a known secret; returns the secret. */
    String secondFactor(Account account) {
        String secret = nl.samenredzaam.identity.internal.session.Totp.newSecret();
        new SecondFactor(database.db, clock, null, nl.samenredzaam.identity.internal.session.SecretBox.none()).enrolFixed(account.id(), secret);
        return secret;
    }

    /** The current code of a secret. */
    String code(String secret) {
        return nl.samenredzaam.identity.internal.session.Totp.code(secret, nl.samenredzaam.identity.internal.session.Totp.step(clock.instant()));
    }

    /** An admin of the fixture's initiative with a second factor (needed to read the audit log). */
    Account admin() {
        Account admin = person(Role.ADMIN);
        secondFactor(admin);
        return admin;
    }

    Actor actor(Account account) {
        return service.actor(account, initiative);
    }

    void disable(long userId) {
        database.db.global(sql -> sql.update("update identity_user set disabled = true where id = :id", "id", userId));
    }
}
