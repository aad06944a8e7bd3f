package nl.samenredzaam.core.internal.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;

import nl.samenredzaam.api.data.Sql;

/**
 * Rows written for initiative A cannot be read, changed or deleted through a {@link Sql} scoped to
 * initiative B, with the very same statements: the platform binds {@code :initiative}, so the
 * caller's ids do not cross the line.
 */
class CrossInitiativeTest {

    private static final String INSERT = "insert into testmod_note (initiative_id, title) values (:initiative, :title)";
    private static final String TITLES = "select title from testmod_note where initiative_id = :initiative order by title";
    private static final String BY_ID = "select title from testmod_note where initiative_id = :initiative and id = :id";
    private static final String RENAME = "update testmod_note set title = :title where initiative_id = :initiative and id = :id";
    private static final String DELETE = "delete from testmod_note where initiative_id = :initiative and id = :id";
    private static final String DELETE_ALL = "delete from testmod_note where initiative_id = :initiative";

    private TestDb db;

    @BeforeEach
    void open(TestDb db) throws Exception {
        this.db = db;
        db.migrate("db/testmod/changelog.sql"); // once per database
    }

    @BothDatabases
    void rowsOfOneInitiativeAreInvisibleToAnother() {
        long a = db.newInitiative();
        long b = db.newInitiative();
        long secretOfA = db.db.transaction(a, sql -> {
            sql.insert(INSERT, "title", "a-1");
            return sql.insert(INSERT, "title", "a-2");
        });
        long ofB = db.db.transaction(b, sql -> sql.insert(INSERT, "title", "b-1"));

        // reading: B sees its own row only, also when asking for A's id
        assertEquals(List.of("b-1"), db.db.transaction(b, sql -> sql.list(TITLES, r -> r.getString(1))));
        assertFalse(db.db.transaction(b, sql -> sql.first(BY_ID, r -> r.getString(1), "id", secretOfA)).isPresent());
        assertEquals(List.of("b-1"), titles(db.db.begin(b)));

        // changing and deleting A's row through B changes nothing
        assertEquals(0, (int) db.db.transaction(b, sql -> sql.update(RENAME, "title", "taken", "id", secretOfA)));
        assertEquals(0, (int) db.db.transaction(b, sql -> sql.update(DELETE, "id", secretOfA)));
        try (var tx = db.db.begin(b)) {
            assertEquals(0, tx.update(RENAME, "title", "taken", "id", secretOfA));
            tx.commit();
        }

        // deleting "everything" in B deletes B's rows only
        assertEquals(1, (int) db.db.transaction(b, sql -> sql.update(DELETE_ALL)));
        assertEquals(List.of("a-1", "a-2"), db.db.transaction(a, sql -> sql.list(TITLES, r -> r.getString(1))));
        assertEquals(List.of(), db.db.transaction(b, sql -> sql.list(TITLES, r -> r.getString(1))));
        assertFalse(db.db.transaction(a, sql -> sql.first(BY_ID, r -> r.getString(1), "id", ofB)).isPresent());
    }

    @BothDatabases
    void insertThroughBLandsInB() {
        long a = db.newInitiative();
        long b = db.newInitiative();
        db.db.transaction(b, sql -> sql.insert(INSERT, "title", "mine"));
        assertEquals(List.of(), db.db.transaction(a, sql -> sql.list(TITLES, r -> r.getString(1))));
        assertEquals(List.of("mine"), db.db.transaction(b, sql -> sql.list(TITLES, r -> r.getString(1))));
    }

    private static List<String> titles(nl.samenredzaam.core.platform.PlatformDatabase.Transaction tx) {
        try (tx) {
            return tx.list(TITLES, r -> r.getString(1));
        }
    }
}
