package nl.samenredzaam.identity.internal;

import static nl.samenredzaam.identity.internal.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import nl.samenredzaam.api.audit.AuditEvent;
import nl.samenredzaam.api.audit.AuditEvent.Action;
import nl.samenredzaam.api.data.Sql.Dialect;
import nl.samenredzaam.api.identity.Actor;
import nl.samenredzaam.api.module.Role;
import nl.samenredzaam.core.platform.DataAccessException;
import nl.samenredzaam.identity.platform.Account;
import nl.samenredzaam.identity.platform.AuditEntry;
import nl.samenredzaam.identity.platform.AuditPage;
import nl.samenredzaam.identity.platform.AuditQuery;
import nl.samenredzaam.identity.platform.NewAccount;

class AuditDbTest {

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void anEntryHoldsEveryField(Dialect dialect) {
        Fixture f = new Fixture(dialect);
        Account nurseAccount = f.person(Role.PROFESSIONAL, Role.COORDINATOR);
        Actor nurse = f.actor(nurseAccount);
        Account truus = f.service.createAccount(nurse, f.initiative, NewAccount.offlineResident("Truus Bakker"));
        Actor acting = f.service.actingFor(nurse, f.initiative, truus.id());
        Instant before = f.clock.instant();

        f.service.audit(f.initiative, acting, new AuditEvent(Action.READ, "wmo-intake.file", "42", truus.id(), "melding-42",
                "care", true), "192.0.2.15");

        AuditEntry entry = newest(f, AuditQuery.all(1).withRecordType("wmo-intake.file"));
        assertEquals(f.initiative.id(), entry.initiativeId());
        assertEquals(Instant.parse("2026-03-02T09:15:30Z"), entry.at(), "UTC, whole seconds");
        assertTrue(before.isAfter(entry.at()));
        assertEquals(nurseAccount.id(), entry.userId());
        assertEquals(Set.of(Role.PROFESSIONAL, Role.COORDINATOR), entry.roles());
        assertEquals(truus.id(), entry.onBehalfOf());
        assertEquals(Action.READ, entry.action());
        assertEquals("wmo-intake.file", entry.recordType());
        assertEquals("42", entry.recordId());
        assertEquals(truus.id(), entry.clientId());
        assertEquals("melding-42", entry.clientRef());
        assertEquals("care", entry.purpose());
        assertTrue(entry.success());
        assertEquals("192.0.2.15", entry.origin());
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void failuresAndAnonymousAccessAreLoggedToo(Dialect dialect) {
        Fixture f = new Fixture(dialect);
        f.service.audit(f.initiative, null, new AuditEvent(Action.SEARCH, "referral.referral", null, null, null, "referral", false), null);
        AuditEntry entry = newest(f, AuditQuery.all(1));
        assertEquals(null, entry.userId());
        assertTrue(entry.roles().isEmpty());
        assertEquals(null, entry.onBehalfOf());
        assertEquals(null, entry.recordId());
        assertFalse(entry.success());
        assertEquals(null, entry.origin());
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void anActorOfAnotherInitiativeIsRefused(Dialect dialect) {
        Fixture f = new Fixture(dialect);
        Actor elsewhere = f.service.actor(f.person(Role.PROFESSIONAL), f.newInitiative());
        assertThrows(IllegalArgumentException.class, () -> f.service.audit(f.initiative, elsewhere,
                AuditEvent.of(Action.READ, "wmo-intake.file", 1, null, "care"), "192.0.2.1"));
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void theAdminFiltersAndPages(Dialect dialect) {
        Fixture f = new Fixture(dialect);
        Actor admin = f.actor(f.admin());
        Actor nurse = f.actor(f.person(Role.PROFESSIONAL));
        Actor coach = f.actor(f.person(Role.PROFESSIONAL));
        Instant start = f.clock.instant();
        for (int i = 0; i < 5; i++) {
            f.service.audit(f.initiative, nurse, AuditEvent.of(Action.READ, "wmo-intake.file", i, 1000L + i % 2, "care"), "10.0.0.1");
            f.clock.advance(Duration.ofMinutes(10));
            f.service.audit(f.initiative, coach, AuditEvent.of(Action.UPDATE, "referral.referral", i, 1000L, "care"), "10.0.0.2");
            f.clock.advance(Duration.ofMinutes(10));
        }
        f.service.audit(f.initiative, nurse,
                AuditEvent.of(Action.EXPORT, "privacy.export", null, 1000L, "privacy-request"), "10.0.0.1");

        AuditPage all = f.service.read(admin, f.initiative, AuditQuery.all(100));
        assertEquals(11, all.entries().size());
        assertFalse(all.more());
        assertEquals(Action.EXPORT, all.entries().get(0).action(), "newest first");

        assertEquals(6, f.service.read(admin, f.initiative, AuditQuery.all(100).withUser(nurse.userId())).entries().size());
        assertEquals(5, f.service.read(admin, f.initiative, AuditQuery.all(100).withRecordType("referral.referral")).entries().size());
        assertEquals(9, f.service.read(admin, f.initiative, AuditQuery.all(100).withClient(1000L)).entries().size());
        assertEquals(2, f.service.read(admin, f.initiative,
                AuditQuery.all(100).withUser(nurse.userId()).withClient(1001L)).entries().size());
        List<AuditEntry> firstHalfHour = f.service.read(admin, f.initiative,
                AuditQuery.all(100).between(start, start.plus(Duration.ofMinutes(30)))).entries();
        assertEquals(3, firstHalfHour.size());

        AuditPage page1 = f.service.read(admin, f.initiative, AuditQuery.all(4));
        AuditPage page3 = f.service.read(admin, f.initiative, AuditQuery.all(4).page(8, 4));
        assertTrue(page1.more());
        assertEquals(4, page1.entries().size());
        assertFalse(page3.more());
        assertEquals(3, page3.entries().size());
        assertEquals(all.entries().get(8), page3.entries().get(0));
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void theLogOfOneInitiativeIsNotShownInAnother(Dialect dialect) {
        Fixture f = new Fixture(dialect);
        Actor nurse = f.actor(f.person(Role.PROFESSIONAL));
        f.service.audit(f.initiative, nurse, AuditEvent.of(Action.READ, "wmo-intake.file", 1, 7L, "care"), "10.0.0.1");
        var other = f.newInitiative();
        Account otherAdminAccount = f.person(other, Role.ADMIN);
        f.secondFactor(otherAdminAccount);
        Actor otherAdmin = f.service.actor(otherAdminAccount, other);
        assertTrue(f.service.read(otherAdmin, other, AuditQuery.all(10)).entries().isEmpty());
        assertProblem(403, () -> f.service.read(otherAdmin, f.initiative, AuditQuery.all(10)));
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void onlyTheAdminReadsTheLogNotTheOperator(Dialect dialect) {
        Fixture f = new Fixture(dialect);
        assertProblem(403, () -> f.service.read(f.actor(f.person(Role.COORDINATOR)), f.initiative, AuditQuery.all(10)));
        assertProblem(403, () -> f.service.read(f.actor(f.operator()), f.initiative, AuditQuery.all(10)));
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void aResidentSeesWhoLookedAtTheirRecords(Dialect dialect) {
        Fixture f = new Fixture(dialect);
        Account ria = f.person(Role.RESIDENT);
        Actor nurse = f.actor(f.person(Role.PROFESSIONAL));
        f.service.audit(f.initiative, nurse, AuditEvent.of(Action.READ, "wmo-intake.file", 1, ria.id(), "care"), "10.0.0.1");
        f.service.audit(f.initiative, nurse, AuditEvent.of(Action.READ, "wmo-intake.file", 2, ria.id() + 1000, "care"), "10.0.0.1");
        AuditPage mine = f.service.readAboutMe(f.actor(ria), f.initiative, 0, 50);
        assertEquals(1, mine.entries().size());
        assertEquals(nurse.userId(), mine.entries().get(0).userId());
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void roleChangesAreLogged(Dialect dialect) {
        Fixture f = new Fixture(dialect);
        Actor admin = f.actor(f.admin());
        Account ria = f.person(Role.RESIDENT);
        f.service.addRole(admin, f.initiative, ria.id(), Role.VOLUNTEER);
        f.service.setGranted(admin, f.initiative, "calendar.manage", Role.VOLUNTEER, true);
        List<AuditEntry> entries = f.service.read(admin, f.initiative, AuditQuery.all(10)).entries();
        assertEquals(List.of("identity.role-permission", "identity.membership"), entries.stream().map(AuditEntry::recordType).toList());
        assertEquals(ria.id(), entries.get(1).clientId());
        assertEquals(admin.userId(), entries.get(1).userId());
        assertEquals("calendar.manage:VOLUNTEER", entries.get(0).recordId());
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void theDatabaseRefusesToChangeOrDeleteEntriesOnPostgresql(Dialect dialect) {
        assumeTrue(dialect == Dialect.POSTGRESQL, "H2 has no triggers without Java classes; the service offers no way to change entries");
        Fixture f = new Fixture(dialect);
        f.service.audit(f.initiative, null, AuditEvent.of(Action.READ, "wmo-intake.file", 1, null, "care"), null);
        assertThrows(DataAccessException.class, () -> f.database.db.transaction(f.initiative.id(),
                sql -> sql.update("update audit_entry set purpose = 'x' where initiative_id = :initiative")));
        assertThrows(DataAccessException.class, () -> f.database.db.transaction(f.initiative.id(),
                sql -> sql.update("delete from audit_entry where initiative_id = :initiative")));
        assertEquals(1, f.service.read(f.actor(f.admin()), f.initiative, AuditQuery.all(10)).entries().size());
    }

    private static AuditEntry newest(Fixture f, AuditQuery query) {
        Actor admin = f.actor(f.admin());
        return f.service.read(admin, f.initiative, query).entries().get(0);
    }
}
