package nl.samenredzaam.testing.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import nl.samenredzaam.api.data.Sql;

/** {@link TestDatabases} used directly. */
class TestDatabasesTest {

    @Test
    void h2InAGivenDirectory(@TempDir Path dir) throws Exception {
        try (TestDatabase db = TestDatabases.h2(dir).migrate("db/testingdb/changelog.sql")) {
            assertEquals(Sql.Dialect.H2, db.dialect());
            long initiative = db.newInitiative();
            db.inInitiative(initiative, sql -> sql.insert("insert into testingdb_item (initiative_id, title) values (:initiative, :t)", "t", "x"));
            try (var files = Files.list(dir)) {
                assertTrue(files.anyMatch(p -> p.getFileName().toString().endsWith(".mv.db")), "the database is a file in the directory");
            }
        }
    }

    @Test
    void postgresDatabasesAreSeparateAndDroppedOnClose() {
        String name;
        try (TestDatabase first = TestDatabases.postgres(); TestDatabase second = TestDatabases.postgres()) {
            assertEquals(Sql.Dialect.POSTGRESQL, first.dialect());
            first.migrate("db/testingdb/changelog.sql");
            assertEquals(List.of(TestDatabase.PLATFORM_CHANGELOG), second.migrated());
            name = first.platform().global(sql -> sql.first("select current_database()", r -> r.getString(1))).orElseThrow();
            assertFalse(name.equals(second.platform().global(sql -> sql.first("select current_database()", r -> r.getString(1))).orElseThrow()));
        }
        try (TestDatabase other = TestDatabases.postgres()) {
            long left = other.platform().global(sql -> sql.first("select count(*) from pg_database where datname = :n", r -> r.getLong(1), "n", name))
                    .orElseThrow();
            assertEquals(0, left);
        }
    }

    @Test
    void aBrokenChangelogSaysWhich(@TempDir Path dir) {
        try (TestDatabase db = TestDatabases.h2(dir)) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> db.migrate("db/no-such/changelog.sql"));
            assertTrue(e.getMessage().contains("db/no-such/changelog.sql"), e.getMessage());
        }
    }

    @Test
    void databaseSelectionProperty() {
        String before = System.getProperty(TestDatabases.DATABASES_PROPERTY);
        try {
            System.setProperty(TestDatabases.DATABASES_PROPERTY, "h2");
            assertTrue(TestDatabases.enabled(Sql.Dialect.H2));
            assertFalse(TestDatabases.enabled(Sql.Dialect.POSTGRESQL));
            System.setProperty(TestDatabases.DATABASES_PROPERTY, "pg, h2");
            assertTrue(TestDatabases.enabled(Sql.Dialect.POSTGRESQL));
        } finally {
            if (before == null) {
                System.clearProperty(TestDatabases.DATABASES_PROPERTY);
            } else {
                System.setProperty(TestDatabases.DATABASES_PROPERTY, before);
            }
        }
    }
}
