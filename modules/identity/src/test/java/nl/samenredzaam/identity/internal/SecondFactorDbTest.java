package nl.samenredzaam.identity.internal;

import static nl.samenredzaam.identity.internal.Problems.assertFieldProblem;
import static nl.samenredzaam.identity.internal.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import nl.samenredzaam.api.data.Sql.Dialect;
import nl.samenredzaam.api.identity.Actor;
import nl.samenredzaam.api.module.Role;
import nl.samenredzaam.identity.internal.session.Totp;
import nl.samenredzaam.identity.platform.Account;
import nl.samenredzaam.identity.platform.AuditQuery;
import nl.samenredzaam.identity.platform.LoginResult;
import nl.samenredzaam.identity.platform.SecurityPolicy;
import nl.samenredzaam.identity.platform.TotpEnrolment;

/** TOTP: enrolment, sign-in with the code, recovery codes, throttling, the audit-log gate; on H2 and PostgreSQL. */
class SecondFactorDbTest {

    private static String secretOf(TotpEnrolment enrolment) {
        return enrolment.secret().replace(" ", "");
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void enrolConfirmAndSignInWithTheCode(Dialect dialect) {
        Fixture f = new Fixture(dialect);
        Account henk = f.person(Role.ADMIN);
        TotpEnrolment enrolment = f.service.startSecondFactor(henk.id());
        assertTrue(enrolment.otpauthUri().startsWith("otpauth://totp/Samenredzaam:" + henk.username() + "?secret="));
        assertFalse(f.service.hasSecondFactor(henk.id()), "not before it is confirmed");
        assertEquals(LoginResult.Outcome.OK, f.service.authenticate(henk.username(), Fixture.PASSWORD, "10.0.0.1").outcome());

        String secret = secretOf(enrolment);
        assertFieldProblem(Set.of("code"), () -> f.service.confirmSecondFactor(henk.id(), "000000".equals(f.code(secret)) ? "111111" : "000000"));
        List<String> recovery = f.service.confirmSecondFactor(henk.id(), f.code(secret));
        assertEquals(1, f.mails.size(), "the person is told by e-mail");
        assertEquals(henk.username() + "@example.org", f.mails.get(0).to());
        assertTrue(f.mails.get(0).subject().startsWith("Tweestapsverificatie staat aan"), f.mails.get(0).subject());
        assertEquals(SecurityPolicy.RECOVERY_CODES, recovery.size());
        assertTrue(f.service.hasSecondFactor(henk.id()));

        LoginResult password = f.service.authenticate(henk.username(), Fixture.PASSWORD, "10.0.0.1");
        assertEquals(LoginResult.Outcome.SECOND_FACTOR_REQUIRED, password.outcome());
        String challenge = f.service.beginSecondFactor(henk.id());
        assertEquals(LoginResult.Outcome.BAD_CREDENTIALS, f.service.completeSecondFactor(challenge, f.code(secret), "10.0.0.1").outcome(),
                "the code used to confirm cannot be used again");
        f.clock.advance(Duration.ofSeconds(Totp.STEP_SECONDS));
        LoginResult done = f.service.completeSecondFactor(challenge, f.code(secret), "10.0.0.1");
        assertEquals(LoginResult.Outcome.OK, done.outcome());
        assertEquals(henk.id(), done.account().orElseThrow().id());
        assertEquals(LoginResult.Outcome.BAD_CREDENTIALS, f.service.completeSecondFactor(challenge, f.code(secret), "10.0.0.1").outcome(),
                "the challenge is used up");

        String next = f.service.beginSecondFactor(henk.id());
        assertEquals(LoginResult.Outcome.OK, f.service.completeSecondFactor(next, recovery.get(0).toUpperCase(), "10.0.0.1").outcome());
        String again = f.service.beginSecondFactor(henk.id());
        assertEquals(LoginResult.Outcome.BAD_CREDENTIALS, f.service.completeSecondFactor(again, recovery.get(0), "10.0.0.1").outcome(),
                "a recovery code works once");
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void aChallengeExpiresAndWrongCodesAreThrottled(Dialect dialect) {
        Fixture f = new Fixture(dialect);
        Account henk = f.person(Role.PROFESSIONAL);
        String secret = f.secondFactor(henk);
        String challenge = f.service.beginSecondFactor(henk.id());
        assertTrue(f.service.secondFactorPending(challenge));
        f.clock.advance(SecurityPolicy.SECOND_FACTOR_CHALLENGE_VALIDITY);
        assertFalse(f.service.secondFactorPending(challenge));
        assertEquals(LoginResult.Outcome.BAD_CREDENTIALS, f.service.completeSecondFactor(challenge, f.code(secret), "10.0.0.2").outcome());

        String fresh = f.service.beginSecondFactor(henk.id());
        String wrong = "000000".equals(f.code(secret)) ? "111111" : "000000";
        for (int i = 0; i < SecurityPolicy.MAX_FAILURES_PER_ACCOUNT; i++) {
            assertEquals(LoginResult.Outcome.BAD_CREDENTIALS, f.service.completeSecondFactor(fresh, wrong, "10.0.0.2").outcome());
        }
        assertEquals(LoginResult.Outcome.THROTTLED, f.service.completeSecondFactor(fresh, f.code(secret), "10.0.0.2").outcome());
        assertEquals(LoginResult.Outcome.THROTTLED, f.service.authenticate(henk.username(), Fixture.PASSWORD, "10.0.0.3").outcome(),
                "the right password does not reset the count while the code is still owed");
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void disablingNeedsThePassword(Dialect dialect) {
        Fixture f = new Fixture(dialect);
        Account henk = f.person(Role.ADMIN);
        f.secondFactor(henk);
        assertProblem(409, () -> f.service.startSecondFactor(henk.id()));
        assertFieldProblem(Set.of("password"), () -> f.service.disableSecondFactor(henk.id(), "niet het wachtwoord"));
        assertTrue(f.service.hasSecondFactor(henk.id()));
        f.service.disableSecondFactor(henk.id(), Fixture.PASSWORD);
        assertFalse(f.service.hasSecondFactor(henk.id()));
        assertTrue(f.mails.get(f.mails.size() - 1).subject().startsWith("Tweestapsverificatie staat uit"));
        assertEquals(LoginResult.Outcome.OK, f.service.authenticate(henk.username(), Fixture.PASSWORD, "10.0.0.1").outcome());
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void theAuditLogNeedsASecondFactor(Dialect dialect) {
        Fixture f = new Fixture(dialect);
        Account henk = f.person(Role.ADMIN);
        Actor admin = f.actor(henk);
        var problem = assertProblem(403, () -> f.service.read(admin, f.initiative, AuditQuery.all(10)));
        assertEquals(IdentityServiceImpl.SECOND_FACTOR_NEEDED, problem.detail());
        f.secondFactor(henk);
        f.service.read(admin, f.initiative, AuditQuery.all(10));
        // a resident's own "who looked at my data" needs no second factor
        Actor resident = f.actor(f.person(Role.RESIDENT));
        f.service.readAboutMe(resident, f.initiative, 0, 10);
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void theDemoAdminHasTheDocumentedSecret(Dialect dialect) {
        Fixture f = new Fixture(dialect);
        long id = f.service.ensure(f.initiative).get("beheerder2");
        assertFalse(f.service.hasSecondFactor(f.service.ensure(f.initiative).get("beheerder")), "scripts sign in as beheerder");
        assertTrue(f.service.hasSecondFactor(id));
        String challenge = f.service.beginSecondFactor(id);
        assertEquals(LoginResult.Outcome.OK, f.service.completeSecondFactor(challenge,
                f.code(DemoAccountsImpl.DEMO_TOTP_SECRET), "10.0.0.9").outcome());
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void anAdminResetsALostSecondFactorOfTheirOwnMembersOnly(Dialect dialect) {
        Fixture f = new Fixture(dialect);
        Actor admin = f.actor(f.admin());
        Account marieke = f.person(Role.PROFESSIONAL);
        f.secondFactor(marieke);
        assertTrue(f.service.hasSecondFactor(admin, f.initiative, marieke.id()));
        assertProblem(403, () -> f.service.resetSecondFactor(f.actor(f.person(Role.COORDINATOR)), f.initiative, marieke.id()));
        var other = f.newInitiative();
        Account otherAdmin = f.person(other, Role.ADMIN);
        assertProblem(404, () -> f.service.resetSecondFactor(f.service.actor(otherAdmin, other), other, marieke.id()));
        assertTrue(f.service.hasSecondFactor(marieke.id()));

        f.service.resetSecondFactor(admin, f.initiative, marieke.id());
        assertFalse(f.service.hasSecondFactor(marieke.id()));
        assertEquals(LoginResult.Outcome.OK, f.service.authenticate(marieke.username(), Fixture.PASSWORD, "10.0.0.1").outcome());
        assertTrue(f.mails.get(f.mails.size() - 1).subject().startsWith("Tweestapsverificatie staat uit"), "she is told");
        f.clock.advance(Duration.ofSeconds(1));
        assertEquals(marieke.id(), f.service.read(admin, f.initiative, AuditQuery.all(5).withRecordType("identity.second-factor"))
                .entries().get(0).clientId(), "audited");
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void withAKeyTheSecretIsStoredEncrypted(Dialect dialect) {
        Fixture f = new Fixture(dialect);
        IdentityServiceImpl keyed = new IdentityServiceImpl(f.database.db, f.modules, f.clock, Fixture.CHEAP, (sql, mail) -> { },
                nl.samenredzaam.identity.internal.session.SecretBox.of(java.util.Base64.getEncoder().encodeToString(new byte[32])));
        Account henk = f.person(Role.ADMIN);
        String secret = secretOf(keyed.startSecondFactor(henk.id()));
        String stored = f.database.db.global(sql -> sql.first("select secret from identity_totp where user_id = :u", r -> r.getString(1),
                "u", henk.id())).orElseThrow();
        assertTrue(stored.startsWith("v1:") && !stored.contains(secret), "sealed, not the secret: " + stored);
        keyed.confirmSecondFactor(henk.id(), f.code(secret));
        f.clock.advance(Duration.ofSeconds(Totp.STEP_SECONDS));
        assertEquals(LoginResult.Outcome.OK, keyed.completeSecondFactor(keyed.beginSecondFactor(henk.id()), f.code(secret), "10.0.0.1").outcome());
        f.clock.advance(Duration.ofSeconds(Totp.STEP_SECONDS));
        assertEquals(LoginResult.Outcome.BAD_CREDENTIALS, f.service.completeSecondFactor(f.service.beginSecondFactor(henk.id()),
                f.code(secret), "10.0.0.1").outcome(), "without the key the stored value is useless");
    }
}
