package nl.samenredzaam.core.internal.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;

import nl.samenredzaam.core.platform.DataAccessException;
import nl.samenredzaam.core.platform.PlatformDatabase.Transaction;

/** Transactions of {@link JdbcDatabase} on both databases: all or nothing, and the lazy request transaction. */
class JdbcDatabaseTest {

    private static final String INSERT = "insert into testmod_note (initiative_id, title) values (:initiative, :title)";
    private static final String TITLES = "select title from testmod_note where initiative_id = :initiative order by id";
    private static final String TAG = "insert into testmod_tag (initiative_id, name) values (:initiative, :name)";

    private TestDb db;

    @BeforeEach
    void open(TestDb db) throws Exception {
        this.db = db;
        db.migrate("db/testmod/changelog.sql"); // once per database
    }

    @BothDatabases
    void commitsWhenTheWorkReturns() {
        long initiative = db.newInitiative();
        String result = db.db.transaction(initiative, sql -> {
            sql.insert(INSERT, "title", "one");
            sql.insert(INSERT, "title", "two");
            return "done";
        });
        assertEquals("done", result);
        assertEquals(List.of("one", "two"), titles(initiative));
    }

    @BothDatabases
    void rollsBackEverythingWhenTheWorkThrows() {
        long initiative = db.newInitiative();
        IllegalStateException failure = new IllegalStateException("second thoughts");
        IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> db.db.transaction(initiative, sql -> {
            sql.insert(INSERT, "title", "one");
            sql.insert(INSERT, "title", "two");
            throw failure;
        }));
        assertSame(failure, thrown, "a runtime exception is passed on as it is");
        assertEquals(List.of(), titles(initiative));
    }

    @BothDatabases
    void rollsBackWhenAStatementFailsHalfway() {
        long initiative = db.newInitiative();
        assertThrows(DataAccessException.class, () -> db.db.transaction(initiative, sql -> {
            sql.insert(INSERT, "title", "before");
            sql.update(TAG, "name", "dup");
            return sql.update(TAG, "name", "dup"); // primary key violation
        }));
        assertEquals(List.of(), titles(initiative));
        assertEquals(0L, tags(initiative));
    }

    @BothDatabases
    void checkedExceptionIsWrappedAndRolledBack() {
        long initiative = db.newInitiative();
        IOException cause = new IOException("disk full");
        IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> db.db.transaction(initiative, sql -> {
            sql.insert(INSERT, "title", "one");
            throw cause;
        }));
        assertSame(cause, thrown.getCause());
        assertEquals(List.of(), titles(initiative));
    }

    @BothDatabases
    void errorIsRolledBackToo() {
        long initiative = db.newInitiative();
        assertThrows(AssertionError.class, () -> db.db.transaction(initiative, sql -> {
            sql.insert(INSERT, "title", "one");
            throw new AssertionError("boom");
        }));
        assertEquals(List.of(), titles(initiative));
    }

    @BothDatabases
    void uncommittedWorkIsInvisibleToOthers() {
        long initiative = db.newInitiative();
        db.db.transaction(initiative, sql -> {
            sql.insert(INSERT, "title", "pending");
            assertEquals(List.of(), titles(initiative), "another transaction does not see it yet");
            return null;
        });
        assertEquals(List.of("pending"), titles(initiative));
    }

    @BothDatabases
    void connectionsGoBackToThePool() {
        long initiative = db.newInitiative();
        for (int i = 0; i < 10; i++) { // more than the pool size
            assertThrows(IllegalStateException.class, () -> db.db.transaction(initiative, sql -> {
                sql.insert(INSERT, "title", "x");
                throw new IllegalStateException();
            }));
            db.db.transaction(initiative, sql -> sql.list(TITLES, r -> r.getString(1)));
        }
        assertEquals(0, active());
    }

    @BothDatabases
    void lazyTransactionTakesNoConnectionUntilUsed() {
        long initiative = db.newInitiative();
        try (Transaction tx = db.db.begin(initiative)) {
            assertEquals(initiative, tx.initiativeId());
            assertEquals(db.dialect, tx.dialect());
            assertThrows(IllegalArgumentException.class, () -> tx.update("delete from testmod_note"));
            assertEquals(0, active(), "no connection before the first statement");
            tx.insert(INSERT, "title", "used");
            assertEquals(1, active());
            tx.commit();
        }
        assertEquals(0, active(), "connection returned on close");
        assertEquals(List.of("used"), titles(initiative));
    }

    @BothDatabases
    void lazyTransactionNeverUsedTakesNoConnection() {
        long initiative = db.newInitiative();
        Transaction tx = db.db.begin(initiative);
        assertEquals(0, active());
        tx.commit();
        tx.close();
        assertEquals(0, active());
        assertThrows(IllegalStateException.class, () -> tx.list(TITLES, r -> r.getString(1)));
        assertEquals(0, active());
    }

    @BothDatabases
    void lazyTransactionRollsBackWhenNotCommitted() {
        long initiative = db.newInitiative();
        try (Transaction tx = db.db.begin(initiative)) {
            tx.insert(INSERT, "title", "forgotten");
            assertEquals(List.of("forgotten"), tx.list(TITLES, r -> r.getString(1)), "visible inside");
        }
        assertEquals(0, active());
        assertEquals(List.of(), titles(initiative));
    }

    @BothDatabases
    void lazyTransactionRollsBackOnException() {
        long initiative = db.newInitiative();
        assertThrows(IllegalStateException.class, () -> {
            try (Transaction tx = db.db.begin(initiative)) {
                tx.insert(INSERT, "title", "half");
                throw new IllegalStateException("handler failed");
            }
        });
        assertEquals(List.of(), titles(initiative));
    }

    @BothDatabases
    void lazyTransactionCannotBeUsedAfterItEnded() {
        long initiative = db.newInitiative();
        Transaction tx = db.db.begin(initiative);
        tx.insert(INSERT, "title", "kept");
        tx.commit();
        assertThrows(IllegalStateException.class, () -> tx.insert(INSERT, "title", "late"));
        tx.close();
        tx.close(); // twice is fine
        assertEquals(0, active());
        assertEquals(List.of("kept"), titles(initiative));
    }

    @BothDatabases
    void pingAnswers() {
        assertTrue(db.db.ping());
    }

    @BothDatabases
    void dataAccessExceptionKeepsTheSqlState() {
        long initiative = db.newInitiative();
        DataAccessException e = assertThrows(DataAccessException.class,
                () -> db.db.transaction(initiative, sql -> sql.update("update no_such_table set x = 1 where id = :initiative")));
        assertInstanceOf(java.sql.SQLException.class, e.getCause());
        assertEquals(false, e.isConnectionProblem());
    }

    private List<String> titles(long initiative) {
        return db.db.transaction(initiative, sql -> sql.list(TITLES, r -> r.getString(1)));
    }

    private long tags(long initiative) {
        return db.db.transaction(initiative, sql -> sql.first("select count(*) from testmod_tag where initiative_id = :initiative",
                r -> r.getLong(1))).orElseThrow();
    }

    private int active() {
        return db.pool.getHikariPoolMXBean().getActiveConnections();
    }
}
