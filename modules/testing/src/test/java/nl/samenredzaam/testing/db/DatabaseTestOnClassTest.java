package nl.samenredzaam.testing.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import nl.samenredzaam.api.data.Database;
import nl.samenredzaam.api.data.Sql;

/** {@link DatabaseTest} on a class: the whole class runs once per database, with constructor injection. */
@DatabaseTest(migrations = "db/testingdb/changelog.sql")
class DatabaseTestOnClassTest {

    private static final String INSERT = "insert into testingdb_item (initiative_id, title) values (:initiative, :title)";
    private static final String TITLES = "select title from testingdb_item where initiative_id = :initiative order by id";
    private static final Map<Sql.Dialect, TestDatabase> SEEN = new ConcurrentHashMap<>();

    private final TestDatabase db;
    private final long initiative;

    DatabaseTestOnClassTest(TestDatabase db) {
        this.db = db;
        this.initiative = db.newInitiative();
    }

    @Test
    void moduleTablesAreMigrated() {
        assertEquals(List.of(TestDatabase.PLATFORM_CHANGELOG, "db/testingdb/changelog.sql"), db.migrated());
        db.inInitiative(initiative, sql -> sql.insert(INSERT, "title", "Koffieochtend"));
        assertEquals(List.of("Koffieochtend"), db.inInitiative(initiative, sql -> sql.list(TITLES, r -> r.getString(1))));
    }

    @Test
    void oneDatabaseForEveryTestOfTheRun(TestDatabase same, Database database, Sql.Dialect dialect) {
        assertSame(db, same);
        assertSame(db.database(), database);
        assertEquals(db.dialect(), dialect);
        assertSame(SEEN.computeIfAbsent(dialect, d -> same), same);
    }

    @BeforeEach
    void beforeEachGetsItToo(TestDatabase same) {
        assertSame(db, same);
    }
}
