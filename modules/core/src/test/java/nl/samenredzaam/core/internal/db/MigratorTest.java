package nl.samenredzaam.core.internal.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.BeforeEach;

import nl.samenredzaam.api.data.Sql.Dialect;

/** {@link Migrator} (through {@link TestDb#runChangelog}) with the platform changelog and a module's changelog, on both databases. */
class MigratorTest {

    private TestDb db;

    @BeforeEach
    void open(TestDb db) {
        this.db = db;
    }

    @BothDatabases
    void platformChangelogCreatesThePlatformTables() throws Exception {
        for (String table : List.of("platform_initiative", "platform_module_switch", "platform_module_setting",
                "platform_demo_run", "platform_bundle")) {
            assertTrue(tableExists(table), table);
        }
        List<String> ran = changeSets("%db/platform/changelog.sql");
        assertEquals(changeSetsFor(DatabaseComponent.CORE_CHANGELOG), ran, "every change set for this database, in order");
        assertTrue(ran.contains(db.dialect == Dialect.H2 ? "platform-3-h2" : "platform-3-pg"));
        assertFalse(ran.contains(db.dialect == Dialect.H2 ? "platform-3-pg" : "platform-3-h2"));
    }

    @BothDatabases
    void platformTablesTakeWhatThePlatformStores() {
        long initiative = db.newInitiative();
        byte[] jar = {'P', 'K', 3, 4, 0, (byte) 0x80};
        db.db.global(sql -> {
            sql.update("insert into platform_module_switch (initiative_id, module_id, enabled, changed_at) values (:i, :m, :e, :at)",
                    "i", initiative, "m", "calendar", "e", true, "at", java.time.Instant.now());
            return sql.update("insert into platform_bundle (symbolic_name, version, jar, installed_at) values (:n, :v, :jar, :at)",
                    "n", "com.example." + initiative, "v", "1.0.0", "jar", jar, "at", java.time.Instant.now());
        });
        byte[] stored = db.db.global(sql -> sql.first("select jar from platform_bundle where symbolic_name = :n",
                r -> r.getBytes(1), "n", "com.example." + initiative)).orElseThrow();
        org.junit.jupiter.api.Assertions.assertArrayEquals(jar, stored);
    }

    @BothDatabases
    void platformChangelogRunsAgainWithoutChange() throws Exception {
        long initiative = db.newInitiative();
        int before = changeSets("%").size();
        db.runChangelog(DatabaseComponent.CORE_CHANGELOG);
        assertEquals(before, changeSets("%").size());
        assertTrue(db.db.global(sql -> sql.first("select id from platform_initiative where id = :id", r -> r.getLong(1), "id", initiative))
                .isPresent(), "data kept");
    }

    @BothDatabases
    void moduleChangelogRunsOnceAndIsIdempotent() throws Exception {
        db.runChangelog("db/testmod/changelog.sql");
        String dialectSpecific = db.dialect == Dialect.H2 ? "testmod-3-h2" : "testmod-3-pg";
        List<String> expected = List.of("testmod-1", "testmod-2", dialectSpecific);
        assertEquals(expected, changeSets("%db/testmod/changelog.sql"));

        long initiative = db.newInitiative();
        db.db.transaction(initiative, sql -> sql.insert("insert into testmod_note (initiative_id, title) values (:initiative, :t)", "t", "kept"));

        db.runChangelog("db/testmod/changelog.sql");
        db.runChangelog("db/testmod/changelog.sql");
        assertEquals(expected, changeSets("%db/testmod/changelog.sql"));
        assertEquals(List.of("kept"), db.db.transaction(initiative,
                sql -> sql.list("select title from testmod_note where initiative_id = :initiative", r -> r.getString(1))));
        assertFalse(locked());
    }

    @BothDatabases
    void failedChangelogStopsAtTheBrokenChangeSetAndReleasesTheLock() throws Exception {
        assertThrows(Exception.class, () -> db.runChangelog("db/testmod-broken/changelog.sql"));
        assertEquals(List.of("broken-1"), changeSets("%db/testmod-broken/changelog.sql"));
        assertTrue(tableExists("testmod_broken"));
        assertFalse(tableExists("testmod_never"));
        assertFalse(locked(), "a failed migration does not keep the lock");
        // and it fails again, the same way, rather than being marked done
        assertThrows(Exception.class, () -> db.runChangelog("db/testmod-broken/changelog.sql"));
        assertEquals(List.of("broken-1"), changeSets("%db/testmod-broken/changelog.sql"));
    }

    @BothDatabases
    void missingChangelogFails() {
        assertThrows(Exception.class, () -> db.runChangelog("db/nothing-here/changelog.sql"));
    }

    /** The ids of a formatted SQL changelog's change sets that apply to this database, read from the file. */
    private List<String> changeSetsFor(String changelog) throws Exception {
        String dbms = db.dialect == Dialect.H2 ? "h2" : "postgresql";
        try (var in = MigratorTest.class.getClassLoader().getResourceAsStream(changelog)) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).lines()
                    .map(line -> java.util.regex.Pattern.compile("^--changeset [^:\\s]+:(\\S+)(.*)$").matcher(line))
                    .filter(java.util.regex.Matcher::matches)
                    .filter(m -> !m.group(2).contains("dbms:") || m.group(2).contains("dbms:" + dbms))
                    .map(m -> m.group(1))
                    .toList();
        }
    }

    private List<String> changeSets(String fileLike) {
        return db.db.global(sql -> sql.list("select id from databasechangelog where filename like :f order by orderexecuted",
                r -> r.getString(1), "f", fileLike));
    }

    private boolean locked() {
        return db.db.global(sql -> sql.first("select locked from databasechangeloglock where id = 1", r -> r.getBoolean(1), new Object[0]))
                .orElse(false);
    }

    private boolean tableExists(String table) throws SQLException {
        try (Connection c = db.pool.getConnection();
                ResultSet rs = c.getMetaData().getTables(null, null, db.dialect == Dialect.H2 ? table.toUpperCase(Locale.ROOT) : table, null)) {
            return rs.next();
        }
    }
}
