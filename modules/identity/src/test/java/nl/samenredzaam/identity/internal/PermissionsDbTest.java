package nl.samenredzaam.identity.internal;

import static nl.samenredzaam.identity.internal.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import nl.samenredzaam.api.data.Sql.Dialect;
import nl.samenredzaam.api.identity.Actor;
import nl.samenredzaam.api.initiative.Initiative;
import nl.samenredzaam.api.module.Module;
import nl.samenredzaam.api.module.Permission;
import nl.samenredzaam.api.module.Role;
import nl.samenredzaam.identity.platform.Account;
import nl.samenredzaam.identity.platform.RolePermission;
import nl.samenredzaam.identity.platform.SecurityPolicy;

class PermissionsDbTest {

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void rolesGiveTheModulesDefaultPermissions(Dialect dialect) {
        Fixture f = new Fixture(dialect);
        Actor coordinator = f.actor(f.person(Role.COORDINATOR));
        Actor resident = f.actor(f.person(Role.RESIDENT));
        Actor nurse = f.actor(f.person(Role.PROFESSIONAL));
        Actor both = f.actor(f.person(Role.RESIDENT, Role.VOLUNTEER));

        assertEquals(Set.of(Role.COORDINATOR), coordinator.roles());
        assertTrue(coordinator.has("calendar.manage"));
        assertTrue(coordinator.has("calendar.view"));
        assertFalse(coordinator.has("wmo-intake.file.read"));
        assertTrue(resident.has("calendar.view"));
        assertFalse(resident.has("calendar.manage"));
        assertTrue(nurse.has("wmo-intake.file.read"));
        assertFalse(nurse.has("calendar.view"));
        assertEquals(Set.of(Role.RESIDENT, Role.VOLUNTEER), both.roles());
        assertTrue(both.has("calendar.view"));
        assertFalse(resident.has("calendar.unknown"));
        assertFalse(resident.has(null));
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void publicIsForEveryoneAndMemberForAnyRole(Dialect dialect) {
        Fixture f = new Fixture(dialect);
        Actor member = f.actor(f.person(Role.VOLUNTEER));
        Actor outsider = f.actor(f.person(f.newInitiative(), Role.ADMIN));
        assertTrue(member.has(Permission.PUBLIC));
        assertTrue(member.has(Permission.MEMBER));
        assertTrue(outsider.has(Permission.PUBLIC));
        assertFalse(outsider.has(Permission.MEMBER), "an admin elsewhere is no member here");
        assertTrue(outsider.roles().isEmpty());
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void theOperatorHasNoCarePermissions(Dialect dialect) {
        Fixture f = new Fixture(dialect);
        Account operator = f.operator();
        Actor actor = f.actor(operator);
        assertTrue(actor.isOperator());
        assertTrue(actor.roles().isEmpty());
        assertFalse(actor.has(Permission.MEMBER));
        for (String permission : List.of("calendar.view", "calendar.manage", "wmo-intake.file.read")) {
            assertFalse(actor.has(permission), permission);
        }
        assertProblem(403, () -> f.service.permissions(actor, f.initiative));
        assertProblem(403, () -> f.service.setGranted(actor, f.initiative, "wmo-intake.file.read", Role.ADMIN, true));
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void anOperatorWhoIsAMemberHasThatRolesPermissions(Dialect dialect) {
        Fixture f = new Fixture(dialect);
        Account operator = f.operator();
        f.service.addRole(f.actor(operator), f.initiative, operator.id(), Role.COORDINATOR);
        Actor actor = f.actor(operator);
        assertTrue(actor.has("calendar.manage"));
        assertFalse(actor.has("wmo-intake.file.read"));
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void theAdminGrantsAndRevokesForTheirInitiativeOnly(Dialect dialect) {
        Fixture f = new Fixture(dialect);
        Actor admin = f.actor(f.person(Role.ADMIN));
        Account volunteer = f.person(Role.VOLUNTEER);
        Account coordinator = f.person(Role.COORDINATOR);
        Initiative other = f.newInitiative();
        Account volunteerElsewhere = f.person(other, Role.VOLUNTEER);
        assertFalse(f.actor(volunteer).has("calendar.manage"));

        f.service.setGranted(admin, f.initiative, "calendar.manage", Role.VOLUNTEER, true);
        f.service.setGranted(admin, f.initiative, "calendar.manage", Role.COORDINATOR, false);

        assertTrue(f.actor(volunteer).has("calendar.manage"), "effective on the next request");
        assertFalse(f.actor(coordinator).has("calendar.manage"));
        assertTrue(f.actor(coordinator).has("calendar.view"));
        assertFalse(f.service.actor(volunteerElsewhere, other).has("calendar.manage"), "other initiatives keep the defaults");

        RolePermission row = row(f.service.permissions(admin, f.initiative), "calendar.manage");
        assertEquals(Set.of(Role.COORDINATOR, Role.ADMIN), row.defaultRoles());
        assertEquals(Set.of(Role.VOLUNTEER, Role.ADMIN), row.roles());
        assertTrue(row.changed());
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void settingBackToTheDefaultRemovesTheChange(Dialect dialect) {
        Fixture f = new Fixture(dialect);
        Actor admin = f.actor(f.person(Role.ADMIN));
        f.service.setGranted(admin, f.initiative, "calendar.view", Role.RESIDENT, false);
        assertEquals(1, overrides(f));
        f.service.setGranted(admin, f.initiative, "calendar.view", Role.RESIDENT, true);
        assertEquals(0, overrides(f));
        f.service.setGranted(admin, f.initiative, "calendar.view", Role.RESIDENT, true);
        assertEquals(0, overrides(f));
        assertFalse(row(f.service.permissions(admin, f.initiative), "calendar.view").changed());
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void onlyTheInitiativesAdminChangesPermissionsOfActiveModules(Dialect dialect) {
        Fixture f = new Fixture(dialect);
        Actor coordinator = f.actor(f.person(Role.COORDINATOR));
        Actor adminElsewhere = f.service.actor(f.person(f.newInitiative(), Role.ADMIN), f.initiative);
        Actor admin = f.actor(f.person(Role.ADMIN));
        assertProblem(403, () -> f.service.setGranted(coordinator, f.initiative, "calendar.manage", Role.VOLUNTEER, true));
        assertProblem(403, () -> f.service.setGranted(adminElsewhere, f.initiative, "calendar.manage", Role.VOLUNTEER, true));
        assertProblem(403, () -> f.service.permissions(coordinator, f.initiative));
        assertProblem(404, () -> f.service.setGranted(admin, f.initiative, "nothing.here", Role.VOLUNTEER, true));
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void permissionsFollowTheActiveModules(Dialect dialect) {
        Fixture f = new Fixture(dialect);
        Account coordinator = f.person(Role.COORDINATOR);
        assertTrue(f.actor(coordinator).has("calendar.manage"));
        Module calendar = f.modules.activeModules().get(0).module();
        f.modules.remove(calendar);
        assertFalse(f.actor(coordinator).has("calendar.manage"), "a module that is gone grants nothing");
        Module news = FakeModules.module("buurtnieuws",
                Permission.of("buurtnieuws.post", nl.samenredzaam.api.i18n.Text.of("Plaatsen", "Post"), Role.COORDINATOR));
        f.modules.add(news);
        assertTrue(f.actor(coordinator).has("buurtnieuws.post"), "a new module counts at once");
        assertEquals(List.of("buurtnieuws.post", "wmo-intake.file.read"),
                f.service.permissions(f.actor(f.person(Role.ADMIN)), f.initiative).stream().map(RolePermission::permission).toList());
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void aChangeMadeOnAnotherNodeCountsWithinTheCacheLifetime(Dialect dialect) {
        Fixture f = new Fixture(dialect);
        Account volunteer = f.person(Role.VOLUNTEER);
        Actor admin = f.actor(f.person(Role.ADMIN));
        assertFalse(f.actor(volunteer).has("calendar.manage"));
        IdentityServiceImpl otherNode = new IdentityServiceImpl(f.database.db, f.modules, f.clock, Fixture.CHEAP);
        otherNode.setGranted(admin, f.initiative, "calendar.manage", Role.VOLUNTEER, true);
        assertFalse(f.actor(volunteer).has("calendar.manage"), "this node still has its cached table");
        f.clock.advance(SecurityPolicy.PERMISSION_CACHE_TTL);
        assertTrue(f.actor(volunteer).has("calendar.manage"));

        otherNode.setGranted(admin, f.initiative, "calendar.manage", Role.VOLUNTEER, false);
        f.service.invalidate(f.initiative.id());
        assertFalse(f.actor(volunteer).has("calendar.manage"), "or at once when told");
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void rolesAreReadFreshSoARemovedRoleCountsAtOnce(Dialect dialect) {
        Fixture f = new Fixture(dialect);
        Actor admin = f.actor(f.person(Role.ADMIN));
        Account coordinator = f.person(Role.COORDINATOR);
        assertTrue(f.actor(coordinator).has("calendar.manage"));
        f.service.removeRole(admin, f.initiative, coordinator.id(), Role.COORDINATOR);
        assertFalse(f.actor(coordinator).has("calendar.manage"));
        assertFalse(f.actor(coordinator).has(Permission.MEMBER));
    }

    private static RolePermission row(List<RolePermission> rows, String permission) {
        return rows.stream().filter(r -> r.permission().equals(permission)).findFirst().orElseThrow();
    }

    private static long overrides(Fixture f) {
        return f.database.db.transaction(f.initiative.id(), sql -> sql.first(
                "select count(*) from identity_role_permission where initiative_id = :initiative", r -> r.getLong(1)).orElseThrow());
    }
}
