package nl.samenredzaam.buurtnieuws.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import nl.samenredzaam.api.initiative.Initiative;
import nl.samenredzaam.api.privacy.Person;
import nl.samenredzaam.testing.fake.InMemoryDatabase;

/** Export and erasure of an author, per initiative, on the module's own tables. */
class BuurtnieuwsPrivacyTest {

    private final NewsRepository repository = new NewsRepository();
    private final BuurtnieuwsPrivacy privacy = new BuurtnieuwsPrivacy();

    @Test
    void exportAndErasureConcernOnlyThePersonInThisInitiative() {
        try (InMemoryDatabase db = InMemoryDatabase.forModule(BuurtnieuwsModule.ID)) {
            Initiative a = db.newInitiative();
            Initiative b = db.newInitiative();
            Instant now = Instant.parse("2026-03-02T09:00:00Z");
            db.transaction(a.id(), sql -> repository.create(sql, new NewsInput("Van Ria", "..."), 5L, "Ria", now));
            db.transaction(a.id(), sql -> repository.create(sql, new NewsInput("Van Jan", "..."), 6L, "Jan", now));
            db.transaction(b.id(), sql -> repository.create(sql, new NewsInput("Ria elders", "..."), 5L, "Ria", now));
            Person ria = new Person(5L, "Ria", null, null, null);

            Map<String, Object> export = db.transaction(a.id(), sql -> privacy.export(sql, ria));
            assertEquals(List.of("Van Ria"), ((List<?>) export.get("messages")).stream().map(m -> ((NewsItem) m).title()).toList());

            assertEquals(1, db.transaction(a.id(), sql -> privacy.erase(sql, ria)).anonymised());
            assertEquals(List.of(), db.transaction(a.id(), sql -> repository.byAuthor(sql, 5)));
            assertEquals(1, db.transaction(b.id(), sql -> repository.byAuthor(sql, 5)).size(), "initiative B is untouched");
            assertEquals(2, db.transaction(a.id(), sql -> repository.latest(sql, 10)).size(), "the messages stay, without the name");
        }
    }
}
