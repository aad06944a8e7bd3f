package nl.samenredzaam.referral.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import nl.samenredzaam.testing.db.DatabaseTest;
import nl.samenredzaam.testing.db.TestDatabase;
import nl.samenredzaam.testing.fake.RecordingEventAdmin;

/**
 * Domain events are posted right after the transaction that caused them committed, never for a
 * rollback, and the job posts what a crash left behind, on H2 and PostgreSQL.
 */
@DatabaseTest(migrations = "db/referral/changelog.sql")
class FactsAfterCommitDbTest {

    private final TestDatabase db;
    private final RecordingEventAdmin admin = new RecordingEventAdmin();

    FactsAfterCommitDbTest(TestDatabase db) {
        this.db = db;
    }

    @Test
    void aRolledBackReferralIsNeverAnnounced() {
        Facts facts = new Facts(db.database());
        facts.set(admin);
        long initiative = db.newInitiative();
        assertThrows(IllegalStateException.class, () -> db.inInitiative(initiative, sql -> {
            facts.post(sql, Facts.RECEIVED, 41L);
            assertEquals(List.of(), admin.events(), "not inside the transaction");
            throw new IllegalStateException("a later step fails");
        }));
        assertEquals(List.of(), admin.events(), "not after a rollback");
        runJob(facts, initiative);
        assertEquals(List.of(), admin.events(), "never for a rolled-back transaction");
    }

    @Test
    void aCommittedReferralIsAnnouncedRightAfterTheCommitWithoutTheJob() {
        Facts facts = new Facts(db.database());
        facts.set(admin);
        long initiative = db.newInitiative();
        db.inInitiative(initiative, sql -> {
            facts.post(sql, Facts.RECEIVED, 42L);
            facts.finished(sql, 42L, ReferralStatus.CLOSED);
            assertEquals(List.of(), admin.events(), "not inside the transaction");
            return null;
        });
        assertEquals(List.of(Facts.RECEIVED, Facts.FINISHED), admin.topics(), "at once, in order");
        assertEquals(42L, admin.events().get(1).property(Facts.REFERRAL));
        assertEquals("CLOSED", admin.events().get(1).property(Facts.STATUS));
        assertEquals(null, admin.events().get(0).property(Facts.STATUS), "no status before it finished");
        assertEquals(initiative, admin.events().get(1).property("initiative"));
        runJob(facts, initiative);
        assertEquals(2, admin.events().size(), "and once: the job finds nothing left");
    }

    @Test
    void aReferralLeftBehindByACrashIsAnnouncedByTheJob() {
        Facts crashed = new Facts(); // committed, but the node died before the after-commit post
        long initiative = db.newInitiative();
        db.inInitiative(initiative, sql -> {
            crashed.finished(sql, 43L, ReferralStatus.CLOSED);
            return null;
        });
        assertEquals(List.of(), admin.events());
        Facts job = new Facts(db.database());
        job.set(admin);
        runJob(job, db.newInitiative());
        assertEquals(List.of(), admin.events(), "another initiative's job run does not post it");
        runJob(job, initiative);
        runJob(job, initiative);
        assertEquals(List.of(Facts.FINISHED), admin.topics(), "once");
        assertEquals(43L, admin.events().get(0).property(Facts.REFERRAL));
    }

    private void runJob(Facts job, long initiative) {
        db.inInitiative(initiative, sql -> {
            job.run(sql, Instant.now());
            return null;
        });
    }
}
