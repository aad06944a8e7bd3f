package nl.samenredzaam.referral.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import nl.samenredzaam.testing.db.DatabaseTest;
import nl.samenredzaam.testing.db.TestDatabase;
import nl.samenredzaam.testing.fake.RecordingEventAdmin;

/** Domain events are posted only after the transaction that caused them committed, on H2 and PostgreSQL. */
@DatabaseTest(migrations = "db/referral/changelog.sql")
class FactsAfterCommitDbTest {

    private final TestDatabase db;

    FactsAfterCommitDbTest(TestDatabase db) {
        this.db = db;
    }

    @Test
    void aRolledBackReferralIsNeverAnnounced() {
        RecordingEventAdmin admin = new RecordingEventAdmin();
        Facts facts = new Facts();
        facts.set(admin);
        ReferralEventsJob job = new ReferralEventsJob(facts);
        long initiative = db.newInitiative();
        assertThrows(IllegalStateException.class, () -> db.inInitiative(initiative, sql -> {
            facts.post(sql, Facts.RECEIVED, 41L);
            assertEquals(List.of(), admin.events(), "not inside the transaction");
            throw new IllegalStateException("a later step fails");
        }));
        db.inInitiative(initiative, sql -> {
            job.run(sql, Instant.now());
            return null;
        });
        assertEquals(List.of(), admin.events(), "never for a rolled-back transaction");

        db.inInitiative(initiative, sql -> {
            facts.finished(sql, 42L, ReferralStatus.CLOSED);
            return null;
        });
        db.inInitiative(db.newInitiative(), sql -> {
            job.run(sql, Instant.now());
            return null;
        });
        assertEquals(List.of(), admin.events(), "another initiative's job run does not post it");
        db.inInitiative(initiative, sql -> {
            job.run(sql, Instant.now());
            return null;
        });
        assertEquals(List.of(Facts.FINISHED), admin.topics());
        assertEquals(42L, admin.events().get(0).property(Facts.REFERRAL));
        assertEquals("CLOSED", admin.events().get(0).property(Facts.STATUS));
        assertEquals(initiative, admin.events().get(0).property("initiative"));
    }
}
