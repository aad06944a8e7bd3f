package nl.samenredzaam.volunteering.internal.db;

import java.util.EnumMap;
import java.util.Map;

import nl.samenredzaam.api.data.Database;
import nl.samenredzaam.api.data.Sql;
import nl.samenredzaam.testing.db.TestDatabase;
import nl.samenredzaam.testing.db.TestDatabases;

/**
 * One real database per kind for this test run (H2 file database, PostgreSQL 14 embedded), with
 * the platform's tables and this module's changelog, reached through core's own {@link Database}
 * (the same named-parameter SQL and transactions as in production). Each test takes a fresh
 * initiative, so tests do not see each other's rows.
 */
public final class TestDb implements Database {

    private static final Map<Sql.Dialect, TestDb> OPEN = new EnumMap<>(Sql.Dialect.class);

    private final TestDatabase db;

    private TestDb(TestDatabase db) {
        this.db = db;
    }

    public static synchronized TestDb of(Sql.Dialect dialect) {
        return OPEN.computeIfAbsent(dialect, d -> {
            TestDatabase opened = TestDatabases.open(d).migrate("db/volunteering/changelog.sql");
            Runtime.getRuntime().addShutdownHook(new Thread(opened::close));
            return new TestDb(opened);
        });
    }

    public Sql.Dialect dialect() {
        return db.dialect();
    }

    public long newInitiative() {
        return db.newInitiative();
    }

    @Override
    public <T> T transaction(long initiativeId, Work<T> work) {
        return db.inInitiative(initiativeId, work);
    }
}
