package nl.samenredzaam.identity.internal;

import static nl.samenredzaam.identity.internal.Problems.assertFieldProblem;
import static nl.samenredzaam.identity.internal.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import nl.samenredzaam.api.data.Sql.Dialect;
import nl.samenredzaam.api.identity.Actor;
import nl.samenredzaam.api.identity.Member;
import nl.samenredzaam.api.initiative.Initiative;
import nl.samenredzaam.api.module.Role;
import nl.samenredzaam.identity.platform.Account;
import nl.samenredzaam.identity.platform.LoginResult.Outcome;
import nl.samenredzaam.identity.platform.MemberAccount;
import nl.samenredzaam.identity.platform.NewAccount;

class MembersDbTest {

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void theAdminCreatesAnAccountThatCanSignIn(Dialect dialect) {
        Fixture f = new Fixture(dialect);
        Actor admin = f.actor(f.person(Role.ADMIN));
        String username = TestDatabase.uniqueName("Sanne.Meijer");
        Account sanne = f.service.createAccount(admin, f.initiative,
                NewAccount.online(username, "Sanne Meijer", "sanne@example.org", "fietsen langs de rivier", Role.VOLUNTEER));
        assertEquals(username.toLowerCase(), sanne.username());
        assertFalse(sanne.operator());
        assertEquals(Outcome.OK, f.service.authenticate(username, "fietsen langs de rivier", "10.0.0.1").outcome());
        MemberAccount member = f.service.member(admin, f.initiative, sanne.id()).orElseThrow();
        assertEquals(new MemberAccount(sanne.id(), sanne.username(), "Sanne Meijer", "sanne@example.org", Set.of(Role.VOLUNTEER), false, false), member);
        assertEquals(List.of(f.initiative.id()), f.service.memberships(sanne.id()));
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void aCoordinatorRegistersAResidentWhoIsNotOnline(Dialect dialect) {
        Fixture f = new Fixture(dialect);
        Actor coordinator = f.actor(f.person(Role.COORDINATOR));
        Account truus = f.service.createAccount(coordinator, f.initiative, NewAccount.offlineResident("Truus Bakker"));
        assertTrue(truus.username().matches("inwoner-[a-z0-9]{8}"), truus.username());
        Actor admin = f.actor(f.person(Role.ADMIN));
        MemberAccount member = f.service.member(admin, f.initiative, truus.id()).orElseThrow();
        assertTrue(member.offline());
        assertNull(member.email());
        assertEquals(Set.of(Role.RESIDENT), member.roles());

        assertProblem(403, () -> f.service.createAccount(coordinator, f.initiative,
                NewAccount.online(TestDatabase.uniqueName("x"), "X", null, "fietsen langs de rivier", Role.RESIDENT)));
        assertProblem(403, () -> f.service.createAccount(coordinator, f.initiative,
                new NewAccount(null, "Y", null, null, Set.of(Role.ADMIN), true)));
        Actor resident = f.actor(f.person(Role.RESIDENT));
        assertProblem(403, () -> f.service.createAccount(resident, f.initiative, NewAccount.offlineResident("Z")));
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void everyWrongFieldIsNamed(Dialect dialect) {
        Fixture f = new Fixture(dialect);
        Actor admin = f.actor(f.person(Role.ADMIN));
        assertFieldProblem(Set.of("username", "displayName", "email", "password", "roles"), () -> f.service.createAccount(admin,
                f.initiative, new NewAccount("x", " ", "geen-adres", "kort", Set.of(), false)));
        assertFieldProblem(Set.of("email", "password"), () -> f.service.createAccount(admin, f.initiative,
                new NewAccount(null, "Truus", "truus@example.org", "fietsen langs de rivier", Set.of(Role.RESIDENT), true)));
        assertFieldProblem(Set.of("password"), () -> f.service.createAccount(admin, f.initiative,
                NewAccount.online(TestDatabase.uniqueName("ria"), "Ria", null, "Welkom2026!", Role.RESIDENT)));
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void aUserNameIsTakenOnceWhateverItsCase(Dialect dialect) {
        Fixture f = new Fixture(dialect);
        Actor admin = f.actor(f.person(Role.ADMIN));
        String name = TestDatabase.uniqueName("henk");
        f.service.createAccount(admin, f.initiative, NewAccount.online(name, "Henk", null, "fietsen langs de rivier", Role.RESIDENT));
        assertProblem(409, () -> f.service.createAccount(admin, f.initiative,
                NewAccount.online(name.toUpperCase(), "Henk 2", null, "fietsen langs de rivier", Role.RESIDENT)));
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void rolesAreAddedAndRemovedButTheLastAdminStays(Dialect dialect) {
        Fixture f = new Fixture(dialect);
        Account adminAccount = f.person(Role.ADMIN);
        Actor admin = f.actor(adminAccount);
        Account ria = f.person(Role.VOLUNTEER);
        f.service.addRole(admin, f.initiative, ria.id(), Role.COORDINATOR);
        f.service.addRole(admin, f.initiative, ria.id(), Role.COORDINATOR);
        assertEquals(Set.of(Role.VOLUNTEER, Role.COORDINATOR), f.actor(ria).roles());
        f.service.removeRole(admin, f.initiative, ria.id(), Role.VOLUNTEER);
        assertEquals(Set.of(Role.COORDINATOR), f.actor(ria).roles());

        assertProblem(409, () -> f.service.removeRole(admin, f.initiative, adminAccount.id(), Role.ADMIN));
        f.service.addRole(admin, f.initiative, ria.id(), Role.ADMIN);
        f.service.removeRole(admin, f.initiative, adminAccount.id(), Role.ADMIN);
        assertTrue(f.actor(adminAccount).roles().isEmpty());
        assertProblem(404, () -> f.service.addRole(f.actor(ria), f.initiative, -1, Role.RESIDENT));
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void onlyAdminsAndTheOperatorManageMembers(Dialect dialect) {
        Fixture f = new Fixture(dialect);
        Actor coordinator = f.actor(f.person(Role.COORDINATOR));
        Account ria = f.person(Role.RESIDENT);
        Initiative other = f.newInitiative();
        Actor adminElsewhere = f.service.actor(f.person(other, Role.ADMIN), f.initiative);
        assertProblem(403, () -> f.service.members(coordinator, f.initiative));
        assertProblem(403, () -> f.service.addRole(coordinator, f.initiative, ria.id(), Role.ADMIN));
        assertProblem(403, () -> f.service.addRole(adminElsewhere, f.initiative, ria.id(), Role.ADMIN));
        assertProblem(403, () -> f.service.removeRole(adminElsewhere, f.initiative, ria.id(), Role.RESIDENT));
        assertProblem(403, () -> f.service.findAccount(coordinator, f.initiative, ria.username()));

        Actor operator = f.actor(f.operator());
        f.service.addRole(operator, f.initiative, ria.id(), Role.ADMIN);
        assertTrue(f.actor(ria).roles().contains(Role.ADMIN), "the operator appoints an initiative's admin");
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void aDisabledAdminCanDoNothing(Dialect dialect) {
        Fixture f = new Fixture(dialect);
        Account adminAccount = f.person(Role.ADMIN);
        Actor admin = f.actor(adminAccount);
        f.disable(adminAccount.id());
        assertProblem(403, () -> f.service.members(admin, f.initiative));
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void membersAreListedByNameWithTheirRoles(Dialect dialect) {
        Fixture f = new Fixture(dialect);
        Actor admin = f.actor(f.person(Role.ADMIN));
        Account zus = f.service.createAccount(admin, f.initiative, NewAccount.offlineResident("Zus Zomer"));
        Account ans = f.service.createAccount(admin, f.initiative, NewAccount.offlineResident("Ans Aalders"));
        f.service.addRole(admin, f.initiative, ans.id(), Role.VOLUNTEER);
        f.person(f.newInitiative(), Role.RESIDENT);
        List<MemberAccount> members = f.service.members(admin, f.initiative);
        assertEquals(3, members.size());
        assertEquals(ans.id(), members.get(0).userId());
        assertEquals(Set.of(Role.RESIDENT, Role.VOLUNTEER), members.get(0).roles());
        assertEquals(zus.id(), members.get(2).userId());
        assertEquals(Optional.empty(), f.service.member(admin, f.initiative, -1));
        assertEquals(Optional.of(ans), f.service.findAccount(admin, f.initiative, ans.username().toUpperCase()).map(a -> a));
        assertEquals(Optional.empty(), f.service.findAccount(admin, f.initiative, "?"));
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void theDirectoryShowsMembersToModulesWithinTheirInitiative(Dialect dialect) {
        Fixture f = new Fixture(dialect);
        Account nurse = f.person(Role.PROFESSIONAL);
        Account disabledNurse = f.person(Role.PROFESSIONAL);
        f.disable(disabledNurse.id());
        Account elsewhere = f.person(f.newInitiative(), Role.PROFESSIONAL);
        List<Member> professionals = f.database.db.transaction(f.initiative.id(), sql -> f.service.withRole(sql, Role.PROFESSIONAL));
        assertEquals(List.of(new Member(nurse.id(), nurse.displayName(), nurse.username() + "@example.org", Set.of(Role.PROFESSIONAL))),
                professionals);
        assertTrue(f.database.db.transaction(f.initiative.id(), sql -> f.service.member(sql, elsewhere.id())).isEmpty());
        assertTrue(f.database.db.transaction(f.initiative.id(), sql -> f.service.member(sql, nurse.id())).isPresent());
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void aCoordinatorActsForAResident(Dialect dialect) {
        Fixture f = new Fixture(dialect);
        Actor coordinator = f.actor(f.person(Role.COORDINATOR));
        Account truus = f.service.createAccount(coordinator, f.initiative, NewAccount.offlineResident("Truus Bakker"));
        Actor acting = f.service.actingFor(coordinator, f.initiative, truus.id());
        assertEquals(Optional.of(truus.id()), acting.onBehalfOf());
        assertEquals(coordinator.userId(), acting.userId());
        assertEquals(coordinator.roles(), acting.roles());
        assertTrue(acting.has("calendar.manage"));

        Actor resident = f.actor(f.person(Role.RESIDENT));
        assertProblem(403, () -> f.service.actingFor(resident, f.initiative, truus.id()));
        assertProblem(403, () -> f.service.actingFor(coordinator, f.initiative, coordinator.userId()));
        assertProblem(404, () -> f.service.actingFor(coordinator, f.initiative, f.person(f.newInitiative(), Role.RESIDENT).id()));
    }
}
