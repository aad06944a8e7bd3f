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

import nl.samenredzaam.api.audit.AuditEvent.Action;
import nl.samenredzaam.api.data.Sql.Dialect;
import nl.samenredzaam.api.identity.Actor;
import nl.samenredzaam.api.mail.Mail;
import nl.samenredzaam.api.module.Role;
import nl.samenredzaam.identity.internal.session.Secrets;
import nl.samenredzaam.identity.platform.Account;
import nl.samenredzaam.identity.platform.AuditEntry;
import nl.samenredzaam.identity.platform.AuditQuery;
import nl.samenredzaam.identity.platform.Invitation;
import nl.samenredzaam.identity.platform.LoginResult;
import nl.samenredzaam.identity.platform.MailTemplate;
import nl.samenredzaam.identity.platform.NewInvitation;
import nl.samenredzaam.identity.platform.SecurityPolicy;

/** Invitations: single use, time-limited, hashed, per initiative, audited; on H2 and PostgreSQL. */
class InvitationsDbTest {

    static final MailTemplate TEMPLATE = (to, name, token) -> new Mail(to, "Uitnodiging", "Beste " + name + ", link: /x/uitnodiging/" + token);

    static String tokenOf(Mail mail) {
        return mail.body().substring(mail.body().lastIndexOf('/') + 1);
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void anInvitationIsMailedAndAcceptedOnceWithANewAccount(Dialect dialect) {
        Fixture f = new Fixture(dialect);
        Actor admin = f.actor(f.admin());
        Invitation sent = f.service.invite(admin, f.initiative, new NewInvitation("gerda@example.org", "Gerda Smit", Role.VOLUNTEER), TEMPLATE);
        assertEquals(Invitation.Status.OPEN, sent.status());
        assertEquals(f.clock.instant().plus(SecurityPolicy.INVITATION_VALIDITY), sent.expiresAt());
        Mail mail = f.mails.get(0);
        assertEquals("gerda@example.org", mail.to());
        String token = tokenOf(mail);

        List<String> stored = f.database.db.global(sql -> sql.list("select token_hash from identity_invitation where id = :id",
                r -> r.getString(1), "id", sent.id()));
        assertEquals(List.of(Secrets.sha256(token)), stored, "only the hash is stored");

        String username = TestDatabase.uniqueName("gerda");
        Account gerda = f.service.acceptWithNewAccount(f.initiative, token, username, "gerda wandelt graag door het dorp");
        assertEquals("Gerda Smit", gerda.displayName());
        assertEquals(Set.of(Role.VOLUNTEER), f.actor(gerda).roles());
        assertEquals(LoginResult.Outcome.OK, f.service.authenticate(username, "gerda wandelt graag door het dorp", "10.0.0.1").outcome());
        assertEquals(Invitation.Status.ACCEPTED, f.service.byToken(f.initiative, token).orElseThrow().status());

        assertProblem(410, () -> f.service.acceptWithNewAccount(f.initiative, token, username + "x", "gerda wandelt graag door het dorp"));
        assertProblem(410, () -> f.service.acceptWithAccount(f.initiative, token, gerda.id()));

        List<AuditEntry> log = f.service.read(admin, f.initiative, AuditQuery.all(10).withRecordType("identity.invitation")).entries();
        assertEquals(List.of(Action.UPDATE, Action.CREATE), log.stream().map(AuditEntry::action).toList());
        assertEquals(gerda.id(), log.get(0).userId());
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void anExpiredOrRevokedInvitationIsRefusedAndResendMakesANewLink(Dialect dialect) {
        Fixture f = new Fixture(dialect);
        Actor admin = f.actor(f.admin());
        Invitation sent = f.service.invite(admin, f.initiative, new NewInvitation("kees@example.org", "Kees", Role.RESIDENT), TEMPLATE);
        String first = tokenOf(f.mails.get(0));
        f.clock.advance(SecurityPolicy.INVITATION_VALIDITY.minusSeconds(1));
        assertEquals(Invitation.Status.OPEN, f.service.byToken(f.initiative, first).orElseThrow().status());
        f.clock.advance(Duration.ofSeconds(1));
        assertEquals(Invitation.Status.EXPIRED, f.service.byToken(f.initiative, first).orElseThrow().status());
        assertProblem(410, () -> f.service.acceptWithNewAccount(f.initiative, first, TestDatabase.uniqueName("kees"), "kees fietst elke zondag"));

        f.service.resend(admin, f.initiative, sent.id(), TEMPLATE);
        String second = tokenOf(f.mails.get(1));
        assertTrue(f.service.byToken(f.initiative, first).isEmpty(), "the old link is gone");
        assertEquals(Invitation.Status.OPEN, f.service.byToken(f.initiative, second).orElseThrow().status());

        f.service.revoke(admin, f.initiative, sent.id());
        assertEquals(Invitation.Status.REVOKED, f.service.byToken(f.initiative, second).orElseThrow().status());
        assertProblem(410, () -> f.service.acceptWithNewAccount(f.initiative, second, TestDatabase.uniqueName("kees"), "kees fietst elke zondag"));
        assertProblem(409, () -> f.service.revoke(admin, f.initiative, sent.id()));
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void badInputNamesTheFieldAndBurnsNothing(Dialect dialect) {
        Fixture f = new Fixture(dialect);
        Actor admin = f.actor(f.admin());
        assertFieldProblem(Set.of("email", "displayName", "role"),
                () -> f.service.invite(admin, f.initiative, new NewInvitation("geen-adres", " ", null), TEMPLATE));
        assertTrue(f.mails.isEmpty());
        f.service.invite(admin, f.initiative, new NewInvitation("ali@example.org", "Ali", Role.RESIDENT), TEMPLATE);
        String token = tokenOf(f.mails.get(0));
        assertFieldProblem(Set.of("username", "password"), () -> f.service.acceptWithNewAccount(f.initiative, token, "x", "kort"));
        Account taken = f.person(Role.RESIDENT);
        assertProblem(409, () -> f.service.acceptWithNewAccount(f.initiative, token, taken.username(), "ali leest de krant voor"));
        assertEquals(Invitation.Status.OPEN, f.service.byToken(f.initiative, token).orElseThrow().status(), "still usable");
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void anExistingAccountJoinsAndOtherInitiativesCannotUseTheLink(Dialect dialect) {
        Fixture f = new Fixture(dialect);
        Actor admin = f.actor(f.admin());
        var other = f.newInitiative();
        Account elsewhere = f.person(other, Role.RESIDENT);
        f.service.invite(admin, f.initiative, new NewInvitation("an@example.org", "An", Role.VOLUNTEER), TEMPLATE);
        String token = tokenOf(f.mails.get(0));
        assertTrue(f.service.byToken(other, token).isEmpty(), "the link belongs to one initiative");
        assertProblem(410, () -> f.service.acceptWithAccount(other, token, elsewhere.id()));
        f.service.acceptWithAccount(f.initiative, token, elsewhere.id());
        assertEquals(Set.of(Role.VOLUNTEER), f.actor(elsewhere).roles());
        assertEquals(Set.of(Role.RESIDENT), f.service.actor(elsewhere, other).roles());
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void whoMayInvite(Dialect dialect) {
        Fixture f = new Fixture(dialect);
        Actor coordinator = f.actor(f.person(Role.COORDINATOR));
        Actor resident = f.actor(f.person(Role.RESIDENT));
        f.service.invite(coordinator, f.initiative, new NewInvitation("a@example.org", "A", Role.RESIDENT), TEMPLATE);
        f.service.invite(coordinator, f.initiative, new NewInvitation("b@example.org", "B", Role.VOLUNTEER), TEMPLATE);
        assertProblem(403, () -> f.service.invite(coordinator, f.initiative, new NewInvitation("c@example.org", "C", Role.ADMIN), TEMPLATE));
        assertProblem(403, () -> f.service.invite(resident, f.initiative, new NewInvitation("d@example.org", "D", Role.RESIDENT), TEMPLATE));
        assertProblem(403, () -> f.service.invitations(resident, f.initiative));
        assertEquals(2, f.service.invitations(coordinator, f.initiative).size());

        var other = f.newInitiative();
        Actor otherAdmin = f.service.actor(f.person(other, Role.ADMIN), other);
        assertTrue(f.service.invitations(otherAdmin, other).isEmpty(), "another initiative sees none of them");
        long id = f.service.invitations(coordinator, f.initiative).get(0).id();
        assertProblem(404, () -> f.service.revoke(otherAdmin, other, id));
        assertFalse(f.mails.isEmpty());
    }
}
