package nl.samenredzaam.calendar.internal;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

import nl.samenredzaam.api.data.Sql;
import nl.samenredzaam.testing.db.TestDatabase;
import nl.samenredzaam.testing.db.TestDatabases;

/**
 * A real database with the platform's tables and the calendar's migration, one per test class;
 * subclasses name the dialect ({@code ...H2Test}, {@code ...PostgresTest}) so every data test
 * runs on both. Tests keep apart by each using a new initiative.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class OnDatabase {

    protected TestDatabase db;

    abstract Sql.Dialect dialect();

    @BeforeAll
    void openDatabase() {
        Assumptions.assumeTrue(TestDatabases.enabled(dialect()), dialect() + " switched off for this run");
        db = TestDatabases.open(dialect()).migrate("db/calendar/changelog.sql");
    }

    @AfterAll
    void closeDatabase() {
        if (db != null) {
            db.close();
        }
    }
}
