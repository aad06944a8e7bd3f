package nl.samenredzaam.wmointake.internal;

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
@DatabaseTest(migrations = "db/wmo-intake/changelog.sql")
class FactsAfterCommitDbTest {

    static final Instant NOW = Instant.parse("2026-11-26T09:00:00Z");

    private final TestDatabase db;
    private final RecordingEventAdmin admin = new RecordingEventAdmin();
    private final WmoIntakeEventsJob job = new WmoIntakeEventsJob();

    FactsAfterCommitDbTest(TestDatabase db) {
        this.db = db;
        job.setEventAdmin(admin);
    }

    @Test
    void aRolledBackMeldingIsNeverAnnounced() {
        Facts facts = new Facts(db.database());
        facts.set(admin);
        long initiative = db.newInitiative();
        assertThrows(IllegalStateException.class, () -> db.inInitiative(initiative, sql -> {
            facts.post(sql, Facts.MELDING_REGISTERED, 7L, NOW);
            throw new IllegalStateException("a later step fails");
        }));
        assertEquals(List.of(), admin.events(), "not after a rollback");
        runJob(initiative);
        assertEquals(List.of(), admin.events(), "never for a rolled-back transaction");
    }

    @Test
    void aCommittedFactIsAnnouncedRightAfterTheCommitWithoutTheJob() {
        Facts facts = new Facts(db.database());
        facts.set(admin);
        long initiative = db.newInitiative();
        db.inInitiative(initiative, sql -> {
            facts.post(sql, Facts.MELDING_REGISTERED, 8L, NOW);
            facts.post(sql, Facts.FILE_CLOSED, 8L, NOW);
            assertEquals(List.of(), admin.events(), "not inside the transaction");
            return null;
        });
        assertEquals(List.of(Facts.MELDING_REGISTERED, Facts.FILE_CLOSED), admin.topics(), "at once, in order");
        assertEquals(8L, admin.events().get(0).property(Facts.FILE));
        assertEquals(initiative, admin.events().get(0).property("initiative"));
        runJob(initiative);
        assertEquals(2, admin.events().size(), "and once: the job finds nothing left");
    }

    @Test
    void aFactLeftBehindByACrashIsAnnouncedByTheJob() {
        Facts crashed = new Facts(); // committed, but the node died before the after-commit post
        long initiative = db.newInitiative();
        db.inInitiative(initiative, sql -> {
            crashed.post(sql, Facts.FILE_REOPENED, 9L, NOW);
            return null;
        });
        assertEquals(List.of(), admin.events());
        runJob(db.newInitiative());
        assertEquals(List.of(), admin.events(), "another initiative's run posts nothing");
        runJob(initiative);
        runJob(initiative);
        assertEquals(List.of(Facts.FILE_REOPENED), admin.topics(), "once");
        assertEquals(9L, admin.events().get(0).property(Facts.FILE));
    }

    private void runJob(long initiative) {
        db.inInitiative(initiative, sql -> {
            job.run(sql, NOW);
            return null;
        });
    }
}
