package nl.samenredzaam.testing.db;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;

import liquibase.Scope;
import liquibase.resource.ClassLoaderResourceAccessor;
import liquibase.ui.LoggerUIService;
import nl.samenredzaam.api.data.Database;
import nl.samenredzaam.api.data.Sql;
import nl.samenredzaam.api.initiative.Initiative;
import nl.samenredzaam.core.internal.db.JdbcDatabase;
import nl.samenredzaam.core.internal.db.Migrator;
import nl.samenredzaam.core.internal.initiative.InitiativeServiceImpl;
import nl.samenredzaam.core.platform.InitiativeService;
import nl.samenredzaam.core.platform.PlatformDatabase;

/**
 * A fresh database for a repository test, with the platform's tables already migrated: core's own
 * {@link JdbcDatabase} over a small connection pool, exactly the {@link Database} a module gets in
 * production. Get one from {@link TestDatabases} or, for a whole test class on both databases,
 * from {@link DatabaseTest}.
 *
 * <p>Tests in one class share the database; keep them apart by giving each test its own
 * initiative ({@link #newInitiative()}), which also exercises the initiative scoping.
 */
public final class TestDatabase implements AutoCloseable {

    /** The platform's changelog, in core's jar. */
    public static final String PLATFORM_CHANGELOG = "db/platform/changelog.sql";

    private static final AtomicInteger SLUGS = new AtomicInteger();

    static {
        Quiet.liquibase();
    }

    private final Sql.Dialect dialect;
    private final String description;
    private final HikariDataSource pool;
    private final JdbcDatabase database;
    private final InitiativeService initiatives;
    private final AutoCloseable cleanup;
    private final Set<String> migrated = new LinkedHashSet<>();
    private boolean closed;

    TestDatabase(Sql.Dialect dialect, String description, HikariDataSource pool, AutoCloseable cleanup) {
        this.dialect = dialect;
        this.description = description;
        this.pool = pool;
        this.database = new JdbcDatabase(pool, dialect);
        this.initiatives = InitiativeServiceImpl.standalone(database, Clock.systemUTC());
        this.cleanup = cleanup;
        try {
            migrate(PLATFORM_CHANGELOG);
        } catch (RuntimeException e) {
            closeQuietly(e);
            throw e;
        }
    }

    /** H2 or PostgreSQL. */
    public Sql.Dialect dialect() {
        return dialect;
    }

    /** The initiative-scoped transactions a module uses ({@code transaction(initiativeId, sql -> ...)}). */
    public Database database() {
        return database;
    }

    /**
     * Core's wider view: {@code global(...)} for platform tables and checks across initiatives,
     * {@code begin(...)} for the lazy request transaction the web layer uses.
     */
    public PlatformDatabase platform() {
        return database;
    }

    /** The pooled data source (auto-commit off), e.g. for plain JDBC checks. */
    public DataSource dataSource() {
        return pool;
    }

    /** Core's initiative service on this database. */
    public InitiativeService initiatives() {
        return initiatives;
    }

    /**
     * Runs Liquibase changelogs from the test class path with core's {@link Migrator}, in order;
     * each changelog at most once per database (migrating is idempotent anyway, this is for speed).
     *
     * @param changelogs class path resources, e.g. {@code db/calendar/changelog.sql}
     * @throws IllegalStateException when a migration fails (the database is left as Liquibase left it)
     */
    public TestDatabase migrate(String... changelogs) {
        for (String changelog : changelogs) {
            Objects.requireNonNull(changelog, "changelog");
            if (migrated.contains(changelog)) {
                continue;
            }
            try {
                ClassLoader loader = Thread.currentThread().getContextClassLoader();
                ClassLoaderResourceAccessor resources = new ClassLoaderResourceAccessor(
                        loader != null ? loader : TestDatabase.class.getClassLoader());
                Scope.child(Scope.Attr.ui.name(), new LoggerUIService(), () -> Migrator.migrate(pool, resources, changelog));
            } catch (Exception e) {
                throw new IllegalStateException("migrating " + changelog + " on " + description + " failed: " + e.getMessage(), e);
            }
            migrated.add(changelog);
        }
        return this;
    }

    /** The changelogs migrated so far, the platform's first. */
    public List<String> migrated() {
        return new ArrayList<>(migrated);
    }

    /** Creates an initiative the way the platform does (slug rules included). */
    public Initiative createInitiative(String slug, String name) {
        return initiatives.create(slug, name);
    }

    /** Creates an initiative with a slug unique in this test run and returns its id. */
    public long newInitiative() {
        String slug = "test-" + SLUGS.incrementAndGet();
        return createInitiative(slug, "Test " + slug).id();
    }

    /** Runs work for one initiative in one transaction; short for {@code database().transaction(...)}. */
    public <T> T inInitiative(long initiativeId, Database.Work<T> work) {
        return database.transaction(initiativeId, work);
    }

    /** Closes the pool and removes the database (the H2 files, the PostgreSQL database). */
    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            pool.close();
            try {
                cleanup.close();
            } catch (Exception e) {
                throw new IllegalStateException("cannot remove test database " + description, e);
            }
        }
    }

    private void closeQuietly(Exception cause) {
        try {
            close();
        } catch (RuntimeException e) {
            cause.addSuppressed(e);
        }
    }

    @Override
    public String toString() {
        return description;
    }
}
