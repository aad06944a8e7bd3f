package nl.samenredzaam.core.internal.db;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;

import nl.samenredzaam.api.data.Rows;
import nl.samenredzaam.api.data.Sql;
import nl.samenredzaam.core.platform.DataAccessException;

/** {@link JdbcSql} against both databases: scoping rules, binding and reading back every supported type. */
class JdbcSqlTest {

    enum Status { OPEN, DONE }

    record Note(long id, long initiativeId, String title, String body, String status) {
        static Note map(ResultSet r) throws SQLException {
            return new Note(r.getLong("id"), r.getLong("initiative_id"), r.getString("title"), r.getString("body"),
                    r.getString("status"));
        }
    }

    private static final String INSERT = "insert into testmod_note (initiative_id, title, body, status) values (:initiative, :title, :body, :status)";
    private static final String ALL = "select * from testmod_note where initiative_id = :initiative order by id";

    private TestDb db;

    @BeforeEach
    void open(TestDb db) throws Exception {
        this.db = db;
        db.migrate("db/testmod/changelog.sql"); // once per database
    }

    @BothDatabases
    void insertReturnsTheGeneratedIdAndRowsReadBack() {
        long initiative = db.newInitiative();
        List<Long> ids = db.db.transaction(initiative, sql -> List.of(
                sql.insert(INSERT, "title", "Boodschappen", "body", "Melk", "status", "OPEN"),
                sql.insert(INSERT, "title", "Vervoer", "body", "Naar de huisarts", "status", "OPEN")));
        assertNotEquals(ids.get(0), ids.get(1));
        List<Note> notes = db.db.transaction(initiative, sql -> sql.list(ALL, Note::map));
        assertEquals(List.of(new Note(ids.get(0), initiative, "Boodschappen", "Melk", "OPEN"),
                new Note(ids.get(1), initiative, "Vervoer", "Naar de huisarts", "OPEN")), notes);
        Note second = db.db.transaction(initiative, sql -> sql.first(
                "select * from testmod_note where initiative_id = :initiative and id = :id", Note::map, "id", ids.get(1))).orElseThrow();
        assertEquals("Vervoer", second.title());
    }

    @BothDatabases
    void initiativeIsBoundByThePlatform() {
        long initiative = db.newInitiative();
        long id = db.db.transaction(initiative, sql -> {
            assertEquals(initiative, sql.initiativeId());
            return sql.insert(INSERT, "title", "t", "body", null, "status", null);
        });
        long stored = db.db.global(sql -> sql.first("select initiative_id from testmod_note where id = :id",
                r -> r.getLong(1), "id", id)).orElseThrow();
        assertEquals(initiative, stored);
    }

    @BothDatabases
    void statementWithoutInitiativeIsRefused() {
        long initiative = db.newInitiative();
        db.db.transaction(initiative, sql -> sql.insert(INSERT, "title", "keep", "body", null, "status", null));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> db.db.transaction(initiative, sql -> sql.update("delete from testmod_note")));
        assertTrue(e.getMessage().contains(":initiative"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> db.db.transaction(initiative,
                sql -> sql.list("select * from testmod_note where id = :id", Note::map, "id", 1)));
        assertThrows(IllegalArgumentException.class, () -> db.db.transaction(initiative,
                sql -> sql.update("delete from testmod_note /* where initiative_id = :initiative */")));
        assertEquals(1, count(initiative), "nothing deleted");
    }

    @BothDatabases
    void callerMayNotBindTheInitiative() {
        long mine = db.newInitiative();
        long other = db.newInitiative();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> db.db.transaction(mine,
                sql -> sql.insert(INSERT, "initiative", other, "title", "sneaky", "body", null, "status", null)));
        assertTrue(e.getMessage().contains(":initiative"), e.getMessage());
        assertEquals(0, count(mine));
        assertEquals(0, count(other));
    }

    @BothDatabases
    void missingParameterIsRejectedByName() {
        long initiative = db.newInitiative();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> db.db.transaction(initiative, sql -> sql.insert(INSERT, "title", "no body", "status", null)));
        assertTrue(e.getMessage().contains(":body"), e.getMessage());
        assertEquals(0, count(initiative));
    }

    @BothDatabases
    void parametersComeInNameValuePairs() {
        long initiative = db.newInitiative();
        assertThrows(IllegalArgumentException.class, () -> db.db.transaction(initiative, sql -> sql.list(ALL, Note::map, "id")));
        assertThrows(IllegalArgumentException.class, () -> db.db.transaction(initiative, sql -> sql.list(ALL, Note::map, 1, 2)));
    }

    @BothDatabases
    void repeatedNameIsBoundEverywhere() {
        long initiative = db.newInitiative();
        db.db.transaction(initiative, sql -> {
            sql.insert(INSERT, "title", "zoek", "body", "x", "status", null);
            sql.insert(INSERT, "title", "x", "body", "zoek", "status", null);
            return sql.insert(INSERT, "title", "x", "body", "x", "status", null);
        });
        List<Note> found = db.db.transaction(initiative, sql -> sql.list(
                "select * from testmod_note where initiative_id = :initiative and (title = :q or body = :q) order by id", Note::map, "q", "zoek"));
        assertEquals(2, found.size());
    }

    @BothDatabases
    void nullValuesAreStoredAsNull() {
        long initiative = db.newInitiative();
        long id = db.db.transaction(initiative, sql -> sql.insert(
                "insert into testmod_note (initiative_id, title, body, status, due, created_at, local_at, attachment) "
                        + "values (:initiative, :title, :body, :status, :due, :created, :local, :attachment)",
                "title", "leeg", "body", null, "status", null, "due", null, "created", null, "local", null, "attachment", null));
        db.db.transaction(initiative, sql -> sql.first("select * from testmod_note where initiative_id = :initiative and id = :id",
                r -> {
                    assertNull(r.getString("body"));
                    assertNull(r.getString("status"));
                    assertNull(Rows.date(r, "due"));
                    assertNull(Rows.instant(r, "created_at"));
                    assertNull(r.getObject("local_at"));
                    assertNull(r.getBytes("attachment"));
                    return true;
                }, "id", id)).orElseThrow();
        int changed = db.db.transaction(initiative, sql -> sql.update(
                "update testmod_note set title = :title, body = :body where initiative_id = :initiative and id = :id",
                "title", "nog steeds leeg", "body", null, "id", id));
        assertEquals(1, changed);
    }

    @BothDatabases
    void bindsTimeValuesEnumsBooleansAndBytes() {
        long initiative = db.newInitiative();
        Instant created = Instant.parse("2024-03-31T00:30:15.123456Z"); // the night the clocks go forward in NL
        LocalDate due = LocalDate.of(2024, 2, 29);
        LocalDateTime local = LocalDateTime.of(2024, 10, 27, 2, 30);
        byte[] attachment = {0, 1, 2, (byte) 0xff};
        long id = db.db.transaction(initiative, sql -> sql.insert(
                "insert into testmod_note (initiative_id, title, status, due, created_at, local_at, done, attachment) "
                        + "values (:initiative, :title, :status, :due, :created, :local, :done, :attachment)",
                "title", "types", "status", Status.DONE, "due", due, "created", created, "local", local, "done", true,
                "attachment", attachment));
        db.db.transaction(initiative, sql -> sql.first("select * from testmod_note where initiative_id = :initiative and id = :id",
                r -> {
                    assertEquals("DONE", r.getString("status"));
                    assertEquals(Status.DONE, Status.valueOf(r.getString("status")));
                    assertEquals(due, Rows.date(r, "due"));
                    assertEquals(created, Rows.instant(r, "created_at"));
                    assertEquals(local, r.getObject("local_at", LocalDateTime.class));
                    assertTrue(r.getBoolean("done"));
                    assertArrayEquals(attachment, r.getBytes("attachment"));
                    return true;
                }, "id", id)).orElseThrow();

        // bound values work in conditions too: an enum, an instant and an offset date-time naming the same moment
        OffsetDateTime sameMomentInAmsterdam = created.atOffset(ZoneOffset.ofHours(1));
        List<Long> found = db.db.transaction(initiative, sql -> sql.list(
                "select id from testmod_note where initiative_id = :initiative and status = :status "
                        + "and created_at = :at and created_at = :offset and created_at < :later and done = :done",
                r -> r.getLong(1), "status", Status.DONE, "at", created, "offset", sameMomentInAmsterdam,
                "later", created.plusNanos(1_000), "done", true));
        assertEquals(List.of(id), found);
    }

    @BothDatabases
    void castsWorkNextToParameters() {
        long initiative = db.newInitiative();
        db.db.transaction(initiative, sql -> sql.insert(INSERT, "title", "12", "body", null, "status", null));
        long n = db.db.transaction(initiative, sql -> sql.first(
                "select count(*) from testmod_note where initiative_id = :initiative::bigint and title = :n::varchar",
                r -> r.getLong(1), "n", 12)).orElseThrow();
        assertEquals(1, n);
    }

    @BothDatabases
    void firstIsEmptyWhenNothingMatches() {
        long initiative = db.newInitiative();
        assertFalse(db.db.transaction(initiative, sql -> sql.first(ALL, Note::map)).isPresent());
        assertEquals(List.of(), db.db.transaction(initiative, sql -> sql.list(ALL, Note::map)));
    }

    @BothDatabases
    void updateReturnsTheNumberOfRowsChanged() {
        long initiative = db.newInitiative();
        db.db.transaction(initiative, sql -> {
            sql.insert(INSERT, "title", "a", "body", null, "status", "OPEN");
            sql.insert(INSERT, "title", "b", "body", null, "status", "OPEN");
            return sql.insert(INSERT, "title", "c", "body", null, "status", "DONE");
        });
        int changed = db.db.transaction(initiative, sql -> sql.update(
                "update testmod_note set status = :new where initiative_id = :initiative and status = :old", "new", Status.DONE, "old", Status.OPEN));
        assertEquals(2, changed);
    }

    @BothDatabases
    void sqlErrorsBecomeDataAccessExceptions() {
        long initiative = db.newInitiative();
        DataAccessException e = assertThrows(DataAccessException.class, () -> db.db.transaction(initiative,
                sql -> sql.list("select no_such_column from testmod_note where initiative_id = :initiative", Note::map)));
        assertInstanceOf(SQLException.class, e.getCause());
        assertFalse(e.isConnectionProblem());
    }

    @BothDatabases
    void dialectIsReported() {
        long initiative = db.newInitiative();
        assertEquals(db.dialect, db.db.transaction(initiative, Sql::dialect));
        assertEquals(db.dialect, db.db.dialect());
    }

    @BothDatabases
    void globalSqlNeedsNoInitiative() {
        long initiative = db.newInitiative();
        long n = db.db.global(sql -> sql.first("select count(*) from platform_initiative where id = :id", r -> r.getLong(1), "id", initiative))
                .orElseThrow();
        assertEquals(1, n);
    }

    @BothDatabases
    void noInitiativeNoTransaction() {
        assertThrows(IllegalArgumentException.class, () -> db.db.transaction(0, sql -> 1));
        assertThrows(IllegalArgumentException.class, () -> db.db.begin(-1));
    }

    private long count(long initiative) {
        return db.db.transaction(initiative, sql -> sql.first("select count(*) from testmod_note where initiative_id = :initiative",
                r -> r.getLong(1))).orElseThrow();
    }
}
