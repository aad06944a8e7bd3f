package nl.samenredzaam.referral.internal;

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
@DatabaseTest(migrations = "db/referral/changelog.sql")
class FactsAfterCommitDbTest {

    private final TestDatabase db;

    FactsAfterCommitDbTest(TestDatabase db) {
        this.db = db;
    }

    @Test
    void aRolledBackReferralIsNeverAnnounced() {
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
        facts.set(admin);
        ReferralEventsJob job = new ReferralEventsJob(facts);
        long initiative = db.newInitiative();
        assertThrows(IllegalStateException.class, () -> db.inInitiative(initiative, sql -> {
            facts.post(sql, Facts.RECEIVED, 41L);
            assertEquals(List.of(), posted, "not inside the transaction");
            throw new IllegalStateException("a later step fails");
        }));
        db.inInitiative(initiative, sql -> {
            job.run(sql, Instant.now());
            return null;
        });
        assertEquals(List.of(), posted, "never for a rolled-back transaction");

        db.inInitiative(initiative, sql -> {
            facts.finished(sql, 42L, ReferralStatus.CLOSED);
            return null;
        });
        db.inInitiative(db.newInitiative(), sql -> {
            job.run(sql, Instant.now());
            return null;
        });
        assertEquals(List.of(), posted, "another initiative's job run does not post it");
        db.inInitiative(initiative, sql -> {
            job.run(sql, Instant.now());
            return null;
        });
        assertEquals(List.of(Facts.FINISHED), posted.stream().map(Event::getTopic).toList());
        assertEquals(42L, posted.get(0).getProperty(Facts.REFERRAL));
        assertEquals("CLOSED", posted.get(0).getProperty(Facts.STATUS));
        assertEquals(initiative, posted.get(0).getProperty("initiative"));
    }
}
