package nl.samenredzaam.core.internal.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import nl.samenredzaam.api.data.Sql;
import nl.samenredzaam.api.data.Sql.Dialect;
import nl.samenredzaam.core.platform.DataAccessException;
import nl.samenredzaam.core.platform.PlatformDatabase;

/** Transactions on a pooled {@link DataSource}. Plain Java, so tests use it without a framework. */
public final class JdbcDatabase implements PlatformDatabase {

    private final DataSource dataSource;
    private final Dialect dialect;
    /**
     * Places for request transactions: the pool's size minus a reserve. A request holds its connection for
     * its whole length, and may meanwhile need a second, short one ({@link #global}, {@link #transaction}:
     * settings, audit, tokens). Without a reserve, as many requests as the pool has connections can each
     * hold one and wait for a second until the pool's time-out: every request fails with 503 (found by the
     * wrk benchmark: 16 concurrent page requests on a pool of 10, docs/performance.md). With the reserve,
     * the short inner work always finds a connection and the requests beyond the places wait their turn.
     */
    private final Semaphore requestPlaces;
    private final long placeTimeoutMillis;

    public JdbcDatabase(DataSource dataSource, Dialect dialect) {
        this.dataSource = dataSource;
        this.dialect = dialect;
        if (dataSource instanceof com.zaxxer.hikari.HikariDataSource pool) {
            int size = pool.getMaximumPoolSize();
            this.requestPlaces = new Semaphore(Math.max(1, size - reserve(size)), true);
            this.placeTimeoutMillis = pool.getConnectionTimeout();
        } else {
            this.requestPlaces = new Semaphore(Integer.MAX_VALUE);
            this.placeTimeoutMillis = 5_000;
        }
    }

    /** Connections kept for the short work inside requests: a quarter of the pool, at least 2 (1 for a pool of 2). */
    static int reserve(int poolSize) {
        return Math.min(Math.max(2, poolSize / 4), poolSize - 1);
    }

    /** Places for request transactions that are free now (for tests and metrics). */
    int freeRequestPlaces() {
        return requestPlaces.availablePermits();
    }

    @Override
    public <T> T transaction(long initiativeId, Work<T> work) {
        if (initiativeId <= 0) {
            throw new IllegalArgumentException("no initiative");
        }
        return run(initiativeId, true, work);
    }

    @Override
    public <T> T global(Work<T> work) {
        return run(0, false, work);
    }

    @Override
    public Transaction begin(long initiativeId) {
        if (initiativeId <= 0) {
            throw new IllegalArgumentException("no initiative");
        }
        return new LazyTransaction(initiativeId);
    }

    /**
     * Whether the database answers a real query on a platform table. (A connection's
     * {@code isValid} is not enough: an embedded H2 database that closed itself after a failed
     * write, e.g. on a full disk, still hands out connections that say they are valid.)
     */
    @Override
    public boolean ping() {
        try (Connection c = dataSource.getConnection()) {
            if (!c.isValid(2)) {
                return false;
            }
            try (java.sql.Statement s = c.createStatement()) {
                s.setQueryTimeout(2);
                s.executeQuery("select count(*) from platform_initiative").close();
            }
            if (storageBroken) {
                // a write failed for lack of storage: only a write tells whether it works again
                c.setAutoCommit(false);
                try (java.sql.PreparedStatement probe = c.prepareStatement("update platform_health_probe set checked_at = ? where id = 1")) {
                    probe.setObject(1, java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC));
                    probe.executeUpdate();
                    c.commit();
                } catch (SQLException e) {
                    rollbackQuietly(c, e);
                    throw e;
                }
                storageBroken = false;
            }
            return true;
        } catch (SQLException e) {
            evictIfBroken(e);
            return false;
        }
    }

    /** Set when a write failed for lack of storage; cleared by a successful write in {@link #ping}. */
    private volatile boolean storageBroken;

    /**
     * After a storage failure H2 closes the database; the pooled connections stay bound to the closed
     * instance. Evicting the whole pool makes the next connection open the database file again, so
     * the platform recovers on its own once the disk has space again.
     */
    private void evictIfBroken(Throwable failure) {
        boolean storage = false;
        for (Throwable t = failure; t != null && !storage; t = t.getCause()) {
            storage = t instanceof SQLException sql && DataAccessException.isStorageFailure(sql);
            for (Throwable s : t.getSuppressed()) {
                storage |= s instanceof SQLException sql && DataAccessException.isStorageFailure(sql);
            }
        }
        if (storage) {
            storageBroken = true;
        }
        if (storage && dataSource instanceof com.zaxxer.hikari.HikariDataSource pool) {
            com.zaxxer.hikari.HikariPoolMXBean bean = pool.getHikariPoolMXBean();
            if (bean != null) {
                bean.softEvictConnections();
            }
        }
    }

    @Override
    public Dialect dialect() {
        return dialect;
    }

    private <T> T run(long initiativeId, boolean scoped, Work<T> work) {
        JdbcSql sql;
        T result;
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            sql = new JdbcSql(() -> connection, initiativeId, scoped, dialect);
            try {
                result = work.run(sql);
                connection.commit();
            } catch (Exception | Error e) {
                sql.rolledBack();
                rollbackQuietly(connection, e);
                evictIfBroken(e);
                if (e instanceof RuntimeException re) {
                    throw re;
                }
                if (e instanceof Error err) {
                    throw err;
                }
                if (e instanceof SQLException failure) {
                    throw new DataAccessException(failure);
                }
                throw new IllegalStateException(e);
            }
        } catch (SQLException e) {
            // no connection, or closing it failed: the work did not run, or its commit is not certain
            evictIfBroken(e);
            throw new DataAccessException(e);
        }
        // after the connection went back to the pool, so that a hook may take one
        sql.committed();
        return result;
    }

    private static void rollbackQuietly(Connection connection, Throwable cause) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    /** The request transaction: takes a connection only when the handler first touches the database. */
    private final class LazyTransaction implements Transaction {
        private final JdbcSql sql;
        private Connection connection;
        private boolean done;
        private boolean placed;

        LazyTransaction(long initiativeId) {
            this.sql = new JdbcSql(this::connection, initiativeId, true, dialect);
        }

        private Connection connection() throws SQLException {
            if (done) {
                throw new IllegalStateException("transaction already ended");
            }
            if (connection == null) {
                if (!placed) {
                    try {
                        placed = requestPlaces.tryAcquire(placeTimeoutMillis, TimeUnit.MILLISECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    if (!placed) {
                        throw new SQLTransientConnectionException("all request connections are busy", "08001");
                    }
                }
                connection = dataSource.getConnection();
                connection.setAutoCommit(false);
            }
            return connection;
        }

        /**
         * Commits, gives the connection and the request place back at once (the transaction can do no
         * more), then runs the after-commit hooks: they may take connections of their own.
         */
        @Override
        public void commit() {
            if (done) {
                return;
            }
            if (connection != null) {
                try {
                    connection.commit();
                } catch (SQLException e) {
                    sql.rolledBack();
                    evictIfBroken(e);
                    throw new DataAccessException(e);
                }
            }
            done = true;
            release();
            sql.committed();
        }

        @Override
        public void afterCommit(Runnable hook) {
            if (done) {
                throw new IllegalStateException("transaction already ended: an after-commit hook can no longer be added");
            }
            sql.afterCommit(hook);
        }

        @Override
        public void close() {
            if (!done) {
                sql.rolledBack();
            }
            try {
                if (connection != null && !done) {
                    connection.rollback();
                }
            } catch (SQLException e) {
                // the connection is returned to the pool below; Hikari discards broken ones, and
                // evicting helps for H2's closed-after-failure state, which Hikari does not know
                evictIfBroken(e);
            } finally {
                done = true;
                release();
            }
        }

        /** Gives the request place and the connection back (once). */
        private void release() {
            if (placed) {
                placed = false;
                requestPlaces.release();
            }
            if (connection != null) {
                try {
                    connection.close();
                } catch (SQLException e) {
                    // nothing more to do
                }
                connection = null;
            }
        }

        @Override
        public long initiativeId() {
            return sql.initiativeId();
        }

        @Override
        public <T> java.util.List<T> list(String statement, nl.samenredzaam.api.data.RowMapper<T> mapper, Object... nv) {
            return sql.list(statement, mapper, nv);
        }

        @Override
        public <T> java.util.Optional<T> first(String statement, nl.samenredzaam.api.data.RowMapper<T> mapper, Object... nv) {
            return sql.first(statement, mapper, nv);
        }

        @Override
        public int update(String statement, Object... nv) {
            return sql.update(statement, nv);
        }

        @Override
        public long insert(String statement, Object... nv) {
            return sql.insert(statement, nv);
        }

        @Override
        public Sql.Dialect dialect() {
            return dialect;
        }
    }
}
