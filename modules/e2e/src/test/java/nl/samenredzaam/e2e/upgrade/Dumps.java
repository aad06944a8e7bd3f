package nl.samenredzaam.e2e.upgrade;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * Release dumps: writing them (H2's {@code SCRIPT}, PostgreSQL's {@code pg_dump}), loading them
 * into a fresh database, and reading every row of every table so that a test can compare the
 * data before and after the current platform migrated it.
 */
final class Dumps {

    /** Where the dumps are kept, one folder per release: {@code <version>/h2.sql} and {@code <version>/postgresql.sql}. */
    static final String RESOURCES = "nl/samenredzaam/e2e/upgrade/";
    /** The H2 file of the platform in its data directory (without {@code .mv.db}). */
    static final String H2_FILE = "samenredzaam";

    private Dumps() {
    }

    static String h2Url(Path dataDir) {
        return "jdbc:h2:" + dataDir.resolve(H2_FILE).toAbsolutePath() + ";DB_CLOSE_ON_EXIT=FALSE";
    }

    /** The releases that have dumps, oldest first (from {@code releases.txt}). */
    static List<String> releases() throws IOException {
        try (InputStream in = Dumps.class.getClassLoader().getResourceAsStream(RESOURCES + "releases.txt")) {
            if (in == null) {
                throw new IllegalStateException("no " + RESOURCES + "releases.txt on the test class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        }
    }

    static String resource(String release, String file) throws IOException {
        try (InputStream in = Dumps.class.getClassLoader().getResourceAsStream(RESOURCES + release + "/" + file)) {
            if (in == null) {
                throw new IllegalStateException("no dump " + RESOURCES + release + "/" + file);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    // ---- H2 ----

    /** Writes the whole H2 database in the platform's data directory as an SQL script (schema and rows). */
    static void dumpH2(Path dataDir, Path out) throws SQLException {
        try (Connection c = DriverManager.getConnection(h2Url(dataDir), "sa", ""); Statement s = c.createStatement()) {
            s.execute("SCRIPT NOPASSWORDS NOSETTINGS TO '" + out.toAbsolutePath().toString().replace("'", "''") + "' CHARSET 'UTF-8'");
        }
    }

    /** Creates the platform's H2 database in {@code dataDir} from a dump. */
    static void loadH2(Path dataDir, String script) throws IOException, SQLException {
        Files.createDirectories(dataDir);
        Path file = Files.createTempFile("dump", ".sql");
        try {
            Files.writeString(file, script, StandardCharsets.UTF_8);
            try (Connection c = DriverManager.getConnection(h2Url(dataDir), "sa", ""); Statement s = c.createStatement()) {
                s.execute("RUNSCRIPT FROM '" + file.toAbsolutePath().toString().replace("'", "''") + "' CHARSET 'UTF-8'");
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }

    // ---- PostgreSQL ----

    /**
     * Writes a PostgreSQL database as plain SQL with {@code pg_dump} (14 or newer on the PATH):
     * INSERT statements, no owners or grants, so that it loads through JDBC into any database.
     */
    static void dumpPostgres(String host, int port, String database, Path out) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("pg_dump", "--host", host, "--port", Integer.toString(port), "--username", "postgres",
                "--no-owner", "--no-privileges", "--no-comments", "--column-inserts", "--rows-per-insert=100", "--file",
                out.toAbsolutePath().toString(), database).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("pg_dump failed: " + output);
        }
        // what pg_dump writes for its own restore but a plain JDBC load does not need or allow
        List<String> kept = new ArrayList<>();
        for (String line : Files.readAllLines(out, StandardCharsets.UTF_8)) {
            // psql meta-commands (\\restrict since pg_dump 17.6/16.10/15.14/14.19) are not SQL
            if (line.startsWith("\\") || line.startsWith("SELECT pg_catalog.set_config('search_path'")
                    || line.startsWith("SET transaction_timeout")) {
                continue;
            }
            kept.add(line);
        }
        Files.write(out, kept, StandardCharsets.UTF_8);
    }

    /** Loads a {@link #dumpPostgres plain dump} into an empty database. */
    static void loadPostgres(Connection c, String script) throws SQLException {
        c.setAutoCommit(true);
        try (Statement s = c.createStatement()) {
            s.execute(script);
        }
    }

    // ---- contents ----

    /** The rows of one table, keyed by primary key (or, without one, by the whole row), each column as text. */
    record Table(List<String> key, Map<String, Map<String, String>> rows) {
    }

    /** Reads every table of the public schema (table and column names in lower case). */
    static Map<String, Table> read(Connection c) throws SQLException {
        Map<String, Table> tables = new TreeMap<>();
        DatabaseMetaData meta = c.getMetaData();
        String schema = meta.getDatabaseProductName().toLowerCase(Locale.ROOT).contains("h2") ? "PUBLIC" : "public";
        List<String> names = new ArrayList<>();
        try (ResultSet t = meta.getTables(null, schema, "%", new String[] {"TABLE"})) {
            while (t.next()) {
                names.add(t.getString("TABLE_NAME"));
            }
        }
        for (String name : names) {
            List<String> key = new ArrayList<>();
            try (ResultSet pk = meta.getPrimaryKeys(null, schema, name)) {
                while (pk.next()) {
                    key.add(pk.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
                }
            }
            Map<String, Map<String, String>> rows = new TreeMap<>();
            try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("select * from " + schema + "." + quote(name))) {
                ResultSetMetaData md = r.getMetaData();
                while (r.next()) {
                    Map<String, String> row = new TreeMap<>();
                    for (int i = 1; i <= md.getColumnCount(); i++) {
                        row.put(md.getColumnLabel(i).toLowerCase(Locale.ROOT), r.getString(i));
                    }
                    String id = key.isEmpty() ? row.toString() : String.join("|", key.stream().map(k -> String.valueOf(row.get(k))).toList());
                    rows.put(id, row);
                }
            }
            tables.put(name.toLowerCase(Locale.ROOT), new Table(List.copyOf(key), rows));
        }
        return tables;
    }

    private static String quote(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }
}
