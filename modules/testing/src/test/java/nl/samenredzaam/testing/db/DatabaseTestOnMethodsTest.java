package nl.samenredzaam.testing.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.BeforeEach;

import nl.samenredzaam.api.data.Database;
import nl.samenredzaam.api.data.Sql;

/** {@link DatabaseTest} on test methods. */
class DatabaseTestOnMethodsTest {

    private static final String CHANGELOG = "db/testingdb/changelog.sql";

    private static final String INSERT = "insert into testingdb_item (initiative_id, title) values (:initiative, :title)";
    private static final String TITLES = "select title from testingdb_item where initiative_id = :initiative order by id";
    private static final Map<Sql.Dialect, TestDatabase> SEEN = new ConcurrentHashMap<>();

    private TestDatabase db;

    @BeforeEach
    void open(TestDatabase db) {
        this.db = db;
    }

    @DatabaseTest(migrations = CHANGELOG)
    void moduleTablesAreMigratedAfterThePlatformTables() {
        assertEquals(List.of(TestDatabase.PLATFORM_CHANGELOG, "db/testingdb/changelog.sql"), db.migrated());
        long initiative = db.newInitiative();
        db.inInitiative(initiative, sql -> sql.insert(INSERT, "title", "Koffieochtend"));
        assertEquals(List.of("Koffieochtend"), db.inInitiative(initiative, sql -> sql.list(TITLES, r -> r.getString(1))));
    }

    @DatabaseTest(migrations = CHANGELOG)
    void initiativesAreKeptApart() {
        long a = db.newInitiative();
        long b = db.newInitiative();
        db.inInitiative(a, sql -> sql.insert(INSERT, "title", "van A"));
        assertEquals(List.of(), db.inInitiative(b, sql -> sql.list(TITLES, r -> r.getString(1))));
    }

    @DatabaseTest(migrations = CHANGELOG)
    void parametersOfTheCurrentRun(TestDatabase same, Database database, Sql.Dialect dialect) {
        assertSame(db, same);
        assertSame(db.database(), database);
        assertEquals(db.dialect(), dialect);
        assertEquals(dialect, database.transaction(db.newInitiative(), Sql::dialect));
    }

    @DatabaseTest
    void oneDatabasePerKindForTheWholeClass(TestDatabase same) {
        assertSame(SEEN.computeIfAbsent(same.dialect(), d -> same), same);
        assertTrue(same.migrated().contains(TestDatabase.PLATFORM_CHANGELOG));
    }

    @DatabaseTest(migrations = CHANGELOG)
    void initiativesAreCreatedByThePlatformRules() {
        var created = db.createInitiative("buurtzorg-" + db.newInitiative(), "Buurtzorg");
        assertEquals(created, db.initiatives().bySlug(created.slug()).orElseThrow());
        assertTrue(db.platform().ping());
    }

    @DatabaseTest(migrations = CHANGELOG, databases = Sql.Dialect.POSTGRESQL)
    void onlyOnPostgresql(Sql.Dialect dialect) {
        assertEquals(Sql.Dialect.POSTGRESQL, dialect);
    }
}
