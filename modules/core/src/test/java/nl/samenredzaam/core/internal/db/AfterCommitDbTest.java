package nl.samenredzaam.core.internal.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;

import nl.samenredzaam.api.data.Sql;
import nl.samenredzaam.core.platform.DataAccessException;
import nl.samenredzaam.core.platform.PlatformDatabase.Transaction;

/** {@link Sql#afterCommit} on both databases: after a commit only, once, in order, and never against the commit. */
class AfterCommitDbTest {

    private static final String INSERT = "insert into testmod_note (initiative_id, title) values (:initiative, :title)";
    private static final String TITLES = "select title from testmod_note where initiative_id = :initiative order by id";

    private TestDb db;
    private final List<String> seen = new ArrayList<>();

    @BeforeEach
    void open(TestDb db) throws Exception {
        this.db = db;
        db.migrate("db/testmod/changelog.sql");
    }

    @BothDatabases
    void aCommitRunsTheHooksInOrderOnceTheDataIsCommittedAndTheConnectionIsBack() {
        long initiative = db.newInitiative();
        String result = db.db.transaction(initiative, sql -> {
            sql.insert(INSERT, "title", "one");
            sql.afterCommit(() -> seen.add("first sees " + titles(initiative) + ", connections in use: " + active()));
            sql.afterCommit(() -> seen.add("second"));
            assertEquals(List.of(), seen, "not before the commit");
            return "done";
        });
        assertEquals("done", result);
        assertEquals(List.of("first sees [one], connections in use: 0", "second"), seen);
    }

    @BothDatabases
    void aRollbackRunsNoHook() {
        long initiative = db.newInitiative();
        assertThrows(IllegalStateException.class, () -> db.db.transaction(initiative, sql -> {
            sql.insert(INSERT, "title", "gone");
            sql.afterCommit(() -> seen.add("ran"));
            throw new IllegalStateException("second thoughts");
        }));
        assertThrows(DataAccessException.class, () -> db.db.transaction(initiative, sql -> {
            sql.afterCommit(() -> seen.add("ran"));
            return sql.update("update no_such_table set x = 1 where id = :initiative");
        }));
        assertEquals(List.of(), seen);
        assertEquals(List.of(), titles(initiative));
    }

    @BothDatabases
    void aThrowingHookNeitherUndoesNorFailsTheCommitAndTheNextHooksStillRun() {
        long initiative = db.newInitiative();
        String result = db.db.transaction(initiative, sql -> {
            sql.insert(INSERT, "title", "kept");
            sql.afterCommit(() -> {
                throw new IllegalStateException("listener broken");
            });
            sql.afterCommit(() -> seen.add("next"));
            return "done";
        });
        assertEquals("done", result, "the caller gets its result");
        assertEquals(List.of("next"), seen);
        assertEquals(List.of("kept"), titles(initiative));
        assertEquals(0, active());
    }

    @BothDatabases
    void anInnerTransactionsHooksRunWhenItCommitsWhateverTheOuterOneDoes() {
        long initiative = db.newInitiative();
        assertThrows(IllegalStateException.class, () -> db.db.transaction(initiative, outer -> {
            outer.afterCommit(() -> seen.add("outer"));
            db.db.transaction(initiative, inner -> {
                inner.insert(INSERT, "title", "inner");
                inner.afterCommit(() -> seen.add("inner"));
                return null;
            });
            assertEquals(List.of("inner"), seen, "the inner transaction committed on its own");
            throw new IllegalStateException("the outer one fails");
        }));
        assertEquals(List.of("inner"), seen);
        assertEquals(List.of("inner"), titles(initiative));
    }

    @BothDatabases
    void aHookMayRunATransactionWhoseOwnHooksRunInTurn() {
        long initiative = db.newInitiative();
        db.db.transaction(initiative, sql -> {
            sql.insert(INSERT, "title", "cause");
            sql.afterCommit(() -> db.db.transaction(initiative, later -> {
                later.insert(INSERT, "title", "effect");
                later.afterCommit(() -> seen.add("after effect"));
                return null;
            }));
            return null;
        });
        assertEquals(List.of("after effect"), seen);
        assertEquals(List.of("cause", "effect"), titles(initiative));
    }

    @BothDatabases
    void noHookCanBeAddedOnceTheTransactionEnded() {
        long initiative = db.newInitiative();
        Sql ended = db.db.transaction(initiative, sql -> sql);
        assertThrows(IllegalStateException.class, () -> ended.afterCommit(() -> seen.add("late")));
        db.db.transaction(initiative, sql -> {
            sql.afterCommit(() -> sql.afterCommit(() -> seen.add("too late")));
            return null;
        });
        assertEquals(List.of(), seen, "a hook adding a hook to its own, ended transaction fails (logged)");
    }

    @BothDatabases
    void platformWideWorkHasHooksToo() {
        db.db.global(sql -> {
            sql.afterCommit(() -> seen.add("global"));
            return null;
        });
        assertEquals(List.of("global"), seen);
    }

    @BothDatabases
    void theRequestTransactionRunsItsHooksAtCommitAfterGivingBackItsConnectionAndPlace() {
        long initiative = db.newInitiative();
        int places = db.db.freeRequestPlaces();
        try (Transaction tx = db.db.begin(initiative)) {
            tx.insert(INSERT, "title", "request");
            tx.afterCommit(() -> seen.add("sees " + titles(initiative) + ", in use: " + active() + ", places back: "
                    + (db.db.freeRequestPlaces() == places)));
            assertEquals(List.of(), seen);
            tx.commit();
            assertEquals(List.of("sees [request], in use: 0, places back: true"), seen);
            assertThrows(IllegalStateException.class, () -> tx.afterCommit(() -> seen.add("late")));
            tx.commit(); // a second commit does nothing, runs nothing again
        }
        assertEquals(1, seen.size());
    }

    @BothDatabases
    void aRequestTransactionClosedWithoutCommitRunsNoHook() {
        long initiative = db.newInitiative();
        try (Transaction tx = db.db.begin(initiative)) {
            tx.insert(INSERT, "title", "abandoned");
            tx.afterCommit(() -> seen.add("ran"));
        }
        try (Transaction untouched = db.db.begin(initiative)) {
            untouched.afterCommit(() -> seen.add("ran"));
        }
        assertEquals(List.of(), seen);
        assertEquals(List.of(), titles(initiative));
    }

    @BothDatabases
    void aRequestTransactionThatNeverTouchedTheDatabaseStillRunsItsHooksAtCommit() {
        long initiative = db.newInitiative();
        try (Transaction tx = db.db.begin(initiative)) {
            tx.afterCommit(() -> seen.add("ran"));
            tx.commit();
        }
        assertEquals(List.of("ran"), seen);
        assertEquals(0, active());
    }

    private List<String> titles(long initiative) {
        return db.db.transaction(initiative, sql -> sql.list(TITLES, r -> r.getString(1)));
    }

    private int active() {
        return db.pool.getHikariPoolMXBean().getActiveConnections();
    }
}
