package nl.samenredzaam.core.internal.db;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import nl.samenredzaam.api.data.Sql;
import nl.samenredzaam.api.data.Sql.Dialect;
import nl.samenredzaam.core.platform.DataAccessException;
import nl.samenredzaam.core.platform.PlatformDatabase;

/** Transactions on a pooled {@link DataSource}. Plain Java, so tests use it without a framework. */
public final class JdbcDatabase implements PlatformDatabase {

    private final DataSource dataSource;
    private final Dialect dialect;

    public JdbcDatabase(DataSource dataSource, Dialect dialect) {
        this.dataSource = dataSource;
        this.dialect = dialect;
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

    @Override
    public boolean ping() {
        try (Connection c = dataSource.getConnection()) {
            return c.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    @Override
    public Dialect dialect() {
        return dialect;
    }

    private <T> T run(long initiativeId, boolean scoped, Work<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                T result = work.run(new JdbcSql(() -> connection, initiativeId, scoped, dialect));
                connection.commit();
                return result;
            } catch (Exception | Error e) {
                rollbackQuietly(connection, e);
                if (e instanceof RuntimeException re) {
                    throw re;
                }
                if (e instanceof Error err) {
                    throw err;
                }
                if (e instanceof SQLException sql) {
                    throw new DataAccessException(sql);
                }
                throw new IllegalStateException(e);
            }
        } catch (SQLException e) {
            throw new DataAccessException(e);
        }
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

        LazyTransaction(long initiativeId) {
            this.sql = new JdbcSql(this::connection, initiativeId, true, dialect);
        }

        private Connection connection() throws SQLException {
            if (done) {
                throw new IllegalStateException("transaction already ended");
            }
            if (connection == null) {
                connection = dataSource.getConnection();
                connection.setAutoCommit(false);
            }
            return connection;
        }

        @Override
        public void commit() {
            if (connection != null && !done) {
                try {
                    connection.commit();
                } catch (SQLException e) {
                    throw new DataAccessException(e);
                }
            }
            done = true;
        }

        @Override
        public void close() {
            if (connection == null) {
                done = true;
                return;
            }
            try {
                if (!done) {
                    connection.rollback();
                }
            } catch (SQLException e) {
                // the connection is returned to the pool below; Hikari discards broken ones
            } finally {
                done = true;
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
