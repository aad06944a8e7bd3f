package nl.samenredzaam.identity.internal;

import static nl.samenredzaam.identity.internal.Problems.assertFieldProblem;
import static nl.samenredzaam.identity.internal.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import nl.samenredzaam.api.data.Sql.Dialect;
import nl.samenredzaam.api.module.Role;
import nl.samenredzaam.identity.internal.password.Argon2id;
import nl.samenredzaam.identity.internal.store.UserRepository;
import nl.samenredzaam.identity.platform.Account;
import nl.samenredzaam.identity.platform.LoginResult;
import nl.samenredzaam.identity.platform.LoginResult.Outcome;
import nl.samenredzaam.identity.platform.SecurityPolicy;
import nl.samenredzaam.identity.platform.Session;

class AuthenticationDbTest {

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void signsInWithTheRightPasswordWhateverTheCaseOfTheUserName(Dialect dialect) {
        Fixture f = new Fixture(dialect);
        Account ria = f.person(Role.COORDINATOR);
        LoginResult result = f.service.authenticate("  " + ria.username().toUpperCase() + " ", Fixture.PASSWORD, "10.0.0.1");
        assertEquals(Outcome.OK, result.outcome());
        assertEquals(ria, result.account().orElseThrow());
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void wrongPasswordUnknownUserAndNonsenseGiveTheSameAnswer(Dialect dialect) {
        Fixture f = new Fixture(dialect);
        Account ria = f.person(Role.COORDINATOR);
        assertEquals(LoginResult.failed(Outcome.BAD_CREDENTIALS), f.service.authenticate(ria.username(), "een ander wachtwoord", "10.0.0.2"));
        assertEquals(LoginResult.failed(Outcome.BAD_CREDENTIALS), f.service.authenticate("nobody-" + ria.id(), Fixture.PASSWORD, "10.0.0.2"));
        assertEquals(LoginResult.failed(Outcome.BAD_CREDENTIALS), f.service.authenticate(null, null, null));
        assertEquals(LoginResult.failed(Outcome.BAD_CREDENTIALS), f.service.authenticate("x' or '1'='1", "x".repeat(5000), "10.0.0.2"));
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void disabledAndOfflineAccountsCannotSignIn(Dialect dialect) {
        Fixture f = new Fixture(dialect);
        Account henk = f.person(Role.RESIDENT);
        f.disable(henk.id());
        assertEquals(Outcome.BAD_CREDENTIALS, f.service.authenticate(henk.username(), Fixture.PASSWORD, "10.0.0.3").outcome());

        Account admin = f.person(Role.ADMIN);
        Account offline = f.service.createAccount(f.actor(admin), f.initiative,
                nl.samenredzaam.identity.platform.NewAccount.offlineResident("Truus Bakker"));
        assertEquals(Outcome.BAD_CREDENTIALS, f.service.authenticate(offline.username(), "", "10.0.0.3").outcome());
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void fiveFailuresThrottleTheAccountUntilTheWindowHasPassed(Dialect dialect) {
        Fixture f = new Fixture(dialect);
        Account ria = f.person(Role.COORDINATOR);
        for (int i = 0; i < SecurityPolicy.MAX_FAILURES_PER_ACCOUNT; i++) {
            assertEquals(Outcome.BAD_CREDENTIALS, f.service.authenticate(ria.username(), "fout wachtwoord " + i, "10.1.0." + i).outcome());
        }
        assertEquals(Outcome.THROTTLED, f.service.authenticate(ria.username(), Fixture.PASSWORD, "10.1.1.1").outcome(),
                "even the right password is refused while throttled");
        f.clock.advance(SecurityPolicy.LOGIN_WINDOW);
        assertEquals(Outcome.OK, f.service.authenticate(ria.username(), Fixture.PASSWORD, "10.1.1.1").outcome());
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void twentyFailuresFromOneAddressThrottleEveryAccountFromThere(Dialect dialect) {
        Fixture f = new Fixture(dialect);
        Account ria = f.person(Role.COORDINATOR);
        for (int i = 0; i < SecurityPolicy.MAX_FAILURES_PER_ADDRESS; i++) {
            f.service.authenticate("guess-" + i, "fout wachtwoord", "203.0.113.9");
        }
        assertEquals(Outcome.THROTTLED, f.service.authenticate(ria.username(), Fixture.PASSWORD, "203.0.113.9").outcome());
        assertEquals(Outcome.OK, f.service.authenticate(ria.username(), Fixture.PASSWORD, "203.0.113.10").outcome());
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void hashesWithOldParametersAreReplacedAtSignIn(Dialect dialect) {
        Fixture f = new Fixture(dialect);
        Account ria = f.person(Role.COORDINATOR);
        String old = new Argon2id(128, 1, 1).hash(Fixture.PASSWORD);
        f.database.db.global(sql -> sql.update("update identity_user set password_hash = :h where id = :id", "h", old, "id", ria.id()));
        assertEquals(Outcome.OK, f.service.authenticate(ria.username(), Fixture.PASSWORD, "10.0.0.4").outcome());
        String now = storedHash(f, ria.id());
        assertTrue(now.startsWith("$argon2id$v=19$m=64,t=1,p=1$"), now);
        assertEquals(Outcome.OK, f.service.authenticate(ria.username(), Fixture.PASSWORD, "10.0.0.4").outcome());
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void thePublicConstructorHashesWithTheOwaspParameters(Dialect dialect) {
        Fixture f = new Fixture(dialect);
        IdentityServiceImpl production = new IdentityServiceImpl(f.database.db, f.modules, f.clock);
        Account ria = f.person(Role.COORDINATOR);
        production.changePassword(ria.id(), Fixture.PASSWORD, "de zon schijnt op het dorpsplein", null);
        assertTrue(storedHash(f, ria.id()).startsWith("$argon2id$v=19$m=19456,t=2,p=1$"));
        assertEquals(Outcome.OK, production.authenticate(ria.username(), "de zon schijnt op het dorpsplein", "10.0.0.6").outcome());
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void onlyAnArgon2idHashIsStored(Dialect dialect) {
        Fixture f = new Fixture(dialect);
        Account ria = f.person(Role.COORDINATOR);
        f.service.changePassword(ria.id(), Fixture.PASSWORD, "de zon schijnt op het dorpsplein", null);
        String stored = storedHash(f, ria.id());
        assertTrue(stored.startsWith("$argon2id$v=19$"));
        assertFalse(stored.contains("dorpsplein"));
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void changingThePasswordChecksTheOldOneAndTheRules(Dialect dialect) {
        Fixture f = new Fixture(dialect);
        Account ria = f.person(Role.COORDINATOR);
        assertFieldProblem(Set.of("currentPassword"), () -> f.service.changePassword(ria.id(), "niet het goede wachtwoord", "de zon schijnt op het plein", null));
        assertFieldProblem(Set.of("newPassword"), () -> f.service.changePassword(ria.id(), Fixture.PASSWORD, "kort", null));
        assertFieldProblem(Set.of("newPassword"), () -> f.service.changePassword(ria.id(), Fixture.PASSWORD, "Wachtwoord2024!", null));
        assertFieldProblem(Set.of("newPassword"), () -> f.service.changePassword(ria.id(), Fixture.PASSWORD, ria.username() + "-geheim", null));
        assertProblem(404, () -> f.service.changePassword(-1, Fixture.PASSWORD, "de zon schijnt op het plein", null));

        f.service.changePassword(ria.id(), Fixture.PASSWORD, "de zon schijnt op het plein", null);
        assertEquals(Outcome.BAD_CREDENTIALS, f.service.authenticate(ria.username(), Fixture.PASSWORD, "10.0.0.5").outcome());
        assertEquals(Outcome.OK, f.service.authenticate(ria.username(), "de zon schijnt op het plein", "10.0.0.5").outcome());
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void wrongCurrentPasswordsAreThrottledToo(Dialect dialect) {
        Fixture f = new Fixture(dialect);
        Account ria = f.person(Role.COORDINATOR);
        for (int i = 0; i < SecurityPolicy.MAX_FAILURES_PER_ACCOUNT; i++) {
            int n = i;
            assertFieldProblem(Set.of("currentPassword"), () -> f.service.changePassword(ria.id(), "gok nummer " + n, "de zon schijnt op het plein", null));
        }
        assertProblem(429, () -> f.service.changePassword(ria.id(), Fixture.PASSWORD, "de zon schijnt op het plein", null));
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void changingThePasswordEndsTheOtherSessions(Dialect dialect) {
        Fixture f = new Fixture(dialect);
        Account ria = f.person(Role.COORDINATOR);
        Session here = f.service.createSession(ria.id());
        Session elsewhere = f.service.createSession(ria.id());
        f.service.changePassword(ria.id(), Fixture.PASSWORD, "de zon schijnt op het plein", here.id());
        assertTrue(f.service.session(here.id()).isPresent());
        assertTrue(f.service.session(elsewhere.id()).isEmpty());
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void neitherPasswordsNorUserNamesAreLogged(Dialect dialect) {
        Fixture f = new Fixture(dialect);
        Account ria = f.person(Role.COORDINATOR);
        try (LogCapture log = new LogCapture()) {
            f.service.authenticate(ria.username(), "fout-wachtwoord-xyz", "10.9.9.9");
            f.service.authenticate(ria.username(), Fixture.PASSWORD, "10.9.9.9");
            f.service.changePassword(ria.id(), Fixture.PASSWORD, "nieuw-wachtwoord-abc", null);
            for (int i = 0; i < SecurityPolicy.MAX_FAILURES_PER_ACCOUNT + 1; i++) {
                f.service.authenticate(ria.username(), "fout-wachtwoord-xyz", "10.9.9.9");
            }
            assertTrue(log.count() > 0, "the test should see some log lines");
            String text = log.text();
            for (String secret : new String[] {"fout-wachtwoord-xyz", Fixture.PASSWORD, "nieuw-wachtwoord-abc", ria.username(), "10.9.9.9"}) {
                assertFalse(text.contains(secret), "log contains " + secret + ":\n" + text);
            }
        }
    }

    private static String storedHash(Fixture f, long userId) {
        return f.database.db.global(sql -> new UserRepository().byId(sql, userId)).orElseThrow().passwordHash();
    }
}
