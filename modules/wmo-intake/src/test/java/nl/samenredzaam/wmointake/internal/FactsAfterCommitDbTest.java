package nl.samenredzaam.wmointake.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

import nl.samenredzaam.testing.db.DatabaseTest;
import nl.samenredzaam.testing.db.TestDatabase;

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
        List<Event> posted = new ArrayList<>();
        EventAdmin admin = new EventAdmin() {
            @Override
            public void postEvent(Event event) {
                posted.add(event);
            }

            @Override
            public void sendEvent(Event event) {
                posted.add(event);
            }
        };
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
        assertEquals(List.of(), posted, "never for a rolled-back transaction");
        db.inInitiative(initiative, sql -> {
            facts.post(sql, Facts.FILE_CLOSED, 8L, NOW);
            return null;
        });
        assertEquals(List.of(), posted, "not before the job runs");
        db.inInitiative(initiative, sql -> {
            job.run(sql, NOW);
            return null;
        });
        assertEquals(List.of(Facts.FILE_CLOSED), posted.stream().map(Event::getTopic).toList());
        assertEquals(8L, posted.get(0).getProperty(Facts.FILE));
        assertEquals(initiative, posted.get(0).getProperty("initiative"));
    }
}
