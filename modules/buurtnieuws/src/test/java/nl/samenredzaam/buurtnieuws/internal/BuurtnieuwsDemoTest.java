package nl.samenredzaam.buurtnieuws.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import nl.samenredzaam.api.initiative.Initiative;
import nl.samenredzaam.testing.fake.FakeDemoContext;
import nl.samenredzaam.testing.fake.InMemoryDatabase;
import nl.samenredzaam.testing.fake.MutableClock;

/** The demo village's news: recent, by the demo coordinator, in the demo initiative only. */
class BuurtnieuwsDemoTest {

    @Test
    void fillsTheDemoInitiativeWithRecentNews() {
        MutableClock clock = MutableClock.at("2026-03-02T09:00:00Z");
        FakeDemoContext demo = new FakeDemoContext(clock);
        try (InMemoryDatabase db = InMemoryDatabase.forModule(BuurtnieuwsModule.ID)) {
            Initiative lindeholt = db.createInitiative("lindeholt", "Dorpszorg Lindeholt");
            Initiative other = db.newInitiative();
            db.transaction(lindeholt.id(), sql -> {
                new BuurtnieuwsDemo().populate(sql, demo);
                return null;
            });
            NewsRepository repository = new NewsRepository();
            List<NewsItem> items = db.transaction(lindeholt.id(), sql -> repository.latest(sql, 10));
            assertEquals(3, items.size());
            assertEquals("Koffie-ochtend verhuist naar donderdag", items.get(0).title(), "newest first");
            for (NewsItem item : items) {
                assertTrue(item.publishedAt().isBefore(clock.instant()) && item.publishedAt().isAfter(Instant.parse("2026-02-01T00:00:00Z")),
                        "dated relative to the clock: " + item.publishedAt());
            }
            assertEquals(3, db.transaction(lindeholt.id(), sql -> repository.byAuthor(sql, demo.userId("coordinator"))).size());
            assertEquals(List.of(), db.transaction(other.id(), sql -> repository.latest(sql, 10)));
        }
    }
}
