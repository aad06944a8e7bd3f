package nl.samenredzaam.testing.fake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import nl.samenredzaam.api.data.Sql;
import nl.samenredzaam.api.initiative.Initiative;
import nl.samenredzaam.testing.db.TestDatabase;

class InMemoryDatabaseTest {

    @Test
    void findsTheChangelogInTheManifestOfTheModule() {
        assertEquals(List.of("db/testingdb/changelog.sql"), InMemoryDatabase.changelogsOf("fakemodule"));
    }

    @Test
    void fallsBackToTheConventionalPath() {
        assertEquals(List.of("db/testingdb/changelog.sql"), InMemoryDatabase.changelogsOf("testingdb"));
    }

    @Test
    void anUnknownModuleSaysWhatWasLookedFor() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> InMemoryDatabase.changelogsOf("nosuchmodule"));
        assertTrue(e.getMessage().contains("db/nosuchmodule/changelog.sql"), e.getMessage());
    }

    @Test
    void migratesAndScopesEveryStatementToTheInitiative() {
        try (InMemoryDatabase db = InMemoryDatabase.forModule("fakemodule")) {
            assertEquals(Sql.Dialect.H2, db.dialect());
            assertEquals(List.of(TestDatabase.PLATFORM_CHANGELOG, "db/testingdb/changelog.sql"), db.changelogs());
            Initiative a = db.newInitiative();
            Initiative b = db.createInitiative("buurt-b", "Buurt B");
            assertEquals("buurt-b", b.slug());
            db.transaction(a.id(), sql -> sql.insert("insert into testingdb_item (initiative_id, title) values (:initiative, :t)", "t", "A"));
            db.transaction(b.id(), sql -> sql.insert("insert into testingdb_item (initiative_id, title) values (:initiative, :t)", "t", "B"));
            assertEquals(List.of("A"), titles(db, a));
            assertEquals(List.of("B"), titles(db, b));

            RuntimeException refused = assertThrows(RuntimeException.class, () -> db.transaction(a.id(),
                    sql -> sql.list("select title from testingdb_item", r -> r.getString(1))));
            assertTrue(refused.getMessage().contains(":initiative"), refused.getMessage());
        }
    }

    @Test
    void aThrowingTransactionRollsBack() {
        try (InMemoryDatabase db = InMemoryDatabase.withChangelogs("db/testingdb/changelog.sql")) {
            Initiative a = db.newInitiative();
            assertThrows(IllegalStateException.class, () -> db.transaction(a.id(), sql -> {
                sql.insert("insert into testingdb_item (initiative_id, title) values (:initiative, :t)", "t", "weg");
                throw new IllegalStateException("stop");
            }));
            assertEquals(List.of(), titles(db, a));
        }
    }

    @Test
    void databasesAreSeparate() {
        try (InMemoryDatabase one = InMemoryDatabase.forModule("testingdb"); InMemoryDatabase two = InMemoryDatabase.forModule("testingdb")) {
            Initiative a = one.createInitiative("zelfde", "Zelfde");
            Initiative b = two.createInitiative("zelfde", "Zelfde");
            one.transaction(a.id(), sql -> sql.insert("insert into testingdb_item (initiative_id, title) values (:initiative, :t)", "t", "1"));
            assertEquals(List.of(), titles(two, b));
        }
    }

    @Test
    void aFailingChangelogIsReported() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> InMemoryDatabase.withChangelogs("db/missing/changelog.sql"));
        assertTrue(e.getMessage().contains("db/missing/changelog.sql"), e.getMessage());
    }

    private static List<String> titles(InMemoryDatabase db, Initiative initiative) {
        return db.transaction(initiative.id(), sql -> sql.list(
                "select title from testingdb_item where initiative_id = :initiative order by id", r -> r.getString(1)));
    }
}
