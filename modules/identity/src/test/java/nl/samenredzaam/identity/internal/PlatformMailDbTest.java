package nl.samenredzaam.identity.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import nl.samenredzaam.api.data.Sql.Dialect;
import nl.samenredzaam.api.module.Role;
import nl.samenredzaam.core.internal.mail.MailerImpl;
import nl.samenredzaam.identity.internal.session.Totp;
import nl.samenredzaam.identity.internal.store.MembershipRepository;
import nl.samenredzaam.identity.internal.store.UserRepository;
import nl.samenredzaam.identity.platform.Account;
import nl.samenredzaam.identity.platform.LoginResult.Outcome;

/**
 * Mail for accounts in no initiative (platform operators) goes through core's real outbox as the
 * platform's own mail ({@code initiative_id} null): the password-reset link and the notices after a
 * changed password or second factor. A member's mail still belongs to their first initiative. The
 * operator {@code admin} gets its address from {@code SAMENREDZAAM_ADMIN_EMAIL}. On H2 and PostgreSQL.
 */
class PlatformMailDbTest {

    private static final String NEW = "een nieuw lang wachtwoord voor het platform";

    private record Queued(Long initiative, String subject, String body) {
    }

    /** The service with core's real {@link MailerImpl}, on the shared database of the dialect. */
    private static IdentityServiceImpl service(TestDatabase database, MutableClock clock) {
        return new IdentityServiceImpl(database.db, new FakeModules(), clock, Fixture.CHEAP, new MailerImpl());
    }

    private static List<Queued> outbox(TestDatabase database, String to) {
        return database.db.global(sql -> sql.list("select initiative_id, subject, body from platform_mail_outbox where to_address = :to "
                + "order by id", r -> new Queued(r.getObject(1) == null ? null : r.getLong(1), r.getString(2), r.getString(3)), "to", to));
    }

    private static long operatorWithAddress(TestDatabase database, String username) {
        return database.db.global(sql -> new UserRepository().insert(sql, username, "Platformbeheerder", username + "@samenredzaam.example",
                Fixture.CHEAP.hash(Fixture.PASSWORD), true, false, Instant.EPOCH, null));
    }

    private static String tokenOf(Queued mail) {
        return mail.body().substring(mail.body().lastIndexOf('/') + 1);
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void anOperatorInNoInitiativeGetsTheResetLinkAndTheNoticeAsThePlatformsMail(Dialect dialect) {
        TestDatabase database = TestDatabase.shared(dialect);
        IdentityServiceImpl service = service(database, MutableClock.standard());
        String username = TestDatabase.uniqueName("operator");
        String address = username + "@samenredzaam.example";
        long id = operatorWithAddress(database, username);

        service.requestPasswordReset(username, PasswordResetDbTest.TEMPLATE);
        List<Queued> queued = outbox(database, address);
        assertEquals(1, queued.size(), "the reset mail is queued in the real outbox");
        assertNull(queued.get(0).initiative(), "no initiative: the platform's own mail");
        String token = tokenOf(queued.get(0));
        assertEquals(id, service.passwordResetAccount(token).orElseThrow().id(), "the mailed link is the stored one");

        service.resetPassword(token, NEW);
        assertEquals(Outcome.OK, service.authenticate(username, NEW, "10.0.0.1").outcome());
        queued = outbox(database, address);
        assertEquals(2, queued.size());
        Queued notice = queued.get(1);
        assertNull(notice.initiative());
        assertTrue(notice.subject().startsWith("Uw wachtwoord is gewijzigd"), notice.subject());
        assertTrue(notice.body().contains("de beheerder van het platform"), "points to the platform, not to an initiative: " + notice.body());
        assertTrue(notice.body().contains("the administrator of the platform"), notice.body());
        assertFalse(notice.body().contains(NEW), "never the password itself");
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void anOperatorIsToldWhenThePasswordOrTheSecondFactorChanges(Dialect dialect) {
        TestDatabase database = TestDatabase.shared(dialect);
        MutableClock clock = MutableClock.standard();
        IdentityServiceImpl service = service(database, clock);
        String username = TestDatabase.uniqueName("operator");
        long id = operatorWithAddress(database, username);

        service.changePassword(id, Fixture.PASSWORD, NEW, null);
        String secret = service.startSecondFactor(id).secret();
        service.confirmSecondFactor(id, Totp.code(secret, Totp.step(clock.instant())));
        service.disableSecondFactor(id, NEW);

        List<Queued> queued = outbox(database, username + "@samenredzaam.example");
        assertEquals(List.of("Uw wachtwoord is gewijzigd / Your password was changed",
                "Tweestapsverificatie staat aan / Two-step verification is on",
                "Tweestapsverificatie staat uit / Two-step verification is off"), queued.stream().map(Queued::subject).toList());
        assertTrue(queued.stream().allMatch(q -> q.initiative() == null), queued.toString());
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void aMembersMailStillBelongsToTheirInitiative(Dialect dialect) {
        TestDatabase database = TestDatabase.shared(dialect);
        IdentityServiceImpl service = service(database, MutableClock.standard());
        long initiative = database.newInitiative();
        String username = TestDatabase.uniqueName("user");
        long id = database.db.global(sql -> new UserRepository().insert(sql, username, "Ria", username + "@example.org",
                Fixture.CHEAP.hash(Fixture.PASSWORD), false, false, Instant.EPOCH, null));
        database.db.transaction(initiative, sql -> new MembershipRepository().add(sql, id, Role.COORDINATOR, Instant.EPOCH));

        service.requestPasswordReset(username, PasswordResetDbTest.TEMPLATE);
        service.changePassword(id, Fixture.PASSWORD, NEW, null);

        List<Queued> queued = outbox(database, username + "@example.org");
        assertEquals(2, queued.size());
        assertEquals(initiative, queued.get(0).initiative(), "the reset link");
        assertEquals(initiative, queued.get(1).initiative(), "the notice");
        assertTrue(queued.get(1).body().contains("de beheerder of coördinator van uw initiatief"), queued.get(1).body());
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void theFirstOperatorGetsItsAddressFromTheEnvironmentAndCanResetByMail(Dialect dialect) throws Exception {
        try (TestDatabase database = TestDatabase.fresh(dialect); LogCapture log = new LogCapture()) {
            IdentityServiceImpl service = service(database, MutableClock.standard());
            PrintStream console = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
            assertTrue(service.ensureFirstOperator("beheer van het hele platform", "beheer@samenredzaam.example", console));
            assertEquals("beheer@samenredzaam.example", email(database));

            service.requestPasswordReset("admin", PasswordResetDbTest.TEMPLATE);
            List<Queued> queued = outbox(database, "beheer@samenredzaam.example");
            assertEquals(1, queued.size());
            assertNull(queued.get(0).initiative());

            // a later start with another address sets it; without one, or with a broken one, the stored one stays
            assertFalse(service.ensureFirstOperator(null, "operator@samenredzaam.example", console));
            assertEquals("operator@samenredzaam.example", email(database));
            service.ensureFirstOperator(null, null, console);
            assertEquals("operator@samenredzaam.example", email(database));
            service.ensureFirstOperator(null, "geen adres", console);
            assertEquals("operator@samenredzaam.example", email(database));
            assertTrue(log.text().contains("SAMENREDZAAM_ADMIN_EMAIL is not an e-mail address"), log.text());
            assertFalse(log.text().contains("samenredzaam.example"), "no address in the log: " + log.text());
            assertEquals(Outcome.OK, service.authenticate("admin", "beheer van het hele platform", "127.0.0.1").outcome(),
                    "a later start never touches the password");
        }
    }

    private static String email(TestDatabase database) {
        return database.db.global(sql -> new UserRepository().byUsername(sql, "admin")).orElseThrow().email();
    }
}
