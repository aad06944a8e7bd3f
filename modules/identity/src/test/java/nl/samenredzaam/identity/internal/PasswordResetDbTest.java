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
import nl.samenredzaam.api.mail.Mail;
import nl.samenredzaam.api.module.Role;
import nl.samenredzaam.identity.internal.session.Secrets;
import nl.samenredzaam.identity.platform.Account;
import nl.samenredzaam.identity.platform.LoginResult;
import nl.samenredzaam.identity.platform.MailTemplate;
import nl.samenredzaam.identity.platform.SecurityPolicy;
import nl.samenredzaam.identity.platform.Session;

/** Password reset by e-mail: no enumeration, single use, short-lived, ends sessions and tokens; on H2 and PostgreSQL. */
class PasswordResetDbTest {

    static final MailTemplate TEMPLATE = (to, name, token) -> new Mail(to, "Nieuw wachtwoord", "Link: /wachtwoord-herstellen/" + token);
    static final String NEW = "een nieuw lang wachtwoord voor het dorp";

    private static String tokenOf(Mail mail) {
        return mail.body().substring(mail.body().lastIndexOf('/') + 1);
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void aResetLinkWorksOnceEndsSessionsAndRevokesTokens(Dialect dialect) {
        Fixture f = new Fixture(dialect);
        Account ria = f.person(Role.COORDINATOR);
        Session session = f.service.createSession(ria.id());
        String apiToken = f.service.issueToken(ria.id(), "script", null);

        f.service.requestPasswordReset(ria.username() + "@example.org", TEMPLATE);
        assertEquals(1, f.mails.size());
        assertEquals(ria.username() + "@example.org", f.mails.get(0).to());
        String token = tokenOf(f.mails.get(0));
        List<String> stored = f.database.db.global(sql -> sql.list("select token_hash from identity_password_reset where user_id = :u",
                r -> r.getString(1), "u", ria.id()));
        assertEquals(List.of(Secrets.sha256(token)), stored);
        assertEquals(ria.id(), f.service.passwordResetAccount(token).orElseThrow().id());

        assertFieldProblem(Set.of("newPassword"), () -> f.service.resetPassword(token, "kort"));
        assertTrue(f.service.passwordResetAccount(token).isPresent(), "a refused password does not use the link up");

        f.service.resetPassword(token, NEW);
        assertEquals(2, f.mails.size());
        assertTrue(f.mails.get(1).subject().startsWith("Uw wachtwoord is gewijzigd"), "the person is told afterwards");
        assertFalse(f.mails.get(1).body().contains(NEW), "never the password itself");
        assertEquals(LoginResult.Outcome.OK, f.service.authenticate(ria.username(), NEW, "10.0.0.1").outcome());
        assertEquals(LoginResult.Outcome.BAD_CREDENTIALS, f.service.authenticate(ria.username(), Fixture.PASSWORD, "10.0.0.1").outcome());
        assertTrue(f.service.session(session.id()).isEmpty(), "sessions end");
        assertTrue(f.service.accountForToken(apiToken).isEmpty(), "API tokens are revoked");

        assertProblem(410, () -> f.service.resetPassword(token, NEW + " twee"));
        assertTrue(f.service.passwordResetAccount(token).isEmpty());
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void theLinkExpiresAfterAnHourAndANewerOneReplacesIt(Dialect dialect) {
        Fixture f = new Fixture(dialect);
        Account ria = f.person(Role.RESIDENT);
        f.service.requestPasswordReset(ria.username(), TEMPLATE);
        String first = tokenOf(f.mails.get(0));
        f.clock.advance(SecurityPolicy.PASSWORD_RESET_VALIDITY.minusSeconds(1));
        assertTrue(f.service.passwordResetAccount(first).isPresent());
        f.clock.advance(Duration.ofSeconds(1));
        assertTrue(f.service.passwordResetAccount(first).isEmpty());
        assertProblem(410, () -> f.service.resetPassword(first, NEW));

        f.service.requestPasswordReset(ria.username(), TEMPLATE);
        String second = tokenOf(f.mails.get(1));
        f.service.requestPasswordReset(ria.username(), TEMPLATE);
        String third = tokenOf(f.mails.get(2));
        assertTrue(f.service.passwordResetAccount(second).isEmpty(), "a newer link replaces the older one");
        assertTrue(f.service.passwordResetAccount(third).isPresent());
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void unknownDisabledOrMaillessAccountsGetNothingAndNothingIsSaid(Dialect dialect) {
        Fixture f = new Fixture(dialect);
        f.service.requestPasswordReset("niemand-" + TestDatabase.uniqueName("x") + "@example.org", TEMPLATE);
        f.service.requestPasswordReset("", TEMPLATE);
        f.service.requestPasswordReset(null, TEMPLATE);
        Account disabled = f.person(Role.RESIDENT);
        f.disable(disabled.id());
        f.service.requestPasswordReset(disabled.username(), TEMPLATE);
        Account operator = f.operator();
        f.service.requestPasswordReset(operator.username(), TEMPLATE);
        assertTrue(f.mails.isEmpty());
        assertTrue(f.service.passwordResetAccount(Secrets.random()).isEmpty());
        assertTrue(f.service.passwordResetAccount("kapot").isEmpty());
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void atMostThreeMailsPerHourPerAccount(Dialect dialect) {
        Fixture f = new Fixture(dialect);
        Account ria = f.person(Role.RESIDENT);
        for (int i = 0; i < 5; i++) {
            f.service.requestPasswordReset(ria.username(), TEMPLATE);
        }
        assertEquals(PasswordResets.MAX_PER_HOUR, f.mails.size());
        f.clock.advance(Duration.ofHours(1));
        f.service.requestPasswordReset(ria.username(), TEMPLATE);
        assertEquals(PasswordResets.MAX_PER_HOUR + 1, f.mails.size());
    }
}
