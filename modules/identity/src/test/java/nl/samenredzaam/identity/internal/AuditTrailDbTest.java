package nl.samenredzaam.identity.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import nl.samenredzaam.api.audit.AuditEvent;
import nl.samenredzaam.api.audit.AuditEvent.Action;
import nl.samenredzaam.api.audit.AuditRecord;
import nl.samenredzaam.api.data.Sql.Dialect;
import nl.samenredzaam.api.initiative.Initiative;
import nl.samenredzaam.api.module.Role;
import nl.samenredzaam.identity.platform.Account;

/** Modules read "who looked at this file" through AuditTrail, only within their initiative. */
class AuditTrailDbTest {

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void aModuleReadsWhoLookedAtAClientAndARecordOfItsOwnInitiativeOnly(Dialect dialect) {
        Fixture f = new Fixture(dialect);
        Account nurse = f.person(Role.PROFESSIONAL);
        Account client = f.person(Role.RESIDENT);
        f.service.audit(f.initiative, f.actor(nurse), AuditEvent.of(Action.READ, "wmo-intake.file", 7, client.id(), "care"), "10.0.0.1");
        f.service.audit(f.initiative, f.actor(nurse), AuditEvent.of(Action.PRINT, "wmo-intake.file", 7, client.id(), "verslag"), "10.0.0.1");

        Initiative other = f.newInitiative();
        Account otherNurse = f.person(other, Role.PROFESSIONAL);
        f.service.audit(other, f.service.actor(otherNurse, other), AuditEvent.of(Action.READ, "wmo-intake.file", 7, client.id(), "care"),
                "10.0.0.2");

        AuditTrailImpl trail = new AuditTrailImpl();
        List<AuditRecord> aboutClient = f.database.db.transaction(f.initiative.id(), sql -> trail.aboutClient(sql, client.id(), 10));
        assertEquals(2, aboutClient.size(), "the other initiative's entry is not visible: " + aboutClient);
        assertEquals(Action.PRINT, aboutClient.get(0).action(), "newest first");
        assertEquals(nurse.displayName(), aboutClient.get(0).actorName());
        assertTrue(aboutClient.get(0).roles().contains("PROFESSIONAL"));

        List<AuditRecord> aboutRecord = f.database.db.transaction(f.initiative.id(),
                sql -> trail.aboutRecord(sql, "wmo-intake.file", "7", 1));
        assertEquals(1, aboutRecord.size(), "limit is respected");

        List<AuditRecord> inOther = f.database.db.transaction(other.id(), sql -> trail.aboutClient(sql, client.id(), 10));
        assertEquals(1, inOther.size());
        assertEquals(otherNurse.displayName(), inOther.get(0).actorName());
    }
}
