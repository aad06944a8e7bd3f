package nl.samenredzaam.referral.internal;

import java.util.EnumMap;
import java.util.Map;

import nl.samenredzaam.api.data.Sql;

/** One database of each kind per test run, shared by the test classes (each test uses its own initiative). */
final class Databases {

    private static final Map<Sql.Dialect, TestDb> OPEN = new EnumMap<>(Sql.Dialect.class);

    private Databases() {
    }

    static synchronized TestDb get(Sql.Dialect dialect) throws Exception {
        TestDb db = OPEN.get(dialect);
        if (db == null) {
            db = TestDb.of(dialect);
            OPEN.put(dialect, db);
        }
        return db;
    }
}
