package nl.samenredzaam.e2e.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import nl.samenredzaam.testing.RunningPlatform;

/**
 * A first start on H2 copies the database the build migrated (core's H2Template) instead of running
 * Liquibase. That database must be exactly what the migrations make at a first start, and Liquibase
 * must recognise it as its own: a later build with a new change set runs only that change set.
 */
class H2TemplateIT {

    /** What the build's H2TemplateBuilder migrates: the platform's changelog and every shipped module's. */
    private static final List<String> CHANGELOGS = List.of("db/platform/changelog.sql", "db/buurtnieuws/changelog.sql",
            "db/calendar/changelog.sql", "db/identity/changelog.sql", "db/referral/changelog.sql", "db/volunteering/changelog.sql",
            "db/web/changelog.sql", "db/wmo-intake/changelog.sql");

    @Test
    void aFirstStartUsesTheTemplateAndGetsTheSchemaTheMigrationsMake(@TempDir Path dir) throws Exception {
        Path fromTemplate = dir.resolve("template");
        Path migrated = dir.resolve("migrated");
        String templateLog;
        RunningPlatform first = RunningPlatform.builder().name("H2TemplateIT-template").dataDir(fromTemplate).build();
        try {
            templateLog = first.start().log();
        } finally {
            first.stop();
        }
        assertTrue(templateLog.contains("New database from the migrated template in the jar"), templateLog);
        assertFalse(templateLog.contains("Migrated "), "no changelog ran at the first start:\n" + templateLog);

        String migratedLog;
        // a blank template address switches the template off (as a -D on the java command line would)
        RunningPlatform withoutTemplate = RunningPlatform.builder().name("H2TemplateIT-migrated").dataDir(migrated)
                .jvmArgs("-Dsamenredzaam.h2.template=").build();
        try {
            migratedLog = withoutTemplate.start().log();
        } finally {
            withoutTemplate.stop();
        }
        assertFalse(migratedLog.contains("from the migrated template"), migratedLog);
        for (String module : List.of("nl.samenredzaam.calendar", "nl.samenredzaam.identity", "nl.samenredzaam.wmointake")) {
            assertTrue(migratedLog.contains("Migrated " + module + " "), module + " was migrated by Liquibase:\n" + migratedLog);
        }

        assertEquals(dump(migrated, SCHEMA), dump(fromTemplate, SCHEMA), "tables, columns, types, defaults");
        assertEquals(dump(migrated, INDEXES), dump(fromTemplate, INDEXES), "indexes");
        assertEquals(dump(migrated, CONSTRAINTS), dump(fromTemplate, CONSTRAINTS), "constraints");
        assertEquals(dump(migrated, CHANGESETS), dump(fromTemplate, CHANGESETS), "Liquibase's record of change sets");
        assertEquals(dump(migrated, CHECKSUMS), dump(fromTemplate, CHECKSUMS), "the fast path's checksums");
        assertEquals(CHANGELOGS.stream().sorted().toList(), changelogs(fromTemplate));
    }

    @Test
    void liquibaseRecognisesTheTemplateAsItsOwn(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("data");
        RunningPlatform platform = RunningPlatform.builder().name("H2TemplateIT-rerun").dataDir(data).build();
        try {
            platform.start();
            platform.stop();
            int changeSets = count(data, "select count(*) from databasechangelog");
            // forget the fast path's checksums: at the next start Liquibase reads every changelog
            // against the template's DATABASECHANGELOG, as it would for a changelog a new build changed
            execute(data, "delete from platform_migration_state");

            platform.start();
            platform.stop(); // H2 allows one process at a time
            String log = platform.log();
            for (String module : List.of("nl.samenredzaam.buurtnieuws", "nl.samenredzaam.calendar", "nl.samenredzaam.identity",
                    "nl.samenredzaam.referral", "nl.samenredzaam.volunteering", "nl.samenredzaam.web", "nl.samenredzaam.wmointake")) {
                assertTrue(log.contains("Migrated " + module + " "), module + " ran through Liquibase:\n" + log);
            }
            assertFalse(log.contains("Migration of "), "no changelog failed (a change set run twice would):\n" + log);
            assertEquals(changeSets, count(data, "select count(*) from databasechangelog"), "no change set ran again");
            assertEquals(CHANGELOGS.size(), count(data, "select count(*) from platform_migration_state"));
            Matcher modules = Pattern.compile("Module '([a-z-]+)' available").matcher(log);
            List<String> available = new ArrayList<>();
            while (modules.find()) {
                available.add(modules.group(1));
            }
            assertTrue(available.containsAll(List.of("buurtnieuws", "calendar", "referral", "volunteering", "wmo-intake")), log);
        } finally {
            platform.stop();
        }
    }

    private static final String SCHEMA = "select table_name, column_name, ordinal_position, data_type, character_maximum_length, "
            + "numeric_precision, is_nullable, column_default, is_identity from information_schema.columns "
            + "where table_schema = 'PUBLIC' order by table_name, ordinal_position";
    private static final String INDEXES = "select i.table_name, i.index_name, i.index_type_name, c.column_name, c.ordinal_position "
            + "from information_schema.indexes i join information_schema.index_columns c on c.index_schema = i.index_schema "
            + "and c.index_name = i.index_name where i.table_schema = 'PUBLIC' order by i.table_name, i.index_name, c.ordinal_position";
    private static final String CONSTRAINTS = "select table_name, constraint_name, constraint_type from information_schema.table_constraints "
            + "where table_schema = 'PUBLIC' order by table_name, constraint_name";
    private static final String CHANGESETS = "select id, author, filename, md5sum, exectype from databasechangelog order by filename, id";
    private static final String CHECKSUMS = "select changelog, checksum from platform_migration_state order by changelog";

    private static List<String> changelogs(Path data) throws SQLException {
        List<String> result = new ArrayList<>();
        for (String row : dump(data, "select changelog from platform_migration_state order by changelog")) {
            result.add(row);
        }
        return result;
    }

    private static List<String> dump(Path data, String query) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = connect(data); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(query)) {
            ResultSetMetaData meta = rs.getMetaData();
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    row.append(i > 1 ? " | " : "").append(rs.getString(i));
                }
                rows.add(row.toString());
            }
        }
        assertFalse(rows.isEmpty(), query);
        return rows;
    }

    private static int count(Path data, String query) throws SQLException {
        try (Connection c = connect(data); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(query)) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static void execute(Path data, String statement) throws SQLException {
        try (Connection c = connect(data); Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }

    private static Connection connect(Path data) throws SQLException {
        Path file = data.resolve("samenredzaam");
        assertTrue(Files.isRegularFile(data.resolve("samenredzaam.mv.db")), "H2 file in " + data);
        return DriverManager.getConnection("jdbc:h2:" + file + "", "sa", "");
    }
}
