package nl.samenredzaam.identity.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import nl.samenredzaam.api.audit.AuditEvent;
import nl.samenredzaam.api.data.Sql.Dialect;
import nl.samenredzaam.api.initiative.Initiative;
import nl.samenredzaam.api.module.Role;
import nl.samenredzaam.api.privacy.Erasure;
import nl.samenredzaam.api.privacy.Person;
import nl.samenredzaam.identity.platform.Account;
import nl.samenredzaam.identity.platform.AuditQuery;
import nl.samenredzaam.identity.platform.LoginResult;
import nl.samenredzaam.identity.platform.NewInvitation;

/** Identity's privacy contributor: export, erasure with a pseudonymous audit trail, per initiative; on H2 and PostgreSQL. */
class IdentityPrivacyDbTest {

    private final IdentityPrivacy privacy = new IdentityPrivacy();

    private static Person person(Account a, String email) {
        return new Person(a.id(), a.displayName(), email, null, null);
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    @SuppressWarnings("unchecked")
    void theExportHoldsAccountRolesSessionsTokensAndInvitationsButNoSecrets(Dialect dialect) {
        Fixture f = new Fixture(dialect);
        Account admin = f.admin();
        f.service.invite(f.actor(admin), f.initiative, new NewInvitation("ria@example.org", "Ria", Role.VOLUNTEER), InvitationsDbTest.TEMPLATE);
        Account ria = f.service.acceptWithNewAccount(f.initiative, InvitationsDbTest.tokenOf(f.mails.get(0)), TestDatabase.uniqueName("ria"),
                "ria zingt in het dorpskoor");
        f.database.db.global(sql -> sql.update("update identity_user set email = 'ria@example.org' where id = :id", "id", ria.id()));
        String session = f.service.createSession(ria.id()).id();
        String token = f.service.issueToken(ria.id(), "agenda-script", null);

        Map<String, Object> out = f.database.db.transaction(f.initiative.id(), sql -> privacy.export(sql, person(ria, "ria@example.org")));
        Map<String, Object> account = (Map<String, Object>) out.get("account");
        assertEquals(ria.username(), account.get("username"));
        assertEquals(false, account.get("twoStepVerification"));
        assertEquals(List.of(Map.of("role", "VOLUNTEER", "since", f.clock.instant().toString())), out.get("roles"));
        assertEquals(1, ((List<?>) out.get("sessions")).size());
        assertEquals("agenda-script", ((List<Map<String, Object>>) out.get("apiTokens")).get(0).get("label"));
        assertEquals(1, ((List<?>) out.get("invitations")).size());
        String json = out.toString();
        assertFalse(json.contains(session) || json.contains(token) || json.contains("argon2"), "no secrets or hashes");

        Initiative other = f.newInitiative();
        Map<String, Object> elsewhere = f.database.db.transaction(other.id(), sql -> privacy.export(sql, person(ria, "ria@example.org")));
        assertFalse(elsewhere.containsKey("account"), "another initiative gets nothing about a person who is not its member");
        assertEquals(List.of(), elsewhere.get("invitations"));
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void erasureAnonymisesTheAccountAndTheAuditLogKeepsOnlyItsNumber(Dialect dialect) {
        Fixture f = new Fixture(dialect);
        Account admin = f.admin();
        Account gerrit = f.person(Role.RESIDENT);
        String session = f.service.createSession(gerrit.id()).id();
        String token = f.service.issueToken(gerrit.id(), "script", null);
        f.service.audit(f.initiative, f.actor(admin), AuditEvent.of(AuditEvent.Action.READ, "wmo-intake.file", 7, gerrit.id(), "care"), "10.0.0.1");

        Erasure erasure = f.database.db.transaction(f.initiative.id(), sql -> privacy.erase(sql, person(gerrit, gerrit.username() + "@example.org")));
        assertEquals(1, erasure.anonymised());
        assertTrue(erasure.removed() >= 3, "membership, session, token: " + erasure);
        assertTrue(erasure.kept().get(erasure.kept().size() - 1).contains("nummer " + gerrit.id()), erasure.kept().toString());

        assertEquals(LoginResult.Outcome.BAD_CREDENTIALS, f.service.authenticate(gerrit.username(), Fixture.PASSWORD, "10.0.0.1").outcome());
        assertTrue(f.service.session(session).isEmpty());
        assertTrue(f.service.accountForToken(token).isEmpty());
        Account after = f.service.account(gerrit.id()).orElseThrow();
        assertEquals("verwijderd-" + gerrit.id(), after.username());
        assertFalse(after.displayName().contains("Persoon"));
        assertEquals(Set.of(), f.actor(after).roles());
        f.clock.advance(Duration.ofSeconds(1));
        assertEquals(gerrit.id(), f.service.read(f.actor(admin), f.initiative, AuditQuery.all(10).withRecordType("wmo-intake.file"))
                .entries().get(0).clientId(), "the audit entry keeps the pseudonymous number");
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void aMemberOfAnotherInitiativeKeepsTheAccountAndLosesOnlyTheRolesHere(Dialect dialect) {
        Fixture f = new Fixture(dialect);
        Initiative other = f.newInitiative();
        Account sanne = f.person(Role.VOLUNTEER);
        f.database.db.transaction(other.id(), sql -> new nl.samenredzaam.identity.internal.store.MembershipRepository()
                .add(sql, sanne.id(), Role.RESIDENT, f.clock.instant()));
        Erasure erasure = f.database.db.transaction(f.initiative.id(), sql -> privacy.erase(sql, person(sanne, null)));
        assertEquals(0, erasure.anonymised());
        assertEquals(1, erasure.removed());
        assertTrue(erasure.kept().get(0).contains("ander initiatief"), erasure.kept().toString());
        assertEquals(LoginResult.Outcome.OK, f.service.authenticate(sanne.username(), Fixture.PASSWORD, "10.0.0.1").outcome());
        assertEquals(Set.of(), f.actor(sanne).roles());
        assertEquals(Set.of(Role.RESIDENT), f.service.actor(sanne, other).roles());
    }
}
