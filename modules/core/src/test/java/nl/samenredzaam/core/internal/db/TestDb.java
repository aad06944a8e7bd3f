package nl.samenredzaam.core.internal.db;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import com.zaxxer.hikari.HikariDataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import liquibase.Scope;
import liquibase.resource.ClassLoaderResourceAccessor;
import liquibase.ui.LoggerUIService;
import nl.samenredzaam.api.data.Sql.Dialect;

/**
 * One fresh database for one test class: an H2 file database in a temporary directory (with the
 * production URL settings of {@link DatabaseSettings#h2}) or a new database on the embedded
 * PostgreSQL server, which is started once per test run. Both use the production pool
 * ({@link ConnectionPool}) and have the platform changelog applied.
 */
public final class TestDb implements AutoCloseable {

    private static final AtomicInteger COUNTER = new AtomicInteger();
    /** Liquibase logs through java.util.logging (failures the tests provoke included): the assertions say what matters. */
    private static final java.util.logging.Logger LIQUIBASE_LOG = java.util.logging.Logger.getLogger("liquibase");

    static {
        LIQUIBASE_LOG.setLevel(java.util.logging.Level.OFF);
        System.setProperty("liquibase.command.showSummaryOutput", "LOG");
    }
    private static EmbeddedPostgres postgres;

    public final Dialect dialect;
    public final HikariDataSource pool;
    public final JdbcDatabase db;
    private final AutoCloseable cleanup;
    private final Set<String> migrated = new HashSet<>();

    private TestDb(Dialect dialect, DatabaseSettings settings, AutoCloseable cleanup) throws Exception {
        this.dialect = dialect;
        this.pool = ConnectionPool.create(settings);
        this.db = new JdbcDatabase(pool, dialect);
        this.cleanup = cleanup;
        migrate(DatabaseComponent.CORE_CHANGELOG);
    }

    public static TestDb open(Dialect dialect) throws Exception {
        int n = COUNTER.incrementAndGet();
        if (dialect == Dialect.H2) {
            Path dir = Files.createTempDirectory("samenredzaam-h2-");
            return new TestDb(dialect, DatabaseSettings.h2(dir.resolve("test"), 4), () -> deleteTree(dir));
        }
        EmbeddedPostgres server = postgres();
        String name = "test_" + n;
        admin(server, "create database " + name);
        return new TestDb(dialect,
                new DatabaseSettings(server.getJdbcUrl("postgres", name), "postgres", null, Dialect.POSTGRESQL, 4),
                () -> admin(server, "drop database " + name + " with (force)"));
    }

    /** The shared server, started on first use; the library stops it when the JVM exits. */
    static synchronized EmbeddedPostgres postgres() throws IOException {
        if (postgres == null) {
            postgres = EmbeddedPostgres.builder()
                    .setServerConfig("fsync", "off")
                    .setServerConfig("synchronous_commit", "off")
                    .setServerConfig("full_page_writes", "off")
                    .start();
        }
        return postgres;
    }

    /** Runs a changelog from the test class path, once per database. */
    public void migrate(String changelog) throws Exception {
        if (!migrated.contains(changelog)) {
            runChangelog(changelog);
            migrated.add(changelog);
        }
    }

    /** Runs a changelog from the test class path with {@link Migrator}, every time; its summary goes to the (silenced) log. */
    public void runChangelog(String changelog) throws Exception {
        Scope.child(Scope.Attr.ui.name(), new LoggerUIService(),
                () -> Migrator.migrate(pool, new ClassLoaderResourceAccessor(TestDb.class.getClassLoader()), changelog));
    }

    /** Creates an initiative with a slug unique in this run and returns its id. */
    public long newInitiative() {
        String slug = "init-" + COUNTER.incrementAndGet();
        return db.global(sql -> sql.insert(
                "insert into platform_initiative (slug, name, archived, created_at) values (:slug, :slug, false, current_timestamp)",
                "slug", slug));
    }

    @Override
    public void close() throws Exception {
        pool.close();
        cleanup.close();
    }

    @Override
    public String toString() {
        return dialect.name();
    }

    private static void admin(EmbeddedPostgres server, String statement) throws Exception {
        try (Connection c = server.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
