package nl.samenredzaam.wmointake.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import nl.samenredzaam.testing.db.DatabaseTest;
import nl.samenredzaam.testing.db.TestDatabase;
import nl.samenredzaam.testing.fake.RecordingEventAdmin;

/** Domain events are posted only after the transaction that caused them committed, on H2 and PostgreSQL. */
@DatabaseTest(migrations = "db/wmo-intake/changelog.sql")
class FactsAfterCommitDbTest {

    static final Instant NOW = Instant.parse("2026-11-26T09:00:00Z");

    private final TestDatabase db;

    FactsAfterCommitDbTest(TestDatabase db) {
        this.db = db;
    }

    @Test
    void aRolledBackMeldingIsNeverAnnounced() {
        RecordingEventAdmin admin = new RecordingEventAdmin();
        Facts facts = new Facts();
        WmoIntakeEventsJob job = new WmoIntakeEventsJob();
        job.setEventAdmin(admin);
        long initiative = db.newInitiative();
        assertThrows(IllegalStateException.class, () -> db.inInitiative(initiative, sql -> {
            facts.post(sql, Facts.MELDING_REGISTERED, 7L, NOW);
            throw new IllegalStateException("a later step fails");
        }));
        db.inInitiative(initiative, sql -> {
            job.run(sql, NOW);
            return null;
        });
        assertEquals(List.of(), admin.events(), "never for a rolled-back transaction");
        db.inInitiative(initiative, sql -> {
            facts.post(sql, Facts.FILE_CLOSED, 8L, NOW);
            return null;
        });
        assertEquals(List.of(), admin.events(), "not before the job runs");
        db.inInitiative(initiative, sql -> {
            job.run(sql, NOW);
            return null;
        });
        assertEquals(List.of(Facts.FILE_CLOSED), admin.topics());
        assertEquals(8L, admin.events().get(0).property(Facts.FILE));
        assertEquals(initiative, admin.events().get(0).property("initiative"));
    }
}
